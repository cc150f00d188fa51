// Issue 15, "the engine day by day": what a daily run of the standard strategy must not lose or leave behind.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { getCase } from '../../src/collections/cases/get-case';
import { runEngine } from '../../src/collections/engine/run-engine';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { addDays } from '../../src/shared/dates';
import { describeEachStore } from '../support/stores';
import { addCustomer, addInvoice, pay, startWithStandardStrategy } from './fixtures';

async function runDays(db: Db, from: string, to: string): Promise<void> {
  for (let d = from; d <= to; d = addDays(d, 1)) await runEngine(db, { asOf: d, kind: 'full' });
}

describeEachStore('the engine day by day', (store) => {
  let entityId: number;
  let collectorId: number;
  beforeEach(async () => {
    ({ entityId, collectorId } = await startWithStandardStrategy(store().db));
  });

  it('releases the credit hold it placed once the customer has paid everything, saying why', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const invoiceId = await addInvoice(db, {
      entityId,
      customerId,
      dueDate: '2026-01-10',
      amount: 3_000_000,
    });
    await runDays(db, '2026-02-09', '2026-02-12');
    const placed = await db.selectFrom('credit_hold').selectAll().executeTakeFirstOrThrow();
    expect(placed).toMatchObject({ status: 'active', placed_stage: 'strong', placed_on: '2026-02-10' });
    await pay(db, { entityId, customerId, invoiceId, amount: 3_000_000, date: '2026-02-13' });
    await runEngine(db, { asOf: '2026-02-13', kind: 'full' });
    const released = await db.selectFrom('credit_hold').selectAll().executeTakeFirstOrThrow();
    expect(released).toMatchObject({
      status: 'released',
      released_on: '2026-02-13',
      released_reason: 'creditHoldReleasedCaseClosed',
      released_by: null,
    });
  });

  it('releases it when a payment brings the case back below the stage that placed it', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const old = await addInvoice(db, { entityId, customerId, dueDate: '2026-01-10', amount: 1_000_000 });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-02-05', amount: 1_000_000 });
    await runDays(db, '2026-02-09', '2026-02-11');
    expect(await db.selectFrom('credit_hold').select('status').executeTakeFirstOrThrow()).toEqual({
      status: 'active',
    });
    await pay(db, { entityId, customerId, invoiceId: old, amount: 1_000_000, date: '2026-02-12' });
    await runEngine(db, { asOf: '2026-02-12', kind: 'full' });
    const kase = await db.selectFrom('collection_case').select(['stage', 'status']).executeTakeFirstOrThrow();
    expect(kase.stage).toBe('early');
    const hold = await sql<{ status: string; released_reason: string | null }>`
      select status, released_reason from credit_hold`.execute(db);
    expect(hold.rows).toEqual([{ status: 'released', released_reason: 'creditHoldReleasedBackUnderRules' }]);
  });

  it('a dispute cancels the queued message for the right reason and the open call task', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const invoiceId = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-02', amount: 500_000 });
    // Day 1 queues the overdue notice (nothing sends it yet); day 2 adds the first call. Then the customer
    // disputes the invoice before the notice left.
    await runDays(db, '2026-03-03', '2026-03-04');
    await db.updateTable('invoice').set({ disputed: true }).where('id', '=', invoiceId).execute();
    await runEngine(db, { asOf: '2026-03-05', kind: 'full' });
    const kase = await db.selectFrom('collection_case').select('id').executeTakeFirstOrThrow();
    const detail = await getCase(db, SYSTEM_ACTOR, { id: kase.id, today: '2026-03-05' });
    const notice = detail.messages.find((m) => m.steps.includes('overdue-1'))!;
    expect(notice).toMatchObject({ status: 'cancelled', errorCode: 'messageCancelledDisputed' });
    expect(notice.error).not.toContain('no longer owed');
    const call = detail.tasks.find((t) => t.type === 'call')!;
    expect(call).toMatchObject({ status: 'cancelled', cancelReason: 'invoices_disputed' });
  });

  it('cases show counts the case and its invoices from one day, and says which', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-02', amount: 500_000 });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-05', amount: 500_000 });
    await runEngine(db, { asOf: '2026-03-10', kind: 'full' });
    const kase = await db.selectFrom('collection_case').select('id').executeTakeFirstOrThrow();
    // Viewed days after the last run: the case's figure must not stay at the run's day.
    const detail = await getCase(db, SYSTEM_ACTOR, { id: kase.id, today: '2026-03-20' });
    expect(detail.daysPastDueAsOf).toBe('2026-03-20');
    expect(detail.invoices.map((i) => i.daysPastDue)).toEqual([18, 15]);
    expect(detail.daysPastDue).toBe(Math.max(...detail.invoices.map((i) => i.daysPastDue)));
  });

  it('a queued letter keeps its date when paid invoices drop out of it, and what left is provable', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-05-30', amount: 700_000, number: 'A-1' });
    const paid = await addInvoice(db, {
      entityId,
      customerId,
      dueDate: '2026-05-30',
      amount: 300_000,
      number: 'B-2',
    });
    await runEngine(db, { asOf: '2026-06-30', kind: 'full' });
    const letter = await db
      .selectFrom('outbox')
      .selectAll()
      .where('channel', '=', 'letter')
      .executeTakeFirstOrThrow();
    expect(letter.body).toContain('2026-06-30');
    expect(letter.body).toContain('B-2');
    await pay(db, { entityId, customerId, invoiceId: paid, amount: 300_000, date: '2026-09-29' });
    await runEngine(db, { asOf: '2026-09-30', kind: 'full' });
    const again = await db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', letter.id)
      .executeTakeFirstOrThrow();
    expect(again.status).toBe('queued');
    expect(again.body).not.toContain('B-2');
    expect(again.body).toContain('A-1');
    expect(again.body).toContain('2026-06-30');
    expect(again.body).not.toContain('2026-09-30');
    // The hash names the content; once the message has left, its content cannot change.
    const { rows } = await sql<{ recipients: string }>`select recipients::text as recipients from outbox
      where id = ${letter.id}`.execute(db);
    expect(again.content_hash).toBe(
      createHash('sha256')
        .update(`${again.subject ?? ''}\n${again.body}\n${rows[0].recipients}`)
        .digest('hex'),
    );
    await db.updateTable('outbox').set({ status: 'sent' }).where('id', '=', letter.id).execute();
    await expect(
      db.updateTable('outbox').set({ body: 'changed' }).where('id', '=', letter.id).execute(),
    ).rejects.toThrow();
  });

  it('a pre-due SMS due on a Saturday the engine did not run is recorded as skipped on Monday, with why', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    // Due Sunday 03-08: the reminder SMS falls on Saturday 03-07; the engine runs on weekdays only.
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-08', amount: 200_000 });
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09'])
      await runEngine(db, { asOf: day, kind: 'full' });
    const kase = await db.selectFrom('collection_case').select('id').executeTakeFirstOrThrow();
    const detail = await getCase(db, SYSTEM_ACTOR, { id: kase.id, today: '2026-03-09' });
    const sms = detail.firings.find((f) => f.stepKey === 'remind-sms-1');
    expect(sms).toMatchObject({
      firedOn: '2026-03-09',
      outcome: 'skipped',
      detailCode: 'stepSkippedStageLeft',
      detailParams: { dueOn: '2026-03-07', stage: 'early', runOn: '2026-03-09' },
    });
    expect(detail.firings.find((f) => f.stepKey === 'overdue-1')).toMatchObject({ outcome: 'message' });
  });

  it('a USD case without a CNY rate shows its amount as unknown, naming the rate; a rate added re-evaluates', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-02', amount: 100_000, currency: 'USD' });
    await runEngine(db, { asOf: '2026-03-05', kind: 'full' });
    const kase = await db.selectFrom('collection_case').select('id').executeTakeFirstOrThrow();
    const before = await getCase(db, SYSTEM_ACTOR, { id: kase.id, today: '2026-03-05' });
    expect(before).toMatchObject({ amountCny: null, missingRates: ['USD→CNY'] });
    await db
      .insertInto('exchange_rate')
      .values({ from_currency: 'USD', to_currency: 'CNY', rate_date: '2026-03-01', rate: '7.1' })
      .execute();
    // The same day: the rate is news the engine acts on now, not at the next day's run.
    await runEngine(db, { asOf: '2026-03-05', kind: 'incremental' });
    const after = await getCase(db, SYSTEM_ACTOR, { id: kase.id, today: '2026-03-05' });
    expect(after).toMatchObject({ amountCny: 710_000, missingRates: [] });
  });
});
