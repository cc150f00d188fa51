// Use case: import one ERP export (CSV or XLSX) of a kind. Records the run as an import_batch whatever
// happens; loads everything or nothing. Rejected rows are the report, not an exception.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Actor, assertCan } from '../../platform/auth/actor';
import { holdLease } from '../../platform/db/lease';
import type { Store } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { AppError, invalid, msg } from '../../platform/errors';
import type { ImportKind } from './fields';
import { sha256File } from './file-hash';
import { batchToReport, EMPTY_DETAILS } from './import-dto';
import { finishBatch, insertBatch, selectBatch } from './import-queries';
import { type LoadInput, loadFile } from './load-file';
import type { ImportMapping } from './mapping';
import type { ImportReport } from './report';

export interface ImportFileInput {
  kind: ImportKind;
  filePath: string;
  /** As the user named it (uploads are stored under a temporary name). */
  fileName?: string;
  mapping?: ImportMapping;
  dryRun?: boolean;
  onProgress?: LoadInput['onProgress'];
  onPhase?: LoadInput['onPhase'];
}

export async function importFile(store: Store, actor: Actor, input: ImportFileInput): Promise<ImportReport> {
  assertCan(actor, 'imports:write');
  const mapping = input.mapping ?? {};
  const dryRun = input.dryRun === true;
  const file = await stat(input.filePath).catch(() => null);
  if (!file?.isFile())
    throw invalid(msg('noSuchFile', { file: input.filePath }), [
      { field: 'file', value: input.filePath, reason: 'not found' },
    ]);
  const sha256 = await sha256File(input.filePath);
  const batch = await inTransaction(store.db, actor, (tx) =>
    insertBatch(tx, {
      kind: input.kind,
      fileName: input.fileName ?? basename(input.filePath),
      sha256,
      mapping,
      dryRun,
      createdBy: actor.userId,
    }),
  );
  // While it runs, the batch's lease says its process lives; a batch whose lease runs out is marked failed.
  const releaseLease = holdLease(store.db, 'import_batch', batch.id);
  let outcome: Awaited<ReturnType<typeof loadFile>>;
  try {
    outcome = await loadFile(store, actor, { ...input, mapping, dryRun });
  } catch (error) {
    releaseLease();
    const reason = error instanceof AppError ? error.message : `internal error: ${(error as Error).message}`;
    const problems = error instanceof AppError ? (error.details?.problems ?? []) : [];
    const errors = problems.length
      ? problems.map((p) => ({
          line: p.line ?? 0,
          field: p.field ?? null,
          value: p.value ?? null,
          reason: p.reason,
          ...(p.code ? { code: p.code, params: p.params ?? {} } : {}),
        }))
      : [{ line: 0, field: null, value: null, reason, ...codeOf(error) }];
    const rejected = error instanceof AppError && error.code === 'IMPORT_REJECTED';
    // A file that cannot be read at all is the user's (a 400), not a failure of ours.
    const unreadable = error instanceof AppError && error.code === 'INVALID_INPUT';
    await inTransaction(store.db, actor, (tx) =>
      finishBatch(tx, batch.id, {
        status: rejected || unreadable ? 'rejected' : 'failed',
        rowsTotal: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        errorCount: errors.length,
        errors,
        details: EMPTY_DETAILS,
      }),
    );
    if (rejected) return batchToReport((await selectBatch(store.db, actor, batch.id))!);
    throw error;
  }
  releaseLease();
  await inTransaction(store.db, actor, (tx) => finishBatch(tx, batch.id, outcome));
  return batchToReport((await selectBatch(store.db, actor, batch.id))!);
}

/** The catalog code of a failure kept with its batch, so the history shows it in the reader's language. */
function codeOf(error: unknown): { code?: string; params?: Record<string, string | number> } {
  if (!(error instanceof AppError) || !error.messageCode) return {};
  const params = error.params ?? {};
  if (Object.values(params).some((value) => typeof value === 'object')) return {};
  return { code: error.messageCode, params: params as Record<string, string | number> };
}
