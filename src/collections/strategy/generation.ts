// The generation of the strategy set (migration 0028): everything the engine decides a case by that is not
// the case's own data — which strategy versions are active, the rule list — plus a manager's "run engine
// now". Each change adds one, in the change's own transaction, and queues a full cycle at once; a case
// evaluated under an older generation is due for evaluation again (batch-claim.ts), even if it was
// evaluated today. Re-evaluating is idempotent (keyed firings), so a bump costs work, never a duplicate.
import { sql } from 'kysely';
import { enqueueJob } from '../../jobs/job-queries';
import type { Db, Tx } from '../../platform/db/store';

/** The job that re-evaluates after a change (the daily cycle's kind; its own dedupe key). */
export const REEVALUATE_JOB = { kind: 'collections.cycle', dedupeKey: 'collections.cycle:reevaluate' };

export async function currentGeneration(db: Db | Tx): Promise<number> {
  const row = await sql<{ generation: string | number }>`
    select generation from collections_generation`.execute(db);
  return Number(row.rows[0]?.generation ?? 0);
}

/**
 * Marks every open case due for evaluation (in the caller's transaction) and, with `queue`, queues the full
 * cycle that does it now. Returns the new generation.
 */
export async function bumpGeneration(tx: Tx, options: { queue: boolean }): Promise<number> {
  const row = await sql<{ generation: string | number }>`
    update collections_generation set generation = generation + 1 returning generation`.execute(tx);
  if (options.queue) await enqueueJob(tx, REEVALUATE_JOB);
  return Number(row.rows[0].generation);
}
