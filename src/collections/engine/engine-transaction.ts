// The engine's transactions (the sync and each batch), attributed to the system. Their writes to audited
// tables (cases, tasks, credit holds, and the promises and plans the sync settles) are the strategies applied
// in bulk, so each statement is ONE audit entry with its row count and digest, not one entry per row: per-row
// images of every case each day would multiply a cycle's time and fill the log with derived values, whose
// detail step_firing and engine_run keep anyway. People's changes to the same tables keep full images.
import { sql } from 'kysely';
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
    await planAsTheEngine(tx);
    if (options.headFirst) await lockAuditChain(tx);
    await summariseAuditedStatements(tx);
    return fn(tx);
  });
}

/**
 * Transaction-local settings of the engine's transactions:
 * - huikuan.collections_engine: the credit holds the engine places are not events for itself (their triggers,
 *   migration 0013), or every cycle that placed one would queue another re-evaluating the same cases;
 * - jit off: the engine's statements are many short ones over a batch of cases, and their cost estimates
 *   are often far too high (tables that grew since they were analysed: the outbox after the first cycle).
 *   Above jit_above_cost PostgreSQL then compiles each with LLVM: half a second per batch query for a
 *   query that runs in 30 ms. PGlite has no JIT; the setting is accepted there and changes nothing.
 */
async function planAsTheEngine(tx: Tx): Promise<void> {
  await sql`select set_config('huikuan.collections_engine', 'on', true), set_config('jit', 'off', true)`.execute(
    tx,
  );
}
