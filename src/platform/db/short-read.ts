// Short reads that answer a screen (one page of a list, one record) from an index in a few milliseconds.
// On PostgreSQL the planner may still give such a statement parallel workers when it misjudges how many rows
// it reads (a filter it cannot estimate, fresh statistics after a bulk change): starting the workers costs
// more than the query, and under many concurrent users they compete for the few cores every request needs.
// The setting is transaction-local, so reports and batch jobs keep their parallel plans.
import { sql } from 'kysely';
import type { Db, Tx } from './store';

/**
 * Runs `fn` in a transaction whose statements are planned without parallel workers. Inside a transaction
 * the caller opened, `fn` runs in it as it is (the setting would outlive `fn` there).
 */
export async function shortRead<T>(db: Db | Tx, fn: (tx: Db | Tx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(async (tx) => {
    await sql`set local max_parallel_workers_per_gather = 0`.execute(tx);
    return fn(tx);
  });
}
