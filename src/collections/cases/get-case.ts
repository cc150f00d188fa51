// The case view: the case, its open invoices (live), every step that fired, the messages and tasks it
// produced, promises, plans, an active credit hold, and the next steps its strategy has planned.
import { sql } from 'kysely';
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import { daysBetween } from '../../shared/dates';
import { readReason } from '../reasons';
import { previewStrategy } from '../strategy/preview-strategy';
import { loadStrategy } from '../strategy/strategy-queries';
import type { CaseDetail, OutboxMessage, PlanView, PromiseView, TaskView } from './case-dto';
import { caseInterest } from './case-interest';
import { selectCase, toCaseSummary } from './case-queries';
import { listOutbox } from './list-outbox';
import { listTasks } from './list-tasks';

export async function getCase(
  db: Db,
  actor: Actor,
  input: { id: number; today: string },
): Promise<CaseDetail> {
  assertCan(actor, 'collections:read');
  const row = await selectCase(db, actor, input.id);
  if (!row) throw notFound('Case', input.id);
  const summary = toCaseSummary(row, input.today);
  const invoices = await db
    .selectFrom('invoice')
    .select(['id', 'number', 'issue_date', 'due_date', 'currency', 'amount', 'open_amount', 'disputed'])
    .where('customer_id', '=', row.customer_id)
    .where('entity_id', '=', row.entity_id)
    .where(sql<boolean>`allocated_amount < amount`)
    .orderBy('due_date')
    .orderBy('number')
    .execute();
  const firings = await sql<{
    id: number;
    fired_on: string;
    step_key: string;
    occurrence_key: string;
    stage: string;
    action: string;
    outcome: string;
    detail: string | null;
    outbox_id: number | null;
    task_id: number | null;
    strategy: string;
  }>`select f.id, f.fired_on, f.step_key, f.occurrence_key, f.stage, f.action, f.outcome, f.detail, f.outbox_id,
            f.task_id, s.name || ' v' || s.version as strategy
     from step_firing f join strategy s on s.id = f.strategy_id
     where f.case_id = ${row.id} order by f.fired_on desc, f.id desc`.execute(db);
  const messages: OutboxMessage[] = (await listOutbox(db, actor, { caseId: row.id, limit: 500 })).items;
  const tasks: TaskView[] = (await listTasks(db, actor, { caseId: row.id, status: 'all', limit: 500 })).items;
  const promises: PromiseView[] = (
    await db.selectFrom('promise').selectAll().where('case_id', '=', row.id).orderBy('id', 'desc').execute()
  ).map((p) => ({
    id: p.id,
    caseId: p.case_id,
    currency: p.currency,
    amount: p.amount,
    promisedOn: p.promised_on,
    dueOn: p.due_on,
    status: p.status,
    paidAmount: p.paid_amount,
    resolvedOn: p.resolved_on,
    note: p.note,
  }));
  const planRows = await db
    .selectFrom('payment_plan')
    .selectAll()
    .where('case_id', '=', row.id)
    .orderBy('id', 'desc')
    .execute();
  const installments = planRows.length
    ? await db
        .selectFrom('payment_plan_installment')
        .selectAll()
        .where(
          'plan_id',
          'in',
          planRows.map((p) => p.id),
        )
        .orderBy('seq')
        .execute()
    : [];
  const plans: PlanView[] = planRows.map((p) => ({
    id: p.id,
    caseId: p.case_id,
    currency: p.currency,
    createdOn: p.created_on,
    status: p.status,
    installments: installments
      .filter((i) => i.plan_id === p.id)
      .map((i) => ({
        seq: i.seq,
        dueOn: i.due_on,
        amount: i.amount,
        status: i.status,
        resolvedOn: i.resolved_on,
      })),
  }));
  const hold = await db
    .selectFrom('credit_hold')
    .select(['id', 'placed_on', 'reason'])
    .where('customer_id', '=', row.customer_id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  const lateInterest = await caseInterest(db, actor, {
    customerId: row.customer_id,
    entityId: row.entity_id,
    asOf: input.today,
  });
  const kaseStrategy = row.closed_on ? null : await caseStrategy(db, row.id);
  const upcoming = kaseStrategy
    ? (
        await previewStrategy(db, actor, {
          strategy: kaseStrategy,
          customerId: row.customer_id,
          entityId: row.entity_id,
          from: input.today,
          days: 90,
          render: false,
        })
      )
        .filter((e) => e.date >= input.today)
        .slice(0, 8)
        .map((e) => ({
          date: e.date,
          stepKey: e.stepKey,
          label: e.label,
          action: e.action,
          channel: e.channel,
          stage: e.stage,
        }))
    : [];
  // One basis on the screen: the case's days past due and each invoice's count from today, over the open
  // invoices shown (the stored figure is as of the last evaluation, which may be an earlier day).
  const anchor = invoices.filter((i) => !i.disputed).map((i) => i.due_date)[0] ?? null;
  return {
    ...summary,
    daysPastDue: anchor === null ? null : daysBetween(anchor, input.today),
    daysPastDueAsOf: input.today,
    invoices: invoices.map((i) => ({
      id: i.id,
      number: i.number,
      issueDate: i.issue_date,
      dueDate: i.due_date,
      currency: i.currency,
      amount: i.amount,
      openAmount: i.open_amount,
      daysPastDue: Math.max(0, daysBetween(i.due_date, input.today)),
      disputed: i.disputed,
    })),
    firings: firings.rows.map((f) => ({
      id: f.id,
      firedOn: f.fired_on,
      stepKey: f.step_key,
      occurrenceKey: f.occurrence_key,
      stage: f.stage,
      action: f.action,
      outcome: f.outcome,
      ...readDetail(f.detail),
      outboxId: f.outbox_id,
      taskId: f.task_id,
      strategy: f.strategy,
    })),
    messages,
    tasks,
    promises,
    plans,
    creditHold: hold ? { id: hold.id, placedOn: hold.placed_on, reason: hold.reason } : null,
    upcoming,
    lateInterest,
  };
}

async function caseStrategy(db: Db, caseId: number) {
  const row = await db
    .selectFrom('collection_case')
    .select(['strategy_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row?.strategy_id) return null;
  const version = await loadStrategy(db, row.strategy_id);
  return version;
}

function readDetail(stored: string | null) {
  const reason = readReason(stored);
  return { detail: reason.text, detailCode: reason.code, detailParams: reason.params };
}
