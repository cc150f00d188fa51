// The engine's transactions (the sync and each batch), attributed to the system. Their writes to audited
// tables (cases, tasks, credit holds, and the promises and plans the sync settles) are the strategies applied
// in bulk, so each statement is ONE audit entry with its row count and digest, not one entry per row: per-row
// images of every case each day would multiply a cycle's time and fill the log with derived values, whose
// detail step_firing and engine_run keep anyway. People's changes to the same tables keep full images.
import { lockAuditChain, summariseAuditedStatements } from '../../auth/audit-queries';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';

/**
 * `headFirst`: take the audit chain head before anything else, for a transaction that locks rows and then
 * writes audited tables (the sync). A batch instead reads and renders without it and takes it itself before
 * it locks and writes (batch-claim.ts), so batches of several loops overlap except for their writes.
 */
export function engineTransaction<T>(
  db: Db,
  fn: (tx: Tx) => Promise<T>,
  options: { headFirst: boolean } = { headFirst: true },
): Promise<T> {
  return inTransaction(db, SYSTEM_ACTOR, async (tx) => {
    if (options.headFirst) await lockAuditChain(tx);
    await summariseAuditedStatements(tx);
    return fn(tx);
  });
}
