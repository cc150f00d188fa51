import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { runEngine } from '../../src/collections/engine/run-engine';
import { readReason } from '../../src/collections/reasons';
import { STANDARD } from '../../src/collections/strategy/default-strategies';
import { saveStrategy } from '../../src/collections/strategy/save-strategy';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { addDays } from '../../src/shared/dates';
import { formatMessage } from '../../src/shared/messages';
import { describeEachStore } from '../support/stores';
import { addCustomer, addInvoice, pay, startWithStandardStrategy } from './fixtures';

async function runDays(db: Parameters<typeof runEngine>[0], from: string, to: string) {
  for (let d = from; d <= to; d = addDays(d, 1)) await runEngine(db, { asOf: d, kind: 'full' });
}

async function timeline(db: Parameters<typeof runEngine>[0]) {
  const rows = await sql<{ fired_on: string; step_key: string; outcome: string }>`
    select fired_on, step_key, outcome from step_firing order by fired_on, step_key`.execute(db);
  return rows.rows.map((r) => `${r.fired_on} ${r.step_key} ${r.outcome}`);
}

/** Message firings recorded against an outbox row that does not name their step (it never said it). */
async function firingsMissingFromTheirMessage(db: Parameters<typeof runEngine>[0]) {
  const rows = await sql<{ line: string }>`
    select concat_ws(' ', f.fired_on, f.step_key, '→ outbox', o.id, o.payload->>'steps') as line
    from step_firing f left join outbox o on o.id = f.outbox_id
    where f.outcome = 'message' and (o.id is null or not (o.payload->'steps' ? f.step_key))`.execute(db);
  return rows.rows.map((r) => r.line);
}

const invoiceNumbers = (payload: unknown) =>
  ((payload as { invoices: Array<{ id: number }> }).invoices ?? []).map((i) => i.id);

describeEachStore('collections engine', (store) => {
  let entityId: number;
  let collectorId: number;
  beforeEach(async () => {
    ({ entityId, collectorId } = await startWithStandardStrategy(store().db));
  });

  it('runs the standard strategy on the right days and never twice', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { name: '苏州精工', collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 8_000_000 });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-12', amount: 2_000_000 });
    await runDays(db, '2026-03-01', '2026-04-12');
    // Run two days again: nothing new.
    await runEngine(db, { asOf: '2026-04-12', kind: 'full' });
    await runEngine(db, { asOf: '2026-04-12', kind: 'customer', customerIds: [customerId] });
    expect(await timeline(db)).toEqual([
      '2026-03-03 remind-7 message',
      '2026-03-09 remind-sms-1 message',
      '2026-03-11 overdue-1 message',
      '2026-03-12 first-call-2 task',
      '2026-03-17 sms-7 message',
      '2026-03-20 follow-call-10 task',
      '2026-03-25 firm-15 message',
      '2026-03-30 follow-call-20 task',
      '2026-04-10 credit-hold task',
      '2026-04-10 escalate task',
      '2026-04-10 final-demand message',
      '2026-04-10 statement message',
    ]);
    // One consolidated message listing both invoices, in Chinese, to the finance contact.
    const notice = await db
      .selectFrom('outbox')
      .selectAll()
      .where('template_key', '=', 'overdue_notice')
      .executeTakeFirstOrThrow();
    const payload = notice.payload as {
      invoices: Array<{ number: string }>;
      totals: Array<{ overdue: number }>;
    };
    expect(payload.invoices).toHaveLength(1); // on 03-11 only the first invoice is overdue
    expect(notice.body).toContain('80,000.00');
    expect(notice.subject).toBe('逾期账款通知：苏州精工');
    const demand = await db
      .selectFrom('outbox')
      .selectAll()
      .where('template_key', '=', 'final_demand')
      .executeTakeFirstOrThrow();
    expect(demand.channel).toBe('letter');
    expect((demand.payload as { invoices: unknown[] }).invoices).toHaveLength(2);
    expect(demand.body).toContain('CNY 100,000.00');
    const tasks = await db
      .selectFrom('task')
      .select(['type', 'assignee_id', 'assignee_role', 'due_on'])
      .orderBy('due_on')
      .orderBy('type')
      .execute();
    expect(tasks.map((t) => `${t.due_on} ${t.type} ${t.assignee_role}`)).toEqual([
      '2026-03-12 call collector',
      '2026-03-20 call collector',
      '2026-03-30 call collector',
      '2026-04-10 credit_hold credit_manager',
      '2026-04-10 escalation collection_manager',
    ]);
    expect(tasks[0].assignee_id).toBe(collectorId);
    const holds = await db.selectFrom('credit_hold').select(['customer_id', 'status', 'placed_on']).execute();
    expect(holds).toEqual([{ customer_id: customerId, status: 'active', placed_on: '2026-04-10' }]);
    const kase = await db.selectFrom('collection_case').selectAll().executeTakeFirstOrThrow();
    expect(kase).toMatchObject({
      stage: 'strong',
      status: 'active',
      strategy_name: 'standard',
      days_past_due: 33,
    });
    expect(kase.next_action_on).toBe('2026-04-17');
  });

  it('does not take its own credit hold for an event, but takes one placed by a person', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 8_000_000 });
    await runDays(db, '2026-04-09', '2026-04-10'); // the strong stage places the hold on 04-10
    expect(await db.selectFrom('credit_hold').select('status').execute()).toEqual([{ status: 'active' }]);
    // Nothing changed in the ledger: no customer is marked and a second run has nothing to evaluate.
    expect(await db.selectFrom('collection_dirty').select('customer_id').execute()).toEqual([]);
    const again = await runEngine(db, { asOf: '2026-04-10', kind: 'full' });
    expect(again.casesEvaluated).toBe(0);
    // A hold placed outside the engine (the credit module, a person) is an event for the case.
    await db.updateTable('credit_hold').set({ status: 'released' }).execute();
    expect(await db.selectFrom('collection_dirty').select('customer_id').execute()).toEqual([
      { customer_id: customerId },
    ]);
    expect((await runEngine(db, { asOf: '2026-04-10', kind: 'incremental' })).casesEvaluated).toBe(1);
  });

  it('closes the case when paid, cancelling open tasks and unsent messages', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const invoiceId = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 500_000 });
    await runDays(db, '2026-03-10', '2026-03-12');
    expect(await db.selectFrom('task').select('status').execute()).toEqual([{ status: 'open' }]);
    await pay(db, { entityId, customerId, invoiceId, amount: 500_000, date: '2026-03-13' });
    const incremental = await runEngine(db, { asOf: '2026-03-13', kind: 'incremental' });
    expect(incremental.casesClosed).toBe(1);
    expect(await db.selectFrom('task').select('status').execute()).toEqual([{ status: 'cancelled' }]);
    // The 1-day reminder SMS (03-09) was caught up on 03-10, the overdue notice sent on 03-11: both unsent.
    const messages = await db.selectFrom('outbox').select(['template_key', 'status']).orderBy('id').execute();
    expect(messages).toEqual([
      // The case opened on the due date: the 7-day reminder is caught up, with the 1-day SMS.
      { template_key: 'reminder', status: 'cancelled' },
      { template_key: 'sms_reminder', status: 'cancelled' },
      { template_key: 'overdue_notice', status: 'cancelled' },
    ]);
    const kase = await db
      .selectFrom('collection_case')
      .select(['status', 'closed_on'])
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({ status: 'closed', closed_on: '2026-03-13' });
  });

  it('cancels the engine’s open tasks when the case closes, and keeps those a person made', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const invoiceId = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 500_000 });
    await runDays(db, '2026-03-12', '2026-03-12'); // the first call
    const kase = await db.selectFrom('collection_case').select(['id']).executeTakeFirstOrThrow();
    await db
      .insertInto('task')
      .values({
        case_id: kase.id,
        customer_id: customerId,
        entity_id: entityId,
        type: 'follow_up',
        title: 'Send the signed delivery notes',
        due_on: '2026-03-20',
        assignee_id: collectorId,
      })
      .execute();
    await pay(db, { entityId, customerId, invoiceId, amount: 500_000, date: '2026-03-13' });
    expect((await runEngine(db, { asOf: '2026-03-13', kind: 'incremental' })).casesClosed).toBe(1);
    const tasks = await db
      .selectFrom('task')
      .select(['type', 'step_key', 'status', 'cancel_reason', 'completed_on', 'outcome'])
      .orderBy('id')
      .execute();
    expect(tasks).toEqual([
      {
        type: 'call',
        step_key: 'first-call-2',
        status: 'cancelled',
        cancel_reason: 'case_closed',
        completed_on: '2026-03-13',
        outcome: null, // no call was made: nothing to record as its outcome
      },
      {
        type: 'follow_up',
        step_key: null,
        status: 'open',
        cancel_reason: null,
        completed_on: null,
        outcome: null,
      },
    ]);
  });

  it('cancels an open task once the invoices it names are paid, while the case stays open', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const a = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 400_000 });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-09', amount: 300_000 }); // B
    const c = await addInvoice(db, { entityId, customerId, dueDate: '2026-02-20', amount: 200_000 });
    await runDays(db, '2026-03-03', '2026-03-03'); // a call about A and C (B is not due yet)
    const before = await db.selectFrom('task').select(['id', 'payload']).executeTakeFirstOrThrow();
    expect(invoiceNumbers(before.payload).sort()).toEqual([a, c].sort());
    await pay(db, { entityId, customerId, invoiceId: a, amount: 400_000, date: '2026-03-04' });
    await runEngine(db, { asOf: '2026-03-04', kind: 'incremental' });
    // C is still owed: the call still has something to ask for.
    expect(await db.selectFrom('task').select(['status']).execute()).toEqual([{ status: 'open' }]);
    await pay(db, { entityId, customerId, invoiceId: c, amount: 200_000, date: '2026-03-05' });
    const run = await runEngine(db, { asOf: '2026-03-05', kind: 'incremental' });
    expect(run.casesClosed).toBe(0); // B is due in four days
    const task = await db
      .selectFrom('task')
      .select(['id', 'status', 'cancel_reason', 'completed_on'])
      .executeTakeFirstOrThrow();
    expect(task).toEqual({
      id: before.id,
      status: 'cancelled',
      cancel_reason: 'invoices_paid',
      completed_on: '2026-03-05',
    });
    const kase = await db.selectFrom('collection_case').select(['closed_on']).executeTakeFirstOrThrow();
    expect(kase.closed_on).toBeNull();
  });

  it('holds back what was queued before a promise, a plan or a pause made straight in the tables', async () => {
    const db = store().db;
    const withOverdueInvoice = async () => {
      const customerId = await addCustomer(db, { collectorId });
      await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 500_000 });
      return customerId;
    };
    const promised = await withOverdueInvoice();
    const planned = await withOverdueInvoice();
    const paused = await withOverdueInvoice();
    const untouched = await withOverdueInvoice();
    await runDays(db, '2026-03-11', '2026-03-11'); // each case: the overdue notice, queued
    const caseOf = async (customerId: number) =>
      (
        await db
          .selectFrom('collection_case')
          .select(['id'])
          .where('customer_id', '=', customerId)
          .executeTakeFirstOrThrow()
      ).id;
    // Not through the use cases (an import, a script, the simulator): the engine holds them back itself.
    await db
      .insertInto('promise')
      .values({
        case_id: await caseOf(promised),
        customer_id: promised,
        entity_id: entityId,
        currency: 'CNY',
        amount: 500_000,
        promised_on: '2026-03-11',
        due_on: '2026-03-18',
      })
      .execute();
    const plan = await db
      .insertInto('payment_plan')
      .values({
        case_id: await caseOf(planned),
        customer_id: planned,
        entity_id: entityId,
        currency: 'CNY',
        created_on: '2026-03-11',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('payment_plan_installment')
      .values([
        { plan_id: plan.id, seq: 1, due_on: '2026-03-25', amount: 250_000 },
        { plan_id: plan.id, seq: 2, due_on: '2026-04-25', amount: 250_000 },
      ])
      .execute();
    await db
      .updateTable('collection_case')
      .set({ manual_status: 'paused' })
      .where('customer_id', '=', paused)
      .execute();
    await runEngine(db, { asOf: '2026-03-12', kind: 'full' });
    const messages = async () =>
      (
        await db
          .selectFrom('outbox')
          .select(['customer_id', 'template_key', 'status', 'error'])
          .orderBy('id')
          .execute()
      ).map((m) => `${m.customer_id} ${m.template_key} ${m.status} ${m.error ?? ''}`.trim());
    expect(await messages()).toEqual([
      `${promised} overdue_notice cancelled cancelled before sending: a promise to pay holds the case`,
      `${planned} overdue_notice cancelled cancelled before sending: a payment plan holds the case`,
      `${paused} overdue_notice cancelled cancelled before sending: the case is paused`,
      `${untouched} overdue_notice queued`,
    ]);
    // Cancelled, not parked: when the promise breaks (03-18 + 2 days' grace), its own steps speak again.
    await runDays(db, '2026-03-13', '2026-03-21');
    const after = await db
      .selectFrom('outbox')
      .select(['template_key', 'status'])
      .where('customer_id', '=', promised)
      .where('scheduled_on', '=', '2026-03-21')
      .where('channel', '=', 'email')
      .execute();
    expect(after).toEqual([{ template_key: 'broken_promise', status: 'queued' }]);
  });

  it('holds for an open promise and escalates at once when it is broken', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const invoiceId = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 900_000 });
    await runDays(db, '2026-03-11', '2026-03-12');
    const kase = await db.selectFrom('collection_case').select(['id']).executeTakeFirstOrThrow();
    await db
      .insertInto('promise')
      .values({
        case_id: kase.id,
        customer_id: customerId,
        entity_id: entityId,
        currency: 'CNY',
        amount: 900_000,
        promised_on: '2026-03-12',
        due_on: '2026-03-16',
      })
      .execute();
    await pay(db, { entityId, customerId, invoiceId, amount: 100_000, date: '2026-03-15' }); // partly kept: escalates like a broken one
    await runDays(db, '2026-03-13', '2026-03-19');
    expect(await timeline(db)).toEqual([
      '2026-03-11 overdue-1 message',
      // The case opened on 03-11: the reminders of the days before are caught up as skipped.
      '2026-03-11 remind-7 skipped',
      '2026-03-11 remind-sms-1 skipped',
      '2026-03-12 first-call-2 task',
      // 03-17 (sms-7) is held by the promise; grace ends 03-18; broken on 03-19: escalate at once. The
      // case is in strong collection now: the early-overdue SMS it held is recorded, not sent.
      '2026-03-19 broken-promise-call task',
      '2026-03-19 broken-promise-email message',
      '2026-03-19 broken-promise-sms message',
      '2026-03-19 credit-hold task',
      '2026-03-19 escalate task',
      '2026-03-19 final-demand message',
      '2026-03-19 sms-7 skipped',
      '2026-03-19 statement message',
    ]);
    const promise = await db
      .selectFrom('promise')
      .select(['status', 'paid_amount', 'resolved_on'])
      .executeTakeFirstOrThrow();
    expect(promise).toEqual({ status: 'partial', paid_amount: 100_000, resolved_on: '2026-03-19' });
    // Two emails on one day are one message (the broken-promise email), listing the invoice.
    const emails = await db
      .selectFrom('outbox')
      .select(['template_key'])
      .where('scheduled_on', '=', '2026-03-19')
      .where('channel', '=', 'email')
      .execute();
    expect(emails).toEqual([{ template_key: 'broken_promise' }]);
  });

  it('keeps disputed invoices in the case but out of dunning', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 300_000, disputed: true });
    await runDays(db, '2026-03-02', '2026-03-05');
    const kase = await db
      .selectFrom('collection_case')
      .select(['status', 'anchor_due_on'])
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({ status: 'dispute', anchor_due_on: null });
    expect(await timeline(db)).toEqual([]);
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-04', amount: 100_000 });
    await runEngine(db, { asOf: '2026-03-05', kind: 'incremental' });
    // The new invoice's pre-due SMS fell due while everything open was disputed: recorded, not lost.
    expect(await timeline(db)).toEqual([
      '2026-03-05 overdue-1 message',
      '2026-03-05 remind-7 skipped',
      '2026-03-05 remind-sms-1 skipped',
    ]);
    const message = await db.selectFrom('outbox').select(['payload']).executeTakeFirstOrThrow();
    expect((message.payload as { invoices: unknown[] }).invoices).toHaveLength(1);
  });

  it('a second run of the day adds its steps to the day’s queued message, and drops what was paid', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const a = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 1_000_000 });
    const b = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-09', amount: 500_000 });
    // 03-01 reminder SMS for A, and its 7-day email caught up (the case opens that day); 03-02 overdue notice
    await runDays(db, '2026-03-01', '2026-03-02');
    await pay(db, { entityId, customerId, invoiceId: a, amount: 1_000_000, date: '2026-03-02' });
    await runEngine(db, { asOf: '2026-03-02', kind: 'incremental' }); // A paid: B's 7-day reminder is due
    expect(await timeline(db)).toEqual([
      '2026-03-01 remind-7 message',
      '2026-03-01 remind-sms-1 message',
      '2026-03-02 overdue-1 message',
      '2026-03-02 remind-7 message',
    ]);
    expect(await firingsMissingFromTheirMessage(db)).toEqual([]);
    const messages = await db
      .selectFrom('outbox')
      .select(['id', 'channel', 'template_key', 'status', 'payload', 'dedupe_key'])
      .orderBy('id')
      .execute();
    // The day's email now speaks for both steps: a reminder of B (the notice of A has nothing left to say).
    const email = messages.find((m) => m.channel === 'email' && m.dedupe_key.endsWith('2026-03-02'))!;
    expect(email).toMatchObject({ template_key: 'reminder', status: 'queued' });
    expect((email.payload as { steps: string[] }).steps).toEqual(['overdue-1', 'remind-7']);
    expect(invoiceNumbers(email.payload)).toEqual([b]);
    // Yesterday's reminder SMS and email, still unsent, were only about A: they are not sent.
    const sms = messages.find((m) => m.channel === 'sms')!;
    expect(sms).toMatchObject({ template_key: 'sms_reminder', status: 'cancelled' });
    const yesterday = messages.find((m) => m.channel === 'email' && m.dedupe_key.endsWith('2026-03-01'))!;
    expect(yesterday).toMatchObject({ template_key: 'reminder', status: 'cancelled' });
    expect(messages).toHaveLength(3);

    // Once the day's email has left, a step of the same day goes in a message of its own, after it.
    await db.updateTable('outbox').set({ status: 'sent' }).where('id', '=', email.id).execute();
    const c = await addInvoice(db, { entityId, customerId, dueDate: '2026-02-28', amount: 200_000 });
    await runEngine(db, { asOf: '2026-03-02', kind: 'incremental' }); // C: overdue notice of 03-01, caught up
    expect(await firingsMissingFromTheirMessage(db)).toEqual([]);
    const emails = await db
      .selectFrom('outbox')
      .select(['status', 'template_key', 'dedupe_key', 'payload'])
      .where('channel', '=', 'email')
      .orderBy('id')
      .execute();
    expect(
      emails.map((e) => `${e.status} ${e.template_key} ${e.dedupe_key.replace(/^case:\d+:/, '')}`),
    ).toEqual([
      'cancelled reminder email:2026-03-01',
      'sent reminder email:2026-03-02',
      'queued overdue_notice email:2026-03-02#2',
    ]);
    expect(invoiceNumbers(emails[2].payload)).toEqual([c]);
  });

  it('does not fire a stage’s steps again when the case comes back to it', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const a = await addInvoice(db, { entityId, customerId, dueDate: '2026-01-20', amount: 1_000_000 });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-05', amount: 500_000 });
    await runDays(db, '2026-03-01', '2026-03-09'); // strong collection from 03-01 (day 40 of A)
    // A disputed for a day: B (due 03-05) is the anchor, early overdue; then A is the anchor again.
    await sql`update invoice set disputed = true where id = ${a}`.execute(db);
    await runDays(db, '2026-03-10', '2026-03-10');
    await sql`update invoice set disputed = false where id = ${a}`.execute(db);
    await runDays(db, '2026-03-11', '2026-03-17');
    expect(await timeline(db)).toEqual([
      '2026-03-01 credit-hold task',
      '2026-03-01 escalate task',
      '2026-03-01 final-demand message',
      // A was 40 days overdue when the strategy reached the case: its earlier steps are caught up as skipped.
      '2026-03-01 firm-15 skipped',
      '2026-03-01 first-call-2 skipped',
      '2026-03-01 follow-call-10 skipped',
      '2026-03-01 follow-call-20 skipped',
      '2026-03-01 overdue-1 skipped',
      '2026-03-01 remind-7 skipped',
      '2026-03-01 remind-sms-1 skipped',
      '2026-03-01 sms-7 skipped',
      '2026-03-01 statement message',
      '2026-03-08 senior-call task',
      '2026-03-10 first-call-2 task', // B's own first call: its second day overdue was three days ago
      // Back in strong on 03-11: nothing again; the stage's clock goes on (9 days before, 1 day away), so
      // the visit of day 14 comes on 03-16 rather than 03-15 — or 03-25, had the stage started anew.
      '2026-03-16 visit task',
    ]);
    const kase = await db
      .selectFrom('collection_case')
      .select(['stage', 'stage_since', 'stage_clock'])
      .executeTakeFirstOrThrow();
    expect(kase).toMatchObject({ stage: 'strong', stage_since: '2026-03-11' });
    expect((kase.stage_clock as Record<string, unknown>).strong).toEqual({ first: '2026-03-01', days: 9 });
  });

  it('postpones the steps a promise held across the strong boundary, and fires them when it breaks', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 1_000_000 });
    await runDays(db, '2026-03-20', '2026-03-25');
    const kase = await db.selectFrom('collection_case').select(['id']).executeTakeFirstOrThrow();
    await db
      .insertInto('promise')
      .values({
        case_id: kase.id,
        customer_id: customerId,
        entity_id: entityId,
        currency: 'CNY',
        amount: 1_000_000,
        promised_on: '2026-03-25',
        due_on: '2026-04-10',
      })
      .execute();
    await runDays(db, '2026-03-26', '2026-04-16');
    expect((await timeline(db)).filter((line) => line >= '2026-03-26')).toEqual([
      // Strong collection began on 04-01 (day 31) under the promise, the senior call was due 04-08; the
      // promise broke on 04-13 (due 04-10 + 2 days' grace): everything it held fires then, with the calls.
      '2026-04-13 broken-promise-call task',
      '2026-04-13 broken-promise-email message',
      '2026-04-13 broken-promise-sms message',
      '2026-04-13 credit-hold task',
      '2026-04-13 escalate task',
      '2026-04-13 final-demand message',
      '2026-04-13 senior-call task',
      '2026-04-13 statement message',
      '2026-04-15 visit task', // day 14 of strong collection, as planned
    ]);
    expect(await firingsMissingFromTheirMessage(db)).toEqual([]);
  });

  it('a daytime full run evaluates again the customers whose ledger changed', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const a = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 1_000_000 });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 500_000 });
    await runDays(db, '2026-03-01', '2026-03-05');
    await pay(db, { entityId, customerId, invoiceId: a, amount: 1_000_000, date: '2026-03-05' });
    const run = await runEngine(db, { asOf: '2026-03-05', kind: 'full' }); // `engine run` after the payment
    expect(run.casesEvaluated).toBe(1);
    const kase = await db
      .selectFrom('collection_case')
      .select(['stage', 'anchor_due_on', 'days_past_due', 'closed_on'])
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({
      stage: 'reminder',
      anchor_due_on: '2026-03-10',
      days_past_due: -5,
      closed_on: null,
    });
    // The change marks are taken: the incremental cycle queued by the payment has nothing left to do.
    expect((await runEngine(db, { asOf: '2026-03-05', kind: 'incremental' })).casesEvaluated).toBe(0);
  });

  it('postpones what fell due during a pause to the day after it, and remembers the pause', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 900_000 });
    await runDays(db, '2026-03-10', '2026-03-11');
    // 停催 until 03-24, set before the run of 03-12.
    await sql`update collection_case set manual_status = 'paused', paused_until = '2026-03-24'`.execute(db);
    await runDays(db, '2026-03-12', '2026-03-20');
    const paused = await db
      .selectFrom('collection_case')
      .select(['status', 'hold_spans'])
      .executeTakeFirstOrThrow();
    expect(paused).toEqual({
      status: 'paused',
      hold_spans: [{ from: '2026-03-12', to: null, kind: 'pause' }],
    });
    await runDays(db, '2026-03-21', '2026-03-27');
    expect((await timeline(db)).filter((line) => line >= '2026-03-12')).toEqual([
      // The first call (03-12), the SMS (03-17) and the follow-up call (03-20) fell in the pause: the SMS
      // and the latest call come on the first day after it, with that day's notice.
      '2026-03-25 firm-15 message',
      '2026-03-25 first-call-2 skipped', // superseded by the follow-up call: recorded (issue 15)
      '2026-03-25 follow-call-10 task',
      '2026-03-25 sms-7 message',
    ]);
    const kase = await db
      .selectFrom('collection_case')
      .select(['status', 'manual_status', 'paused_until', 'hold_spans'])
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({
      status: 'active',
      manual_status: null,
      paused_until: null,
      hold_spans: [{ from: '2026-03-12', to: '2026-03-25', kind: 'pause' }],
    });
  });

  it('postpones what fell due while every open invoice was disputed to the day the dispute ended', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const invoiceId = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 900_000 });
    await runDays(db, '2026-03-10', '2026-03-12');
    await sql`update invoice set disputed = true where id = ${invoiceId}`.execute(db);
    await runDays(db, '2026-03-13', '2026-03-29');
    await sql`update invoice set disputed = false where id = ${invoiceId}`.execute(db);
    await runDays(db, '2026-03-30', '2026-03-31');
    expect((await timeline(db)).filter((line) => line >= '2026-03-13')).toEqual([
      '2026-03-30 firm-15 message', // 03-25, held
      '2026-03-30 follow-call-10 skipped', // 03-20, held; the later call speaks (issue 15: recorded)
      '2026-03-30 follow-call-20 task', // its own day
      '2026-03-30 sms-7 message', // 03-17, held
    ]);
    const skipped = await db
      .selectFrom('step_firing')
      .select('detail')
      .where('step_key', '=', 'follow-call-10')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(skipped.detail!)).toEqual({
      code: 'stepSkippedDisputed',
      params: { dueOn: '2026-03-20', stage: 'early' },
    });
    const kase = await db.selectFrom('collection_case').select(['hold_spans']).executeTakeFirstOrThrow();
    expect(kase.hold_spans).toEqual([{ from: '2026-03-13', to: '2026-03-30', kind: 'dispute' }]);
  });

  it('records as skipped the steps of the stages a promise held the case through', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 1_000_000 });
    await runDays(db, '2026-02-22', '2026-02-24');
    const kase = await db.selectFrom('collection_case').select(['id']).executeTakeFirstOrThrow();
    // Before the due date the customer promises to pay on 04-10: the promise holds the case through early
    // overdue (03-02 to 03-31) into strong collection, and breaks on 04-13.
    await db
      .insertInto('promise')
      .values({
        case_id: kase.id,
        customer_id: customerId,
        entity_id: entityId,
        currency: 'CNY',
        amount: 1_000_000,
        promised_on: '2026-02-25',
        due_on: '2026-04-10',
      })
      .execute();
    await runDays(db, '2026-02-25', '2026-04-16');
    expect(await timeline(db)).toEqual([
      '2026-02-22 remind-7 message',
      '2026-04-13 broken-promise-call task',
      '2026-04-13 broken-promise-email message',
      '2026-04-13 broken-promise-sms message',
      '2026-04-13 credit-hold task',
      '2026-04-13 escalate task',
      '2026-04-13 final-demand message',
      '2026-04-13 firm-15 skipped',
      // Superseded within early overdue by the later step of their action (issue 15: recorded, not lost).
      '2026-04-13 first-call-2 skipped',
      '2026-04-13 follow-call-10 skipped',
      '2026-04-13 follow-call-20 skipped',
      '2026-04-13 overdue-1 skipped',
      '2026-04-13 remind-sms-1 skipped',
      '2026-04-13 senior-call task',
      '2026-04-13 sms-7 skipped',
      '2026-04-13 statement message',
      '2026-04-15 visit task',
    ]);
    const skipped = await db
      .selectFrom('step_firing')
      .select(['detail'])
      .where('step_key', '=', 'firm-15')
      .executeTakeFirstOrThrow();
    const reason = readReason(skipped.detail);
    expect(reason.text).toMatch(/held while the case was in early/);
    expect(reason.code && formatMessage('zh-CN', reason.code, reason.params ?? {})).toMatch(
      /^案件处于了解\+纠正阶段时被暂缓/,
    );
    expect(await firingsMissingFromTheirMessage(db)).toEqual([]);
  });

  it('fires amount and grade triggers once per case, when the case first meets them', async () => {
    const db = store().db;
    await saveStrategy(db, SYSTEM_ACTOR, {
      activate: true,
      definition: {
        ...structuredClone(STANDARD),
        steps: [
          ...structuredClone(STANDARD.steps),
          {
            key: 'big-exposure',
            stage: 'any',
            label: '敞口达到 10 万元：升级主管',
            trigger: { type: 'amountAbove', currency: 'CNY', amount: 10_000_000 },
            action: 'escalate',
            channel: 'internal',
            template: 'escalate_manager',
          },
          {
            key: 'grade-call',
            stage: 'early',
            label: 'B 级客户逾期：主管电话',
            trigger: { type: 'grade', grades: ['B'] },
            action: 'call',
            channel: 'phone',
            template: 'call_follow_up',
          },
        ],
      },
    });
    const customerId = await addCustomer(db, { collectorId, attributes: { grade: 'B' } });
    const a = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 8_000_000 });
    await runDays(db, '2026-03-08', '2026-03-13');
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-12', amount: 3_000_000 });
    await runDays(db, '2026-03-14', '2026-03-15');
    // Below the threshold again, then above it: the trigger has fired for this case already.
    await pay(db, { entityId, customerId, invoiceId: a, amount: 2_000_000, date: '2026-03-16' });
    await runDays(db, '2026-03-16', '2026-03-16');
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-15', amount: 2_000_000 });
    await runDays(db, '2026-03-17', '2026-03-18');
    await runEngine(db, { asOf: '2026-03-18', kind: 'full' });
    const mine = (await timeline(db)).filter((line) => /big-exposure|grade-call/.test(line));
    expect(mine).toEqual(['2026-03-11 grade-call task', '2026-03-14 big-exposure task']);
    const occurrences = await db
      .selectFrom('step_firing')
      .select(['step_key', 'occurrence_key'])
      .where('step_key', 'in', ['big-exposure', 'grade-call'])
      .orderBy('step_key')
      .execute();
    expect(occurrences).toEqual([
      { step_key: 'big-exposure', occurrence_key: 'amount:CNY:10000000' },
      { step_key: 'grade-call', occurrence_key: 'grade:B' },
    ]);
  });
});
