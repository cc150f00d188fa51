// The case view: the case, its open invoices (live), every step that fired, the messages and tasks it
// produced, promises, plans, an active credit hold, and the next steps its strategy has planned. Read in one
// statement (selectCaseDetail); the strategy's parsed definition is kept per process while its row is
// unchanged, and the next steps are the strategy preview run on what that statement read.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import { addDays, daysBetween } from '../../shared/dates';
import { detailFields } from '../reasons';
import { type PreviewCaseState, previewEntity } from '../strategy/preview-strategy';
import { loadStrategy } from '../strategy/strategy-queries';
import type { Strategy } from '../strategy/strategy-schema';
import type { CaseDetail } from './case-dto';
import { caseInterest } from './case-interest';
import { type CaseDetailRow, selectCaseDetail, toCaseSummary } from './case-queries';
import { toOutboxMessage } from './list-outbox';
import { toTaskView } from './list-tasks';

/** How far ahead the case view looks for its next steps, and how many it shows. */
const UPCOMING_DAYS = 90;
const UPCOMING_STEPS = 8;

export async function getCase(
  db: Db,
  actor: Actor,
  input: { id: number; today: string },
): Promise<CaseDetail> {
  assertCan(actor, 'collections:read');
  const row = await selectCaseDetail(db, actor, input.id, input.today);
  if (!row) throw notFound('Case', input.id);
  const strategy = row.closed_on ? null : await caseStrategy(db, row);
  const lateInterest = await caseInterest(db, actor, {
    customerId: row.customer_id,
    entityId: row.entity_id,
    asOf: input.today,
  });
  // One basis on the screen: the case's days past due and each invoice's count from today, over the open
  // invoices shown (the stored figure is as of the last evaluation, which may be an earlier day).
  const anchor = row.invoices.filter((i) => !i.disputed).map((i) => i.due_date)[0] ?? null;
  return {
    ...toCaseSummary(row, input.today),
    daysPastDue: anchor === null ? null : daysBetween(anchor, input.today),
    daysPastDueAsOf: input.today,
    invoices: row.invoices.map((i) => ({
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
    firings: row.firings.map((f) => ({
      id: f.id,
      firedOn: f.fired_on,
      stepKey: f.step_key,
      occurrenceKey: f.occurrence_key,
      stage: f.stage,
      action: f.action,
      outcome: f.outcome,
      ...detailFields(f.detail),
      outboxId: f.outbox_id,
      taskId: f.task_id,
      strategy: f.strategy,
    })),
    messages: row.messages.map(toOutboxMessage),
    tasks: row.tasks.map(toTaskView),
    promises: row.promises.map((p) => ({
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
    })),
    plans: row.plans.map((p) => ({
      id: p.id,
      caseId: p.case_id,
      currency: p.currency,
      createdOn: p.created_on,
      status: p.status,
      installments: p.installments.map((i) => ({
        seq: i.seq,
        dueOn: i.due_on,
        amount: i.amount,
        status: i.status,
        resolvedOn: i.resolved_on,
      })),
    })),
    creditHold: row.credit_hold
      ? { id: row.credit_hold.id, placedOn: row.credit_hold.placed_on, reason: row.credit_hold.reason }
      : null,
    upcoming: strategy ? upcomingSteps(row, strategy, input.today) : [],
    lateInterest,
  };
}

/** The next steps the case's strategy plans from today, assuming nothing is paid (the strategy preview). */
function upcomingSteps(row: CaseDetailRow, strategy: Strategy, today: string): CaseDetail['upcoming'] {
  const until = addDays(today, UPCOMING_DAYS);
  const events = previewEntity(
    {
      strategy,
      customerId: row.customer_id,
      entityId: row.entity_id,
      from: today,
      days: UPCOMING_DAYS,
      render: false,
      limit: UPCOMING_STEPS,
    },
    {
      customer: {
        id: row.customer_id,
        code: row.customer_code,
        name: row.customer_name,
        language: row.customer_language,
        collector_id: row.customer_collector_id,
        grade: row.customer_grade,
      },
      entityId: row.entity_id,
      entityName: row.entity_name,
      kase: {
        id: row.id,
        stage: row.stage as PreviewCaseState['stage'],
        stage_since: row.stage_since,
        stage_clock: row.stage_clock,
        hold_spans: row.hold_spans,
        stage_floor: row.stage_floor,
        manual_status: row.manual_status as PreviewCaseState['manual_status'],
        paused_until: row.paused_until,
        opened_on: row.opened_on,
        strategy_name: row.strategy_name,
        strategy_since: row.strategy_since,
      },
      invoices: row.invoices
        .filter((i) => i.issue_date <= until)
        .map((i) => ({
          id: i.id,
          number: i.number,
          issueDate: i.issue_date,
          dueDate: i.due_date,
          currency: i.currency,
          openAmount: i.open_amount,
          daysPastDue: 0,
          disputed: i.disputed,
        })),
      contacts: row.contacts,
      fired: new Set(row.firings.map((f) => `${f.step_key}|${f.occurrence_key}`)),
      promises: row.promises
        .filter((p) => p.status === 'open')
        .map((p) => ({
          id: p.id,
          amount: p.amount,
          currency: p.currency,
          promisedOn: p.promised_on,
          dueOn: p.due_on,
          status: 'open' as const,
          resolvedOn: null,
        })),
      rates: new Map(row.rates.map(([from, to, rate]) => [`${from}>${to}`, rate])),
    },
  );
  return events
    .filter((e) => e.date >= today)
    .slice(0, UPCOMING_STEPS)
    .map((e) => ({
      date: e.date,
      stepKey: e.stepKey,
      label: e.label,
      action: e.action,
      channel: e.channel,
      stage: e.stage,
    }));
}

// Parsed (and validated) strategies by id, per database, while the row's stamp (its xmin) is the same: a
// strategy version's definition does not change, and any change to its row (activation included) gives a
// new stamp. Validating the definition on every case view cost more than reading it.
const parsedStrategies = new WeakMap<Db, Map<number, { stamp: string; strategy: Strategy }>>();

async function caseStrategy(db: Db, row: CaseDetailRow): Promise<Strategy | null> {
  if (!row.strategy_id || !row.strategy_stamp) return null;
  let cache = parsedStrategies.get(db);
  if (!cache) {
    cache = new Map();
    parsedStrategies.set(db, cache);
  }
  const kept = cache.get(row.strategy_id);
  if (kept && kept.stamp === row.strategy_stamp) return kept.strategy;
  const strategy = await loadStrategy(db, row.strategy_id);
  if (!strategy) return null;
  if (cache.size >= 100) cache.clear();
  cache.set(row.strategy_id, { stamp: row.strategy_stamp, strategy });
  return strategy;
}
