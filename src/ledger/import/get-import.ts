// Use case: one import batch as its report, with its first errors; another uploader's batch is "not found"
// to a collector or salesperson (import-queries.ts says why).
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import { batchToReport } from './import-dto';
import { selectBatch } from './import-queries';
import type { ImportReport } from './report';

export async function getImport(db: Db, actor: Actor, id: number): Promise<ImportReport> {
  assertCan(actor, 'ledger:read');
  const row = await selectBatch(db, actor, id);
  if (!row) throw notFound('import batch', id);
  return batchToReport(row);
}
