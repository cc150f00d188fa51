// One engine cycle: sync cases with the ledger (set-based SQL), then evaluate the cases due for evaluation in
// batches. Kinds: `full` (daily: every open case not yet evaluated for the date), `incremental` (customers
// whose ledger changed, from collection_dirty), `customer` (named customers, from the CLI or API).
// Several workers may run at once: batches claim cases with advisory locks and check them again under the
// audit chain head before writing (batch-claim.ts), and every write is keyed, so nothing fires twice. A run killed half-way leaves its unfinished cases unevaluated for the date;
// the next run picks exactly those up.
import { sql } from 'kysely';
import { appendAuditEvent } from '../../auth/audit-queries';
import type { Actor } from '../../platform/auth/actor';
import { abandonedReason, holdLease, leaseFromNow, ownerGone } from '../../platform/db/lease';
import type { Db, Tx } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { ensureDefaultStrategies } from '../strategy/strategy-queries';
import { loadEngineContext } from './engine-context';
import { engineTransaction } from './engine-transaction';
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
   * waits on the database; PGlite has one connection, so 1). Loops never share a case (batch-claim.ts).
   */
  concurrency?: number;
  /** Fault injection for tests: throwing here kills the run at that point. */
  checkpoint?: Checkpoint;
  /**
   * Who asked for the run (API, CLI): the run is then an audit-log entry in their name, with its date and
   * customers. The scheduled and incremental cycles and the simulator's runs are the system's own.
   */
  requestedBy?: Actor;
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

/** Takes the change marks (collection_dirty): the customers whose ledger changed since a run last took them. */
async function takeChangedCustomers(tx: Tx): Promise<number[]> {
  const taken = await sql<{
    customer_id: number;
  }>`delete from collection_dirty returning customer_id`.execute(tx);
  return taken.rows.map((r) => r.customer_id);
}

/** The engine_run row, and for a requested run the audit entry naming who asked, written together. */
async function startRun(db: Db, options: EngineOptions): Promise<{ id: number }> {
  const insert = (tx: Db) =>
    tx
      .insertInto('engine_run')
      .values({ kind: options.kind, as_of: options.asOf, lease_until: leaseFromNow() })
      .returning('id')
      .executeTakeFirstOrThrow();
  const requester = options.requestedBy;
  if (!requester) return insert(db);
  return inTransaction(db, requester, async (tx) => {
    const run = await insert(tx);
    await appendAuditEvent(
      tx,
      'engine_run',
      'RUN',
      { id: run.id },
      { kind: options.kind, asOf: options.asOf, customerIds: options.customerIds ?? null },
    );
    return run;
  });
}

/**
 * Marks the 'running' runs whose process is gone (killed mid-cycle) as failed, with the reason; returns how
 * many. See src/platform/db/lease.ts for `everyRunning`. What such a run left undone, the next run does.
 */
export async function markAbandonedRuns(db: Db, options: { everyRunning: boolean }): Promise<number> {
  const result = await db
    .updateTable('engine_run')
    .set({ status: 'failed', finished_at: new Date(), error: abandonedReason(options.everyRunning) })
    .where('status', '=', 'running')
    .where(ownerGone(options.everyRunning))
    .returning('id')
    .execute();
  return result.length; // (PGlite's driver reports no update counts)
}

export async function runEngine(db: Db, options: EngineOptions): Promise<EngineResult> {
  const started = Date.now();
  const { asOf, kind } = options;
  await ensureDefaultStrategies(db);
  const ctx = await loadEngineContext(db, asOf, options.forceStrategy);
  const run = await startRun(db, options);
  const releaseLease = holdLease(db, 'engine_run', run.id);
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
    await engineTransaction(db, async (tx) => {
      // Customers whose ledger changed since the last run. Either kind of cycle takes the marks, and either
      // evaluates those customers again: a full run only evaluates cases not yet evaluated for the date, so
      // taking the marks without that would leave a daytime payment unseen until the next day.
      const changed = kind === 'customer' ? [] : await takeChangedCustomers(tx);
      const named = options.customerIds ?? [];
      const counts = await syncCases(tx, {
        asOf,
        horizonDate: ctx.horizonDate,
        customerIds: kind === 'full' ? null : kind === 'incremental' ? changed : named,
        reevaluate: kind === 'customer' ? named : changed,
      });
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
          const batch = await engineTransaction(
            db,
            (tx) =>
              evaluateBatch(tx, ctx, {
                full: kind === 'full',
                afterId,
                limit: options.batchSize ?? 500,
                runId: run.id,
                checkpoint: options.checkpoint,
              }),
            { headFirst: false },
          );
          if (batch.scanned === 0) break;
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
    // Likewise after a cycle that wrote many firings, messages and tasks: the next cycle (or the worklist)
    // should not plan its joins on those tables from statistics taken when they were nearly empty.
    if (result.stepsFired > 5000) await sql`analyze step_firing, outbox, task`.execute(db);
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
  } finally {
    releaseLease();
  }
}
