// Loads what the evaluation of a batch of cases needs, in a handful of set-based queries per batch: the
// cases (claimed with FOR UPDATE SKIP LOCKED so concurrent workers split the work), their invoice totals
// per currency, promises and plans; and, for the cases that send something, invoice lines and contacts.
import { sql } from 'kysely';
import type { ContactChannels } from '../../platform/db/schema';
import type { Tx } from '../../platform/db/store';
import type { InvoiceLine } from '../templates/render';
import type { PlanState, PromiseState } from './case-state';

export interface CaseRow {
  id: number;
  customer_id: number;
  entity_id: number;
  stage: 'reminder' | 'early' | 'strong';
  stage_since: string;
  stage_floor: 'early' | 'strong' | null;
  manual_status: 'paused' | 'legal' | 'agency' | null;
  paused_until: string | null;
  collector_id: number | null;
  strategy_id: number | null;
  opened_on: string;
  customer_code: string;
  customer_name: string;
  language: string;
  segment: string | null;
  grade: string | null;
  override: string | null;
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
  afterId: number;
  limit: number;
}

/** Claims the next cases to evaluate, locking them; rows locked by another worker are skipped. */
export async function claimCases(tx: Tx, scope: BatchScope): Promise<CaseRow[]> {
  const due = scope.full
    ? sql`(k.evaluated_on is null or k.evaluated_on < ${scope.asOf}::date)`
    : sql`k.evaluated_on is null`;
  const claimed = await sql<{ id: number }>`
    select k.id from collection_case k
    where k.closed_on is null and k.id > ${scope.afterId} and ${due}
    order by k.id limit ${scope.limit} for update skip locked`.execute(tx);
  if (claimed.rows.length === 0) return [];
  const ids = claimed.rows.map((r) => r.id);
  const rows = await sql<CaseRow>`
    select k.id, k.customer_id, k.entity_id, k.stage, k.stage_since, k.stage_floor, k.manual_status,
           k.paused_until, k.collector_id, k.strategy_id, k.opened_on,
           c.code as customer_code, c.name as customer_name, c.language, c.segment,
           nullif(c.attributes->>'grade', '') as grade, cs.strategy_name as override
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
    PromiseState & { case_id: number; due_on: string; resolved_on: string | null }
  >`
    select id, case_id, amount, currency, due_on, status, resolved_on from promise
    where case_id = any(${caseIds}::bigint[]) and (status = 'open' or resolved_on >= ${sinceDate}::date)
    order by case_id, id`.execute(tx);
  for (const r of promiseRows.rows) {
    const list = promises.get(r.case_id) ?? [];
    list.push({
      id: r.id,
      amount: r.amount,
      currency: r.currency,
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
    status: PlanState['status'];
    seq: number;
    due_on: string;
    amount: number;
    inst_status: 'open' | 'paid' | 'missed';
    resolved_on: string | null;
  }>`
    select pp.id, pp.case_id, pp.currency, pp.status, pi.seq, pi.due_on, pi.amount, pi.status as inst_status, pi.resolved_on
    from payment_plan pp join payment_plan_installment pi on pi.plan_id = pp.id
    where pp.case_id = any(${caseIds}::bigint[])
      and (pp.status = 'active' or exists (select 1 from payment_plan_installment m where m.plan_id = pp.id
                                           and m.resolved_on >= ${sinceDate}::date))
    order by pp.case_id, pp.id, pi.seq`.execute(tx);
  for (const r of planRows.rows) {
    const list = plans.get(r.case_id) ?? [];
    let plan = list.find((p) => p.id === r.id);
    if (!plan) {
      plan = { id: r.id, currency: r.currency, status: r.status, installments: [] };
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
