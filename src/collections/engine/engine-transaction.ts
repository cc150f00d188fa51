// The engine's transactions (the sync and each batch), attributed to the system. Their writes to audited
// tables (cases, tasks, credit holds, and the promises and plans the sync settles) are the strategies applied
// in bulk, so each statement is ONE audit entry with its row count and digest, not one entry per row: per-row
// images of every case each day would multiply a cycle's time and fill the log with derived values, whose
// detail step_firing and engine_run keep anyway. People's changes to the same tables keep full images.
// The audit chain head is taken first because a batch locks its cases (claim, FOR UPDATE SKIP LOCKED) before
// it writes, while a person changing one of those cases holds the head and waits for the row: in the other
// order the two would deadlock. Batches therefore write one at a time, as all audited writers do.
import { lockAuditChain, summariseAuditedStatements } from '../../auth/audit-queries';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';

export function engineTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTransaction(db, SYSTEM_ACTOR, async (tx) => {
    await lockAuditChain(tx);
    await summariseAuditedStatements(tx);
    return fn(tx);
  });
}
