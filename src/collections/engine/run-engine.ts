// One engine cycle: sync cases with the ledger (set-based SQL), then evaluate the cases due for evaluation in
// batches. Kinds: `full` (daily: every open case not yet evaluated for the date), `incremental` (customers
// whose ledger changed, from collection_dirty), `customer` (named customers, from the CLI or API).
// Several workers may run at once: batches claim cases with FOR UPDATE SKIP LOCKED, and every write is
// keyed, so nothing fires twice. A run killed half-way leaves its unfinished cases unevaluated for the date;
// the next run picks exactly those up.
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { ensureDefaultStrategies } from '../strategy/strategy-queries';
import { loadEngineContext } from './engine-context';
import { type Checkpoint, evaluateBatch } from './evaluate-batch';
import { syncCases } from './sync-cases';

export interface EngineOptions {
  asOf: string;
  kind: 'full' | 'incremental' | 'customer';
  customerIds?: number[];
  batchSize?: number;
  /** Simulator: every case follows this strategy. */
  forceStrategy?: string;
  /**
   * Batch loops run side by side (PostgreSQL: 2 keeps both cores busy, one loop rendering while the other
   * waits on the database; PGlite has one connection, so 1). Loops never share a case (SKIP LOCKED).
   */
  concurrency?: number;
  /** Fault injection for tests: throwing here kills the run at that point. */
  checkpoint?: Checkpoint;
}

export interface EngineResult {
  runId: number;
  asOf: string;
  kind: EngineOptions['kind'];
  casesOpened: number;
  casesClosed: number;
  casesEvaluated: number;
  stepsFired: number;
  messages: number;
  tasks: number;
  durationMs: number;
}

export async function runEngine(db: Db, options: EngineOptions): Promise<EngineResult> {
  const started = Date.now();
  const { asOf, kind } = options;
  await ensureDefaultStrategies(db);
  const ctx = await loadEngineContext(db, asOf, options.forceStrategy);
  const run = await db
    .insertInto('engine_run')
    .values({ kind, as_of: asOf })
    .returning('id')
    .executeTakeFirstOrThrow();
  const result: EngineResult = {
    runId: run.id,
    asOf,
    kind,
    casesOpened: 0,
    casesClosed: 0,
    casesEvaluated: 0,
    stepsFired: 0,
    messages: 0,
    tasks: 0,
    durationMs: 0,
  };
  try {
    await inTransaction(db, SYSTEM_ACTOR, async (tx) => {
      let customerIds: number[] | null = null;
      if (kind === 'customer') customerIds = options.customerIds ?? [];
      if (kind === 'incremental') {
        const taken = await sql<{
          customer_id: number;
        }>`delete from collection_dirty returning customer_id`.execute(tx);
        customerIds = taken.rows.map((r) => r.customer_id);
      }
      // A full sync covers every customer, so pending change marks are settled by it.
      if (kind === 'full') await sql`delete from collection_dirty`.execute(tx);
      const counts = await syncCases(tx, { asOf, horizonDate: ctx.horizonDate, customerIds });
      result.casesOpened = counts.opened;
      result.casesClosed = counts.closed;
      await options.checkpoint?.('sync');
    });
    // Opening thousands of cases at once (the first cycle, a big import) leaves the planner's statistics
    // describing a near-empty table, and the batches' joins then pick plans for a handful of rows.
    if (result.casesOpened > 5000) await sql`analyze collection_case`.execute(db);
    // Pass 1 walks the cases in id order; pass 2 takes any that another worker held and then released
    // without finishing (it died), so one run leaves nothing behind that it could have done. A failure in
    // one loop stops the others before their next batch.
    let failed = false;
    const loop = async () => {
      for (let pass = 0; pass < 2; pass++) {
        let afterId = 0;
        while (!failed) {
          const batch = await inTransaction(db, SYSTEM_ACTOR, (tx) =>
            evaluateBatch(tx, ctx, {
              full: kind === 'full',
              afterId,
              limit: options.batchSize ?? 500,
              runId: run.id,
              checkpoint: options.checkpoint,
            }),
          );
          if (batch.claimed === 0) break;
          afterId = batch.lastId;
          result.casesEvaluated += batch.claimed;
          result.stepsFired += batch.fired;
          result.messages += batch.messages;
          result.tasks += batch.tasks;
        }
      }
    };
    const loops = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () =>
      loop().catch((error) => {
        failed = true;
        throw error;
      }),
    );
    const outcomes = await Promise.allSettled(loops);
    const rejected = outcomes.find((o) => o.status === 'rejected');
    if (rejected) throw (rejected as PromiseRejectedResult).reason;
    result.durationMs = Date.now() - started;
    await db
      .updateTable('engine_run')
      .set({
        status: 'done',
        finished_at: new Date(),
        cases_opened: result.casesOpened,
        cases_closed: result.casesClosed,
        cases_evaluated: result.casesEvaluated,
        steps_fired: result.stepsFired,
        messages: result.messages,
        tasks: result.tasks,
      })
      .where('id', '=', run.id)
      .execute();
    return result;
  } catch (error) {
    await db
      .updateTable('engine_run')
      .set({
        status: 'failed',
        finished_at: new Date(),
        error: String((error as Error)?.message ?? error).slice(0, 2000),
      })
      .where('id', '=', run.id)
      .execute()
      .catch(() => undefined);
    throw error;
  }
}
