// The simulator on small ledgers: it works on a fresh store (strategies not installed yet), customers do not
// settle every old overdue invoice on the first simulated day, and the copy carries on the collection work
// under way (cases, fired steps, promises) instead of starting every case afresh.
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { runEngine } from '../../src/collections/engine/run-engine';
import { simulate } from '../../src/collections/simulator/simulate';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import { addDays } from '../../src/shared/dates';
import { describeEachStore } from '../support/stores';
import { activate, addCustomer, addEntity, addInvoice, addUser, resetCollections } from './fixtures';

const FROM = '2026-03-10';
// Pays 60 to 90 days late: nothing of these ledgers is due to be paid within a short simulation.
const LATE_PAYER = { demoProfile: { profile: 'slow', lateDays: [60, 90] } };

describeEachStore('simulator', (store) => {
  let entityId: number;
  beforeEach(async () => {
    const db = store().db;
    await resetCollections(db);
    // As right after `demo`: no strategy has been installed yet.
    await sql`delete from strategy_rule`.execute(db);
    await sql`delete from strategy`.execute(db);
    entityId = await addEntity(db);
  });

  it('installs the shipped strategies on a fresh store before simulating', { timeout: 240_000 }, async () => {
    const db = store().db;
    const customerId = await addCustomer(db);
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 100_000 });
    const result = await simulate(db, { from: FROM, days: 2, strategies: ['standard'] });
    expect(result.strategies.map((s) => s.name)).toEqual(['standard']);
    expect(result.strategies[0].daily).toHaveLength(2);
  });

  it('spreads the payment of old overdue invoices over the period', { timeout: 240_000 }, async () => {
    const db = store().db;
    // No history and no profile: the average payer, 0 to 20 days late. Every invoice here is older than
    // that and still unpaid, so each one's payment day must be drawn again from the start date.
    for (let c = 0; c < 12; c++) {
      const customerId = await addCustomer(db);
      await addInvoice(db, { entityId, customerId, dueDate: addDays(FROM, -30 - 3 * c), amount: 100_000 });
    }
    const result = await simulate(db, { from: FROM, days: 15, strategies: ['none'], seed: 3 });
    const daily = result.strategies[0].daily;
    const total = daily.at(-1)!.collected;
    expect(total).toBeGreaterThan(0);
    // (Taking each invoice's natural day as it was, all of them were paid on the first day.)
    expect(daily[0].collected).toBeLessThan(total / 2);
  });

  it('goes on from the cases, fired steps and promises under way at the start', {
    timeout: 240_000,
  }, async () => {
    const db = store().db;
    await ensureDefaultStrategies(db);
    await activate(db, 'standard');
    const collectorId = await addUser(db);
    const due = addDays(FROM, -3);
    const chased = await addCustomer(db, { collectorId, attributes: LATE_PAYER });
    await addInvoice(db, { entityId, customerId: chased, dueDate: due, amount: 300_000 });
    const promising = await addCustomer(db, { collectorId, attributes: LATE_PAYER });
    await addInvoice(db, { entityId, customerId: promising, dueDate: due, amount: 200_000 });
    // The real engine: overdue notice on day 1, first call on day 2 of both cases.
    for (let d = addDays(due, 1); d < FROM; d = addDays(d, 1)) await runEngine(db, { asOf: d, kind: 'full' });
    expect((await sql<{ n: number }>`select count(*)::int as n from step_firing`.execute(db)).rows[0].n).toBe(
      4,
    );
    await sql`insert into promise (case_id, customer_id, entity_id, currency, amount, promised_on, due_on)
              select id, customer_id, entity_id, 'CNY', 200000, ${addDays(FROM, -1)}::date, ${addDays(FROM, 5)}::date
              from collection_case where customer_id = ${promising}`.execute(db);

    const result = await simulate(db, { from: FROM, days: 1, strategies: ['standard'] });
    const [standard] = result.strategies;
    // Day 3 of both cases: the steps of days 1 and 2 fired already, and the promise holds the other case.
    // (A copy without them fired both steps of both cases again, as the catch-up days allow.)
    expect(standard.stepsFired).toBe(0);
    expect(standard.messages.total).toBe(0);
    expect(standard.tasks.total).toBe(0);
    expect(standard.promises).toEqual({ made: 0, kept: 0, broken: 0 });
  });
});
