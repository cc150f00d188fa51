// Strategy preview: what a given customer would receive under a strategy, and when — day by day from a date,
// assuming nothing is paid and promises are not kept. It runs the engine's own pure evaluation and rendering
// (evaluateCase, planActions) on the customer's current invoices, so the preview shows exactly the texts
// and dates the engine would produce. Nothing is written.
import { sql } from 'kysely';
import { type Actor, assertCan, entityAllowed, rowVisible } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import { addDays } from '../../shared/dates';
import { totalIn } from '../../shared/money';
import type { CaseSnapshot, PromiseState } from '../engine/case-state';
import { loadRates } from '../engine/engine-context';
import { evaluateCase } from '../engine/evaluate';
import { type CaseFacts, planActions } from '../engine/plan-actions';
import type { ContactRow } from '../engine/snapshot-queries';
import { reminderHorizon, type Strategy } from './strategy-schema';

export interface PreviewEvent {
  date: string;
  entityId: number;
  stepKey: string;
  label: string;
  action: string;
  channel: string;
  stage: string;
  message: {
    channel: string;
    locale: string;
    subject: string | null;
    body: string;
    recipients: string[];
  } | null;
  task: { type: string; title: string; instructions: string; assigneeRole: string } | null;
  skipped: string | null;
}

export interface PreviewInput {
  strategy: Strategy;
  customerId: number;
  from: string;
  days: number;
  /** Only this selling entity (default: every entity the customer owes). */
  entityId?: number;
  /** Leave out texts (the case view only needs dates and steps). */
  render?: boolean;
  /** Stop once this many events are found: the first ones by date (the case view shows a few). */
  limit?: number;
}

export async function previewStrategy(db: Db, actor: Actor, input: PreviewInput): Promise<PreviewEvent[]> {
  assertCan(actor, 'collections:read');
  const customer = await db
    .selectFrom('customer')
    .select([
      'id',
      'code',
      'name',
      'language',
      'collector_id',
      sql<string | null>`nullif(attributes->>'grade', '')`.as('grade'),
    ])
    .where('id', '=', input.customerId)
    .where(rowVisible(actor, { customer: 'customer.id', entity: null }))
    .executeTakeFirst();
  if (!customer) throw notFound('Customer', input.customerId);
  if (input.entityId !== undefined && !entityAllowed(actor, input.entityId))
    throw notFound('Entity', input.entityId);
  const entities = await db.selectFrom('entity').select(['id', 'name']).execute();
  const rates = await loadRates(db, input.from);
  const events: PreviewEvent[] = [];
  // Only the entities the actor works in: another entity's invoices are not the actor's to see.
  const entityIds = await sql<{ entity_id: number }>`
    select distinct entity_id from invoice i where customer_id = ${customer.id} and allocated_amount < amount
      and ${rowVisible(actor, { customer: null, entity: 'i.entity_id' })}
    order by entity_id`.execute(db);
  for (const { entity_id: entityId } of entityIds.rows) {
    if (input.entityId && input.entityId !== entityId) continue;
    const open = await sql<PreviewCaseState>`
      select id, stage, stage_since, stage_clock, hold_spans, stage_floor, manual_status, paused_until, opened_on,
             strategy_name, strategy_since
      from collection_case
      where customer_id = ${customer.id} and entity_id = ${entityId} and closed_on is null`.execute(db);
    const kase = open.rows[0] ?? null;
    const invoices = await invoicesOf(db, customer.id, entityId, addDays(input.from, input.days));
    const contacts = await sql<ContactRow>`
      select id, customer_id, name, role, email, mobile, channels, language, is_primary from contact
      where customer_id = ${customer.id} and not do_not_contact order by is_primary desc, id`.execute(db);
    const fired = new Set(
      kase
        ? (
            await db
              .selectFrom('step_firing')
              .select(['step_key', 'occurrence_key'])
              .where('case_id', '=', kase.id)
              .execute()
          ).map((f) => `${f.step_key}|${f.occurrence_key}`)
        : [],
    );
    const promises: PromiseState[] = kase
      ? (
          await db
            .selectFrom('promise')
            .selectAll()
            .where('case_id', '=', kase.id)
            .where('status', '=', 'open')
            .execute()
        ).map((p) => ({
          id: p.id,
          amount: p.amount,
          currency: p.currency,
          promisedOn: p.promised_on,
          dueOn: p.due_on,
          status: 'open',
          resolvedOn: null,
        }))
      : [];
    events.push(
      ...previewEntity(input, {
        customer,
        entityId,
        entityName: entities.find((e) => e.id === entityId)?.name ?? '',
        kase,
        invoices,
        contacts: contacts.rows,
        fired,
        promises,
        rates,
      }),
    );
  }
  return events;
}

/** The open case of a customer in one entity, as the engine left it (the preview starts from there). */
export interface PreviewCaseState {
  id: number;
  stage: CaseSnapshot['stage'];
  stage_since: string;
  stage_clock: CaseSnapshot['stageClock'];
  hold_spans: CaseSnapshot['holdSpans'];
  stage_floor: CaseSnapshot['stageFloor'];
  manual_status: CaseSnapshot['manualStatus'];
  paused_until: string | null;
  opened_on: string;
  strategy_name: string | null;
  strategy_since: string | null;
}

export interface PreviewInvoice {
  id: number;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  openAmount: number;
  daysPastDue: number;
  disputed: boolean;
}

/** What the preview of one customer in one entity reads; loaded by previewStrategy or by the case view. */
export interface PreviewFacts {
  customer: {
    id: number;
    code: string;
    name: string;
    language: string;
    collector_id: number | null;
    grade: string | null;
  };
  entityId: number;
  entityName: string;
  kase: PreviewCaseState | null;
  /** Open invoices issued by the end of the preview, by due date and number. */
  invoices: PreviewInvoice[];
  /** Contacts that may be contacted, primary first. */
  contacts: ContactRow[];
  /** `step_key|occurrence_key` of the steps that fired for the case. */
  fired: Set<string>;
  /** The case's open promises. */
  promises: PromiseState[];
  /** Exchange rates as of the preview's first day (loadRates). */
  rates: Map<string, string>;
}

/** The preview of one customer in one entity from facts already read: pure, nothing is read or written. */
export function previewEntity(input: PreviewInput, facts: PreviewFacts): PreviewEvent[] {
  const { customer, entityId, entityName, kase, invoices, contacts, rates } = facts;
  const fired = new Set(facts.fired);
  const promises = facts.promises.map((p) => ({ ...p }));
  const events: PreviewEvent[] = [];
  let state = {
    stage: kase?.stage ?? ('reminder' as CaseSnapshot['stage']),
    stageSince: kase?.stage_since ?? input.from,
    stageClock: kase?.stage_clock ?? {},
    holdSpans: kase?.hold_spans ?? [],
    stageFloor: kase?.stage_floor ?? null,
    manualStatus: kase?.manual_status ?? null,
    pausedUntil: kase?.paused_until ?? null,
    strategyName: kase?.strategy_name ?? null,
    strategySince: kase?.strategy_since ?? null,
  };
  const horizon = reminderHorizon([input.strategy]);
  const limit = input.limit ?? Number.POSITIVE_INFINITY;
  for (let k = 0; k < input.days && events.length < limit; k++) {
    const date = addDays(input.from, k);
    const horizonDate = addDays(date, horizon);
    const scope = invoices.filter((i) => i.dueDate <= horizonDate && i.issueDate <= date);
    if (scope.length === 0) continue;
    const undisputed = scope.filter((i) => !i.disputed);
    const amounts = undisputed.map((i) => ({ currency: i.currency, amount: i.openAmount }));
    for (const p of promises) {
      if (p.status === 'open' && addDays(p.dueOn, input.strategy.settings.promiseGraceDays) < date) {
        p.status = 'broken';
        p.resolvedOn = date;
      }
    }
    const snap: CaseSnapshot = {
      caseId: kase?.id ?? 0,
      openedOn: kase?.opened_on ?? input.from,
      ...state,
      anchorDueOn: undisputed.map((i) => i.dueDate).sort()[0] ?? null,
      amountIn: (currency) => totalIn(amounts, currency, rates),
      grade: customer.grade,
      promises,
      plans: [],
    };
    const ev = evaluateCase(snap, input.strategy, date);
    state = {
      stage: ev.stage,
      stageSince: ev.stageSince,
      stageClock: ev.stageClock,
      holdSpans: ev.holdSpans,
      stageFloor: ev.stageFloor,
      manualStatus: ev.manualStatus,
      pausedUntil: ev.pausedUntil,
      strategyName: input.strategy.name,
      strategySince: ev.strategySince,
    };
    const fresh = ev.due.filter((d) => !fired.has(`${d.step.key}|${d.occurrenceKey}`));
    for (const d of fresh) fired.add(`${d.step.key}|${d.occurrenceKey}`);
    if (fresh.length === 0) continue;
    const facts: CaseFacts = {
      caseId: kase?.id ?? 0,
      customerId: customer.id,
      entityId,
      customerCode: customer.code,
      customerName: customer.name,
      language: customer.language,
      collectorId: customer.collector_id,
      entityName,
      stage: ev.stage,
      invoices: scope,
      contacts,
    };
    const planned =
      input.render === false ? null : planActions(facts, input.strategy, fresh, date, horizonDate);
    for (const d of fresh) {
      const message = planned?.messages.find((m) => m.firings.some((f) => f.stepKey === d.step.key));
      const task = planned?.tasks.find((t) => t.stepKey === d.step.key);
      const skipped = planned?.skipped.find((s) => s.stepKey === d.step.key);
      events.push({
        date,
        entityId,
        stepKey: d.step.key,
        label: d.step.label,
        action: d.step.action,
        channel: d.step.channel,
        stage: ev.stage,
        message: message
          ? {
              channel: message.channel,
              locale: message.rendered.locale,
              subject: message.channel === 'sms' ? null : message.rendered.subject,
              body: message.rendered.body,
              recipients: message.recipients.map((r) => `${r.name} <${r.address}>`),
            }
          : null,
        task: task
          ? {
              type: task.type,
              title: task.title,
              instructions: task.instructions,
              assigneeRole: task.assigneeRole,
            }
          : null,
        skipped: skipped?.detail ?? d.skipped ?? null,
      });
    }
  }
  return events;
}

async function invoicesOf(db: Db, customerId: number, entityId: number, until: string) {
  const rows = await db
    .selectFrom('invoice')
    .select(['id', 'number', 'issue_date', 'due_date', 'currency', 'open_amount', 'disputed'])
    .where('customer_id', '=', customerId)
    .where('entity_id', '=', entityId)
    .where(sql<boolean>`allocated_amount < amount`)
    .where('issue_date', '<=', until)
    .orderBy('due_date')
    .orderBy('number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    currency: r.currency,
    openAmount: r.open_amount,
    daysPastDue: 0,
    disputed: r.disputed,
  }));
}
