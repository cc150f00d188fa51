// Loads what the evaluation of a batch of cases needs, in a handful of set-based queries per batch: the
// cases (claimed in batch-claim.ts), their invoice totals per currency, promises and plans; and, for the
// cases that send something, invoice lines, contacts and the outbox rows of the day.
import { sql } from 'kysely';
import type { ContactChannels } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/store';
import type { InvoiceLine } from '../templates/render';
import type { HoldSpan, PlanState, PromiseState, StageClock } from './case-state';
import type { OutboxRow } from './consolidate-messages';

export interface CaseRow {
  id: number;
  customer_id: number;
  entity_id: number;
  stage: 'reminder' | 'early' | 'strong';
  stage_since: string;
  stage_clock: StageClock;
  hold_spans: HoldSpan[];
  stage_floor: 'early' | 'strong' | null;
  manual_status: 'paused' | 'legal' | 'agency' | null;
  paused_until: string | null;
  collector_id: number | null;
  strategy_id: number | null;
  strategy_name: string | null;
  strategy_since: string | null;
  seen_on: string | null;
  opened_on: string;
  customer_code: string;
  customer_name: string;
  language: string;
  segment: string | null;
  grade: string | null;
  override: string | null;
  /**
   * Marked for evaluation (new, or its ledger or commitments changed since it was last evaluated): only
   * then can a message still queued for it have gone stale.
   */
  changed: boolean;
  /** What the batch's evaluation of the case rests on, as row versions (batch-claim.ts). */
  fingerprint: string;
}

export interface CurrencyRow {
  case_id: number;
  currency: string;
  open: number;
  overdue: number;
  due_soon: number;
  disputed: number;
  anchor: string | null;
}

export interface BatchScope {
  asOf: string;
  horizonDate: string;
  /** true: every open case not yet evaluated today; false: only cases marked for evaluation (null). */
  full: boolean;
  /** The run's strategy-set generation: a case evaluated under an older one is due in either kind of run. */
  generation: number;
  afterId: number;
  limit: number;
}

/**
 * A case's fingerprint: the versions (xmin) of the rows its evaluation reads and people or other writers may
 * change: the case itself, its promises, plans and installments, and its outbox rows of the day. Equal
 * fingerprints at two moments mean none of those rows changed in between. The ledger is not part of it: a
 * ledger change marks the customer in collection_dirty, and the next incremental cycle evaluates it again.
 */
export function caseFingerprint(asOf: string) {
  return sql<string>`concat_ws('/', k.xmin::text,
    coalesce((select string_agg(p.id || ':' || p.xmin::text, ',' order by p.id) from promise p
              where p.case_id = k.id), ''),
    coalesce((select string_agg(pp.id || ':' || pp.xmin::text || ':' || coalesce((select string_agg(pi.xmin::text, ','
                order by pi.seq) from payment_plan_installment pi where pi.plan_id = pp.id), ''), ';' order by pp.id)
              from payment_plan pp where pp.case_id = k.id), ''),
    coalesce((select string_agg(o.id || ':' || o.xmin::text, ',' order by o.id) from outbox o
              where o.case_id = k.id and (o.status = 'queued' or o.scheduled_on = ${asOf}::date)), ''))`;
}

/**
 * The cases' rows as the evaluation needs them, with each case's fingerprint (see batch-claim.ts). Read
 * before anything else of the batch, so that a change committed while the batch reads and evaluates shows
 * as a different fingerprint when the batch checks again under the audit chain head.
 */
export async function loadCaseRows(tx: Tx, ids: number[], asOf: string): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const rows = await sql<CaseRow>`
    select k.id, k.customer_id, k.entity_id, k.stage, k.stage_since, k.stage_clock, k.stage_floor, k.manual_status,
           k.paused_until, k.hold_spans, k.collector_id, k.strategy_id, k.strategy_name, k.strategy_since,
           k.opened_on, k.seen_on,
           c.code as customer_code, c.name as customer_name, c.language, c.segment,
           nullif(c.attributes->>'grade', '') as grade, cs.strategy_name as override,
           k.evaluated_on is null as changed, ${caseFingerprint(asOf)} as fingerprint
    from collection_case k
    join customer c on c.id = k.customer_id
    left join customer_strategy cs on cs.customer_id = k.customer_id
    where k.id = any(${ids}::bigint[])
    order by k.id`.execute(tx);
  return rows.rows;
}

export async function loadCurrencyTotals(
  tx: Tx,
  caseIds: number[],
  scope: BatchScope,
): Promise<CurrencyRow[]> {
  const result = await sql<CurrencyRow>`
    select k.id as case_id, i.currency,
      coalesce(sum(i.open_amount) filter (where not i.disputed), 0)::bigint as open,
      coalesce(sum(i.open_amount) filter (where not i.disputed and i.due_date < ${scope.asOf}::date), 0)::bigint as overdue,
      coalesce(sum(i.open_amount) filter (where not i.disputed and i.due_date >= ${scope.asOf}::date), 0)::bigint as due_soon,
      coalesce(sum(i.open_amount) filter (where i.disputed), 0)::bigint as disputed,
      min(i.due_date) filter (where not i.disputed) as anchor
    from collection_case k
    join invoice i on i.customer_id = k.customer_id and i.entity_id = k.entity_id
    where k.id = any(${caseIds}::bigint[]) and i.allocated_amount < i.amount
      and i.due_date <= ${scope.horizonDate}::date and i.issue_date <= ${scope.asOf}::date
    group by k.id, i.currency
    order by k.id, i.currency`.execute(tx);
  return result.rows;
}

/** Open promises and plans, plus those resolved recently (their events may still have to fire). */
export async function loadCommitments(
  tx: Tx,
  caseIds: number[],
  sinceDate: string,
): Promise<{ promises: Map<number, PromiseState[]>; plans: Map<number, PlanState[]> }> {
  const promises = new Map<number, PromiseState[]>();
  const plans = new Map<number, PlanState[]>();
  const promiseRows = await sql<
    PromiseState & { case_id: number; promised_on: string; due_on: string; resolved_on: string | null }
  >`
    select id, case_id, amount, currency, promised_on, due_on, status, resolved_on from promise
    where case_id = any(${caseIds}::bigint[]) and (status = 'open' or resolved_on >= ${sinceDate}::date)
    order by case_id, id`.execute(tx);
  for (const r of promiseRows.rows) {
    const list = promises.get(r.case_id) ?? [];
    list.push({
      id: r.id,
      amount: r.amount,
      currency: r.currency,
      promisedOn: r.promised_on,
      dueOn: r.due_on,
      status: r.status,
      resolvedOn: r.resolved_on,
    });
    promises.set(r.case_id, list);
  }
  const planRows = await sql<{
    id: number;
    case_id: number;
    currency: string;
    created_on: string;
    status: PlanState['status'];
    seq: number;
    due_on: string;
    amount: number;
    inst_status: 'open' | 'paid' | 'missed';
    resolved_on: string | null;
  }>`
    select pp.id, pp.case_id, pp.currency, pp.created_on, pp.status, pi.seq, pi.due_on, pi.amount, pi.status as inst_status, pi.resolved_on
    from payment_plan pp join payment_plan_installment pi on pi.plan_id = pp.id
    where pp.case_id = any(${caseIds}::bigint[])
      and (pp.status = 'active' or exists (select 1 from payment_plan_installment m where m.plan_id = pp.id
                                           and m.resolved_on >= ${sinceDate}::date))
    order by pp.case_id, pp.id, pi.seq`.execute(tx);
  for (const r of planRows.rows) {
    const list = plans.get(r.case_id) ?? [];
    let plan = list.find((p) => p.id === r.id);
    if (!plan) {
      plan = { id: r.id, currency: r.currency, createdOn: r.created_on, status: r.status, installments: [] };
      list.push(plan);
      plans.set(r.case_id, list);
    }
    plan.installments.push({
      seq: r.seq,
      dueOn: r.due_on,
      amount: r.amount,
      status: r.inst_status,
      resolvedOn: r.resolved_on,
    });
  }
  return { promises, plans };
}

export interface ContactRow {
  id: number;
  customer_id: number;
  name: string;
  role: string;
  email: string | null;
  mobile: string | null;
  channels: ContactChannels;
  language: string | null;
  is_primary: boolean;
}

/** Everything a message needs: all open invoices of the cases (statements show them all) and contacts. */
export async function loadMessageData(
  tx: Tx,
  caseIds: number[],
  asOf: string,
): Promise<{
  invoices: Map<number, Array<InvoiceLine & { disputed: boolean }>>;
  contacts: Map<number, ContactRow[]>;
}> {
  const invoices = new Map<number, Array<InvoiceLine & { disputed: boolean }>>();
  const contacts = new Map<number, ContactRow[]>();
  if (caseIds.length === 0) return { invoices, contacts };
  const rows = await sql<{
    case_id: number;
    id: number;
    number: string;
    due_date: string;
    currency: string;
    open_amount: number;
    disputed: boolean;
  }>`
    select k.id as case_id, i.id, i.number, i.due_date, i.currency, i.open_amount, i.disputed
    from collection_case k join invoice i on i.customer_id = k.customer_id and i.entity_id = k.entity_id
    where k.id = any(${caseIds}::bigint[]) and i.allocated_amount < i.amount and i.issue_date <= ${asOf}::date
    order by k.id, i.due_date, i.number`.execute(tx);
  for (const r of rows.rows) {
    const list = invoices.get(r.case_id) ?? [];
    list.push({
      id: r.id,
      number: r.number,
      dueDate: r.due_date,
      currency: r.currency,
      openAmount: r.open_amount,
      daysPastDue: 0,
      disputed: r.disputed,
    });
    invoices.set(r.case_id, list);
  }
  const contactRows = await sql<ContactRow>`
    select ct.id, ct.customer_id, ct.name, ct.role, ct.email, ct.mobile, ct.channels, ct.language, ct.is_primary
    from contact ct
    where ct.customer_id in (select customer_id from collection_case where id = any(${caseIds}::bigint[]))
      and not ct.do_not_contact
    order by ct.customer_id, ct.is_primary desc, ct.id`.execute(tx);
  for (const r of contactRows.rows) {
    const list = contacts.get(r.customer_id) ?? [];
    list.push(r);
    contacts.set(r.customer_id, list);
  }
  return { invoices, contacts };
}

/**
 * The cases' outbox rows that a new message may join or that may have gone stale: every queued one, and
 * every one of today (a message that follows one already sent is numbered after it), with the firings
 * recorded against them. Read without locks: the batch locks them before it writes (batch-claim.ts), and
 * the cases' fingerprints tell whether they changed in between. Stale: an invoice it lists is no longer open at the amount shown,
 * or (dunning, not a statement, which shows disputed invoices too) is now disputed.
 */
export async function loadOutboxRows(
  tx: Tx,
  caseIds: number[],
  asOf: string,
): Promise<Map<number, OutboxRow[]>> {
  const byCase = new Map<number, OutboxRow[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await sql<{
    id: number;
    case_id: number;
    channel: OutboxRow['channel'];
    scheduled_on: string;
    status: OutboxRow['status'];
    steps: string[] | null;
    invoice_ids: number[] | null;
    stale: boolean;
  }>`
    select o.id, o.case_id, o.channel, o.scheduled_on, o.status, o.payload->'steps' as steps,
      jsonb_path_query_array(o.payload, '$.invoices[*].id') as invoice_ids,
      o.status = 'queued' and exists (
        select 1 from jsonb_to_recordset(coalesce(o.payload->'invoices', '[]'::jsonb)) as l(id bigint, "openAmount" bigint)
        left join invoice i on i.id = l.id
        where i.id is null or i.open_amount <> l."openAmount" or (i.disputed and o.template_key <> 'statement')
      ) as stale
    from outbox o
    where o.case_id = any(${caseIds}::bigint[]) and (o.status = 'queued' or o.scheduled_on = ${asOf}::date)
    order by o.case_id, o.id`.execute(tx);
  if (rows.rows.length === 0) return byCase;
  const firings = await sql<{
    outbox_id: number;
    step_key: string;
    occurrence_key: string;
    fired_on: string;
  }>`
    select outbox_id, step_key, occurrence_key, fired_on from step_firing
    where case_id = any(${caseIds}::bigint[]) and outbox_id = any(${rows.rows.map((r) => r.id)}::bigint[])
    order by id`.execute(tx);
  const refs = new Map<number, OutboxRow['firings']>();
  for (const f of firings.rows) {
    const list = refs.get(f.outbox_id) ?? [];
    list.push({ stepKey: f.step_key, occurrenceKey: f.occurrence_key, firedOn: f.fired_on });
    refs.set(f.outbox_id, list);
  }
  for (const r of rows.rows) {
    const list = byCase.get(r.case_id) ?? [];
    list.push({
      id: r.id,
      channel: r.channel,
      scheduledOn: r.scheduled_on,
      status: r.status,
      steps: r.steps ?? [],
      invoiceIds: r.invoice_ids ?? [],
      firings: refs.get(r.id) ?? [],
      stale: r.stale,
    });
    byCase.set(r.case_id, list);
  }
  return byCase;
}
