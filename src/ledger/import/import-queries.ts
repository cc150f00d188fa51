// The import_batch rows: one per run, written before the load starts ('running') and finished after it,
// outside the load's transaction so that a rejected or failed run is still on record.
import { type Selectable, sql } from 'kysely';
import { type Actor, madeByVisible } from '../../platform/auth/actor';
import type { ImportBatchTable, ImportError } from '../../platform/db/schema';
import type { Db, Tx } from '../../platform/db/store';
import type { ImportKind } from './fields';
import type { ImportReport, ImportStatus } from './report';

export interface NewBatch {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  mapping: unknown;
  dryRun: boolean;
  createdBy: number | null;
}

export async function insertBatch(db: Db | Tx, batch: NewBatch): Promise<{ id: number; startedAt: Date }> {
  const row = await db
    .insertInto('import_batch')
    .values({
      kind: batch.kind,
      file_name: batch.fileName.slice(0, 500),
      file_sha256: batch.sha256,
      mapping: JSON.stringify(batch.mapping ?? {}),
      dry_run: batch.dryRun,
      status: 'running',
      errors: '[]',
      created_by: batch.createdBy,
    })
    .returning(['id', 'started_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, startedAt: row.started_at };
}

export interface BatchOutcome {
  status: Exclude<ImportStatus, 'running'>;
  rowsTotal: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: ImportError[];
  details: Pick<ImportReport, 'source' | 'created' | 'allocations' | 'skipped' | 'warnings'>;
}

export async function finishBatch(db: Db | Tx, id: number, outcome: BatchOutcome): Promise<void> {
  await db
    .updateTable('import_batch')
    .set({
      status: outcome.status,
      rows_total: outcome.rowsTotal,
      inserted: outcome.inserted,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      error_count: outcome.errorCount,
      errors: JSON.stringify(outcome.errors),
      details: JSON.stringify(outcome.details),
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export type BatchRow = Selectable<ImportBatchTable>;

// A batch shows whatever its file held, any customer's rows included, so portfolio-scoped users see only the
// batches they uploaded (madeByVisible); the others see every batch.
export async function selectBatch(db: Db, actor: Actor, id: number): Promise<BatchRow | undefined> {
  return db
    .selectFrom('import_batch')
    .selectAll()
    .where('id', '=', id)
    .where(madeByVisible(actor, 'import_batch.created_by'))
    .executeTakeFirst();
}

/** Newest first; `beforeId` is the keyset cursor (the last id of the previous page). */
export async function selectBatches(
  db: Db,
  actor: Actor,
  input: { limit: number; beforeId?: number; kind?: ImportKind; dryRun: boolean },
): Promise<BatchRow[]> {
  // Lists leave the error lists (up to 1000 each) out; the detail has them.
  let query = db
    .selectFrom('import_batch')
    .select([
      'id',
      'kind',
      'file_name',
      'file_sha256',
      'mapping',
      'dry_run',
      'status',
      'rows_total',
      'inserted',
      'updated',
      'unchanged',
      'error_count',
      sql<ImportError[]>`'[]'::jsonb`.as('errors'),
      'details',
      'created_by',
      'started_at',
      'finished_at',
    ])
    .where(madeByVisible(actor, 'import_batch.created_by'))
    .where('dry_run', '=', input.dryRun)
    .orderBy('id', 'desc')
    .limit(input.limit);
  if (input.beforeId !== undefined) query = query.where('id', '<', input.beforeId);
  if (input.kind) query = query.where('kind', '=', input.kind);
  return query.execute();
}
