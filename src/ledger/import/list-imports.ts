// Use case: the import batches, newest first (keyset on id), without their error lists. Dry runs are listed
// apart (dryRun: true): they wrote nothing, so they are not part of the import history. Collectors and
// salespeople see only the batches they uploaded (import-queries.ts says why).
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination';
import type { ImportKind } from './fields';
import { batchToReport } from './import-dto';
import { selectBatches } from './import-queries';
import type { ImportReport } from './report';

export async function listImports(
  db: Db,
  actor: Actor,
  input: { limit?: number; cursor?: string; kind?: ImportKind; dryRun?: boolean },
): Promise<{ items: ImportReport[]; nextCursor: string | null }> {
  assertCan(actor, 'ledger:read');
  const limit = input.limit ?? 50;
  const beforeId = input.cursor ? Number(decodeCursor(input.cursor, 1)[0]) : undefined;
  const rows = await selectBatches(db, actor, {
    limit: limit + 1,
    beforeId,
    kind: input.kind,
    dryRun: input.dryRun === true,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => batchToReport(row, { withErrors: false })),
    nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}
