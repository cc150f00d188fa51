// The simulator on small ledgers: it works on a fresh store (strategies not installed yet), customers do not
// settle every old overdue invoice on the first simulated day, and the copy carries on the collection work
// under way (cases, fired steps, promises) instead of starting every case afresh.
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { runEngine } from '../../src/collections/engine/run-engine';
import { simulate } from '../../src/collections/simulator/simulate';
import { readSnapshot } from '../../src/collections/simulator/snapshot';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import { addDays } from '../../src/shared/dates';
import { describeEachStore } from '../support/stores';
import { activate, addCustomer, addEntity, addInvoice, addUser, pay, resetCollections } from './fixtures';

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
    const total = daily.at(-1)!.collected as number; // one currency: never unknown
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
    // (and the reminders, due before the cases opened, recorded as skipped by the catch-up)
    const fired = await sql<{ n: number }>`
      select count(*)::int as n from step_firing where outcome <> 'skipped'`.execute(db);
    expect(fired.rows[0].n).toBe(4);
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

  it('starts every case in the state it had on the start date, not in the one it has today', {
    timeout: 240_000,
  }, async () => {
    const db = store().db;
    await ensureDefaultStrategies(db);
    await activate(db, 'standard');
    const collectorId = await addUser(db);
    // On the start date one case is 3 days overdue (early), the other due in 5 days (reminder).
    const early = await addCustomer(db, { collectorId, attributes: LATE_PAYER });
    await addInvoice(db, { entityId, customerId: early, dueDate: addDays(FROM, -3), amount: 300_000 });
    const reminder = await addCustomer(db, { collectorId, attributes: LATE_PAYER });
    await addInvoice(db, { entityId, customerId: reminder, dueDate: addDays(FROM, 5), amount: 200_000 });
    // And one that promised before the date to pay all by after the period, and paid part of it.
    const promising = await addCustomer(db, { collectorId, attributes: LATE_PAYER });
    const owed = await addInvoice(db, {
      entityId,
      customerId: promising,
      dueDate: addDays(FROM, -3),
      amount: 300_000,
    });
    const run = (asOf: string) => runEngine(db, { asOf, kind: 'full' });
    for (let d = addDays(FROM, -10); d <= FROM; d = addDays(d, 1)) {
      if (d === addDays(FROM, -2)) {
        await sql`insert into promise (case_id, customer_id, entity_id, currency, amount, promised_on, due_on)
                  select id, customer_id, entity_id, 'CNY', 300000, ${d}::date, ${addDays(FROM, 20)}::date
                  from collection_case where customer_id = ${promising}`.execute(db);
      }
      if (d === addDays(FROM, -1)) {
        await pay(db, { entityId, customerId: promising, invoiceId: owed, amount: 50_000, date: d });
      }
      await run(d);
    }
    // After the start date both customers promise and break the promise: the broken promise escalates
    // both cases to strong collection at once.
    await sql`insert into promise (case_id, customer_id, entity_id, currency, amount, promised_on, due_on)
              select id, customer_id, entity_id, 'CNY', 100000, ${addDays(FROM, 1)}::date, ${addDays(FROM, 2)}::date
              from collection_case where customer_id in (${early}, ${reminder})`.execute(db);
    for (let d = addDays(FROM, 1); d <= addDays(FROM, 5); d = addDays(d, 1)) await run(d);
    const today = await sql<{ customer_id: number; stage: string; stage_floor: string | null }>`
      select customer_id, stage, stage_floor from collection_case order by customer_id`.execute(db);
    expect(today.rows).toEqual([
      { customer_id: early, stage: 'strong', stage_floor: 'strong' },
      { customer_id: reminder, stage: 'strong', stage_floor: 'strong' },
      { customer_id: promising, stage: 'early', stage_floor: null },
    ]);
    // Paid by after the start date in the real ledger: kept today.
    await pay(db, {
      entityId,
      customerId: promising,
      invoiceId: owed,
      amount: 250_000,
      date: addDays(FROM, 3),
    });
    await run(addDays(FROM, 4));

    const snapshot = await readSnapshot(db, FROM, 8, 3000);
    const cases = snapshot.tables.collection_case.rows;
    const of = (customerId: number) => cases.find((k) => Number(k.customer_id) === customerId)!;
    // As the engine left them after its run of the day before: early since the day after the due date,
    // having spent 8 days in reminder (opened 7 days before the due date); the other still in reminder.
    expect(of(early)).toMatchObject({
      stage: 'early',
      stage_since: addDays(FROM, -2),
      stage_floor: null,
      status: 'active',
      anchor_due_on: addDays(FROM, -3),
      days_past_due: 3,
    });
    expect(of(reminder)).toMatchObject({
      stage: 'reminder',
      stage_since: addDays(FROM, -2),
      stage_floor: null,
      status: 'active',
      anchor_due_on: addDays(FROM, 5),
      days_past_due: -5,
    });
    // (toMatchObject would take any clock that has these entries.)
    expect(of(early).stage_clock).toEqual({ reminder: { first: addDays(FROM, -10), days: 8 } });
    expect(of(reminder).stage_clock).toEqual({});
    // The promise as it stood: open, for what was still owed (the copy's ledger starts from the open
    // amounts, so the part paid before the date cannot count towards it again); the later ones not at all.
    expect(snapshot.tables.promise.rows).toEqual([
      expect.objectContaining({ amount: 250_000, status: 'open', paid_amount: 0, resolved_on: null }),
    ]);
    expect(of(promising)).toMatchObject({ stage: 'early', status: 'promise', days_past_due: 3 });
    expect(snapshot.tables.step_firing.rows.every((f) => String(f.fired_on) < FROM)).toBe(true);

    const result = await simulate(db, { from: FROM, days: 8, strategies: ['standard'] });
    const [standard] = result.strategies;
    // The period as the strategy would run it from that state: the early case's SMS of day 7 and call of
    // day 10, the other case's SMS the day before its due date, overdue notice and first call. Nothing of
    // strong collection (escalation, formal demand, stop of supply), which the cases only reached later.
    // The promising customer's case is held by the promise all period. (A copy with today's stages
    // escalated the other two within the period without any broken promise.)
    expect(standard.messages).toMatchObject({ email: 1, sms: 2, letter: 0 });
    expect(standard.tasks).toEqual({ call: 2, total: 2 });
    expect(standard.stepsFired).toBe(5);
  });
});
