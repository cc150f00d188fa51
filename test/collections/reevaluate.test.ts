// Activating a strategy, changing the rules or pressing "run engine now" reaches the cases already evaluated
// today at once (issue 11), and re-evaluating never sends or assigns anything twice.
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { runCycle } from '../../src/collections/engine/run-cycle';
import { runEngine } from '../../src/collections/engine/run-engine';
import { setStrategyActive } from '../../src/collections/strategy/save-strategy';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import { putStrategyRules } from '../../src/collections/strategy/strategy-rules';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { describeEachStore } from '../support/stores';
import { addCustomer, addEntity, addInvoice, addUser, resetCollections } from './fixtures';

const TODAY = '2026-03-11';

async function counts(db: Db) {
  // firings: steps that fired; recorded: every step_firing row, the skipped ones too (none may double).
  const r = await sql<{ firings: number; recorded: number; outbox: number; tasks: number }>`
    select (select count(*) from step_firing where outcome <> 'skipped')::int as firings,
           (select count(*) from step_firing)::int as recorded, (select count(*) from outbox)::int as outbox,
           (select count(*) from task)::int as tasks`.execute(db);
  return r.rows[0];
}

const strategyId = async (db: Db, name: string) =>
  (
    await db
      .selectFrom('strategy')
      .select('id')
      .where('name', '=', name)
      .where('version', '=', 1)
      .executeTakeFirstOrThrow()
  ).id;

describeEachStore('re-evaluation on change', (store) => {
  let customerId: number;
  beforeEach(async () => {
    const db = store().db;
    await resetCollections(db);
    await ensureDefaultStrategies(db);
    await db.updateTable('strategy').set({ active: false }).execute();
    const entityId = await addEntity(db);
    customerId = await addCustomer(db, { collectorId: await addUser(db) });
    // Two days overdue on TODAY: the standard strategy's first call (day 2) and the day-1 notice are due.
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-09', amount: 3_000_000 });
    // The daily cycle ran today while every strategy was off: the case exists, nothing fired.
    await runEngine(db, { asOf: TODAY, kind: 'full' });
    await sql`delete from job`.execute(db);
  });

  it('activating a strategy re-evaluates the cases evaluated today, and queues that run at once', async () => {
    const db = store().db;
    expect(await counts(db)).toEqual({ firings: 0, recorded: 0, outbox: 0, tasks: 0 });
    await setStrategyActive(db, SYSTEM_ACTOR, { id: await strategyId(db, 'standard'), active: true });
    const queued = await sql<{ kind: string }>`select kind from job where status = 'queued'`.execute(db);
    expect(queued.rows).toEqual([{ kind: 'collections.cycle' }]);
    const run = await runEngine(db, { asOf: TODAY, kind: 'full' });
    expect(run.casesEvaluated).toBe(1);
    const kase = await db
      .selectFrom('collection_case')
      .select(['strategy_name', 'next_action_on'])
      .executeTakeFirstOrThrow();
    expect(kase.strategy_name).toBe('standard');
    // Steps that fired (the reminders due before the strategy reached the case are recorded as skipped).
    const fired = await sql<{ step_key: string }>`
      select step_key from step_firing where outcome <> 'skipped' order by step_key`.execute(db);
    expect(fired.rows.map((r) => r.step_key)).toEqual(['first-call-2', 'overdue-1']);
    // Nothing changed since: the next run of the day has nothing to do.
    expect((await runEngine(db, { asOf: TODAY, kind: 'full' })).casesEvaluated).toBe(0);
  });

  it('replacing the rules re-evaluates the cases under the strategy the rules now choose', async () => {
    const db = store().db;
    await setStrategyActive(db, SYSTEM_ACTOR, { id: await strategyId(db, 'standard'), active: true });
    await setStrategyActive(db, SYSTEM_ACTOR, { id: await strategyId(db, 'high-risk'), active: true });
    await runEngine(db, { asOf: TODAY, kind: 'full' });
    const before = await db.selectFrom('collection_case').select('strategy_name').executeTakeFirstOrThrow();
    expect(before.strategy_name).toBe('standard');
    await sql`delete from job`.execute(db);
    await putStrategyRules(db, SYSTEM_ACTOR, [
      {
        priority: 1,
        strategyName: 'high-risk',
        segment: null,
        grade: null,
        language: null,
        minAmount: null,
        maxAmount: null,
        amountCurrency: 'CNY',
      },
    ]);
    const queued = await sql<{ kind: string }>`select kind from job where status = 'queued'`.execute(db);
    expect(queued.rows).toEqual([{ kind: 'collections.cycle' }]);
    expect((await runEngine(db, { asOf: TODAY, kind: 'full' })).casesEvaluated).toBe(1);
    const after = await db.selectFrom('collection_case').select('strategy_name').executeTakeFirstOrThrow();
    expect(after.strategy_name).toBe('high-risk');
  });

  it('"run engine now" evaluates every open case again, and twice in a row duplicates nothing', async () => {
    const db = store().db;
    await db.updateTable('strategy').set({ active: true }).where('name', '=', 'standard').execute();
    // Activated behind the use case's back (a script): only "run now" can be relied on to pick it up.
    const first = await runCycle(db, SYSTEM_ACTOR, { asOf: TODAY });
    expect(first.casesEvaluated).toBe(1);
    const once = await counts(db);
    expect(once.firings).toBe(2);
    const second = await runCycle(db, SYSTEM_ACTOR, { asOf: TODAY });
    expect(second.casesEvaluated).toBe(1);
    expect(second.stepsFired).toBe(0);
    expect(await counts(db)).toEqual(once);
    // A run for named customers evaluates them again as well.
    const named = await runCycle(db, SYSTEM_ACTOR, { asOf: TODAY, customerIds: [customerId] });
    expect(named.casesEvaluated).toBe(1);
    expect(await counts(db)).toEqual(once);
  });
});
