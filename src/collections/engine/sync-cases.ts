// Set-based synchronisation of cases with the ledger, before any step is evaluated: open a case for every
// customer and entity with an open invoice due by the horizon, close cases with none left (cancelling their
// open tasks and unsent messages), and settle promises and installments that fell due. Each statement is
// idempotent, and concurrent runs are safe: the partial unique index on open cases decides who opens one.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/store';

export interface SyncScope {
  asOf: string;
  /** as-of + the longest reminder lead time: invoices due by then belong to a case. */
  horizonDate: string;
  /** null: every customer (full cycle); otherwise only these. */
  customerIds: number[] | null;
  /** Customers whose ledger changed (or who were named): their open cases are evaluated again today. */
  reevaluate: number[];
}

export interface SyncCounts {
  opened: number;
  closed: number;
}

const inScope = (column: string, ids: number[] | null) =>
  ids === null ? sql`true` : sql`${sql.ref(column)} = any(${ids}::bigint[])`;

// The one definition of "this invoice belongs in a case as of the date".
const caseInvoice = (alias: string, s: SyncScope) =>
  sql`${sql.ref(`${alias}.allocated_amount`)} < ${sql.ref(
    `${alias}.amount`,
  )} and ${sql.ref(`${alias}.due_date`)} <= ${s.horizonDate}::date and ${sql.ref(`${alias}.issue_date`)} <= ${s.asOf}::date`;

export async function syncCases(tx: Tx, s: SyncScope): Promise<SyncCounts> {
  // Two workers syncing at once would update the same case rows in different orders; one at a time is
  // cheap (the sync is a few set-based statements) and rules out deadlocks.
  await sql`select pg_advisory_xact_lock(hashtext('collections:sync'))`.execute(tx);
  const opened = await sql`
    insert into collection_case (customer_id, entity_id, stage, stage_since, opened_on, collector_id)
    select i.customer_id, i.entity_id, 'reminder', ${s.asOf}::date, ${s.asOf}::date, c.collector_id
    from (select distinct customer_id, entity_id from invoice i
          where ${caseInvoice('i', s)} and ${inScope('i.customer_id', s.customerIds)}) i
    join customer c on c.id = i.customer_id
    where not exists (select 1 from collection_case k
                      where k.customer_id = i.customer_id and k.entity_id = i.entity_id and k.closed_on is null)
    on conflict (customer_id, entity_id) where closed_on is null do nothing
    returning id`.execute(tx);

  const closed = await sql<{ id: number }>`
    update collection_case k
    set closed_on = greatest(${s.asOf}::date, k.opened_on), status = 'closed', next_action_on = null,
        next_step_key = null, evaluated_on = ${s.asOf}::date, updated_at = now()
    where k.closed_on is null and ${inScope('k.customer_id', s.customerIds)}
      and not exists (select 1 from invoice i
                      where i.customer_id = k.customer_id and i.entity_id = k.entity_id and ${caseInvoice('i', s)})
    returning k.id`.execute(tx);
  const closedIds = closed.rows.map((r) => r.id);
  if (closedIds.length > 0) {
    await sql`update task set status = 'cancelled', outcome = 'case closed', updated_at = now()
              where status = 'open' and case_id = any(${closedIds}::bigint[])`.execute(tx);
    await sql`update outbox set status = 'cancelled', error = 'case closed before sending'
              where status = 'queued' and case_id = any(${closedIds}::bigint[])`.execute(tx);
    await sql`update promise set status = 'cancelled', resolved_on = ${s.asOf}::date
              where status = 'open' and case_id = any(${closedIds}::bigint[])`.execute(tx);
    await sql`update payment_plan set status = 'completed'
              where status = 'active' and case_id = any(${closedIds}::bigint[])`.execute(tx);
  }
  // A customer whose ledger changed is evaluated again today even if a cycle already did (a full run as
  // well as an incremental one: both take the change marks).
  if (s.reevaluate.length > 0) {
    await sql`update collection_case set evaluated_on = null
              where closed_on is null and customer_id = any(${s.reevaluate}::bigint[])`.execute(tx);
  }
  await settlePromises(tx, s);
  await settleInstallments(tx, s);
  return { opened: opened.rows.length, closed: closedIds.length };
}

/**
 * A promise is kept once payments and credit notes allocated to the case's invoices in its currency since
 * the promise reach its amount (by its date plus the strategy's grace days); after that date it is broken.
 * Either way the case is evaluated again.
 */
async function settlePromises(tx: Tx, s: SyncScope): Promise<void> {
  await sql`
    with p as (
      select p.id, p.amount, p.due_on + coalesce((st.settings->>'promiseGraceDays')::int, 2) as last_day,
             coalesce(sum(a.amount), 0)::bigint as paid
      from promise p
      join collection_case k on k.id = p.case_id
      left join strategy st on st.id = k.strategy_id
      left join invoice i on i.customer_id = p.customer_id and i.entity_id = p.entity_id and i.currency = p.currency
      left join allocation a on a.invoice_id = i.id and a.reversed_on is null and a.write_off_id is null
        and a.effective_on >= p.promised_on
        and a.effective_on <= least(${s.asOf}::date, p.due_on + coalesce((st.settings->>'promiseGraceDays')::int, 2))
      where p.status = 'open' and ${inScope('p.customer_id', s.customerIds)}
      group by p.id, p.amount, p.due_on, st.settings
    ), settled as (
      update promise set paid_amount = p.paid,
        status = case when p.paid >= p.amount then 'kept' when p.last_day < ${s.asOf}::date then 'broken' else 'open' end,
        resolved_on = case when p.paid >= p.amount or p.last_day < ${s.asOf}::date then ${s.asOf}::date end
      from p where promise.id = p.id
        and (p.paid <> promise.paid_amount or p.paid >= p.amount or p.last_day < ${s.asOf}::date)
      returning promise.case_id, promise.status
    )
    update collection_case set evaluated_on = null
    where id in (select case_id from settled where status <> 'open')`.execute(tx);
}

/** Installments: paid when cumulative receipts since the plan cover the cumulative schedule, else missed. */
async function settleInstallments(tx: Tx, s: SyncScope): Promise<void> {
  await sql`
    with inst as (
      select pi.plan_id, pi.seq, pi.status, pp.customer_id, pp.entity_id, pp.currency, pp.created_on, pp.case_id,
             pi.due_on + coalesce((st.settings->>'installmentGraceDays')::int, 2) as last_day,
             sum(pi.amount) over (partition by pi.plan_id order by pi.seq) as cum_due
      from payment_plan_installment pi
      join payment_plan pp on pp.id = pi.plan_id
      join collection_case k on k.id = pp.case_id
      left join strategy st on st.id = k.strategy_id
      where pp.status = 'active' and ${inScope('pp.customer_id', s.customerIds)}
    ), paid as (
      select inst.plan_id, inst.seq, inst.cum_due, inst.last_day, inst.case_id, coalesce(sum(a.amount), 0) as paid
      from inst
      left join invoice i on i.customer_id = inst.customer_id and i.entity_id = inst.entity_id
        and i.currency = inst.currency
      left join allocation a on a.invoice_id = i.id and a.reversed_on is null and a.write_off_id is null
        and a.effective_on >= inst.created_on and a.effective_on <= least(${s.asOf}::date, inst.last_day)
      where inst.status = 'open'
      group by inst.plan_id, inst.seq, inst.cum_due, inst.last_day, inst.case_id
    ), settled as (
      update payment_plan_installment pi
      set status = case when paid.paid >= paid.cum_due then 'paid' else 'missed' end, resolved_on = ${s.asOf}::date
      from paid where pi.plan_id = paid.plan_id and pi.seq = paid.seq
        and (paid.paid >= paid.cum_due or paid.last_day < ${s.asOf}::date)
      returning pi.plan_id, pi.status, paid.case_id
    ), plans as (
      update payment_plan pp set status = 'defaulted'
      where pp.id in (select plan_id from settled where status = 'missed')
      returning pp.case_id
    )
    update collection_case set evaluated_on = null
    where id in (select case_id from settled union select case_id from plans)`.execute(tx);
  await sql`
    update payment_plan pp set status = 'completed'
    where pp.status = 'active' and ${inScope('pp.customer_id', s.customerIds)}
      and not exists (select 1 from payment_plan_installment pi where pi.plan_id = pp.id and pi.status <> 'paid')`.execute(
    tx,
  );
}
