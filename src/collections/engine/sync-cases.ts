// Set-based synchronisation of cases with the ledger, before any step is evaluated: open a case for every
// customer and entity with an open invoice due by the horizon, close cases with none left (cancelling their
// open engine tasks and unsent messages), settle promises and installments that fell due, cancel the engine
// tasks whose invoices are all paid, and hold back the queued messages of held cases. Each statement is
// idempotent, and concurrent runs are safe: the partial unique index on open cases decides who opens one.
// Tasks and cases are audited: each statement here is one summary entry (engine-transaction.ts), so every
// write is one statement for all the cases in scope, never one per row.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/store';
import { HELD_BACK } from './consolidate-messages';

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
    -- The open case that exists already is the conflict. No "not exists" on collection_case here: planned
    -- on a near-empty table, it became a loop over the heap this very statement grows (quadratic: 44 s for
    -- the first 60,000 cases), while the arbiter index answers each row in one probe.
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
    // The engine's own tasks only (step_key set): one a person made by hand may outlive the case.
    await sql`update task set status = 'cancelled', cancel_reason = 'case_closed', completed_on = ${s.asOf}::date,
                updated_at = now()
              where status = 'open' and step_key is not null and case_id = any(${closedIds}::bigint[])`.execute(
      tx,
    );
    await sql`update outbox set status = 'cancelled', error = 'case closed before sending'
              where status = 'queued' and case_id = any(${closedIds}::bigint[])`.execute(tx);
    await releaseCreditHolds(tx, s.asOf, closedIds, 'creditHoldReleasedCaseClosed');
    await settleClosedPromises(tx, s.asOf, closedIds);
    await sql`update payment_plan set status = 'completed'
              where status = 'active' and case_id = any(${closedIds}::bigint[])`.execute(tx);
  }
  // A customer whose ledger changed is evaluated again today even if a cycle already did (a full run as
  // well as an incremental one: both take the change marks).
  if (s.reevaluate.length > 0) {
    // Cases opened just now are unevaluated already: rewriting them would only add row versions.
    await sql`update collection_case set evaluated_on = null
              where closed_on is null and evaluated_on is not null
                and customer_id = any(${s.reevaluate}::bigint[])`.execute(tx);
  }
  await settlePromises(tx, s);
  await settleInstallments(tx, s);
  await cancelPaidTasks(tx, s);
  // After the settling: a promise that broke or a plan that defaulted today no longer holds the case.
  await holdBackQueuedMessages(tx, s);
  return { opened: opened.rows.length, closed: closedIds.length };
}

/**
 * Releases the active credit holds the engine placed for these cases (source 'collections'), recording the
 * day and why (a message code); the credit side reads credit_hold. A hold a person placed stays.
 */
export async function releaseCreditHolds(
  tx: Tx,
  asOf: string,
  caseIds: number[],
  reason: 'creditHoldReleasedCaseClosed' | 'creditHoldReleasedBackUnderRules',
): Promise<void> {
  if (caseIds.length === 0) return;
  await sql`update credit_hold set status = 'released', released_on = greatest(${asOf}::date, placed_on),
              released_reason = ${reason}
            where status = 'active' and source = 'collections' and case_id = any(${caseIds}::bigint[])`.execute(
    tx,
  );
}

/**
 * The engine's open tasks of open cases whose invoices (payload.invoices, as the task was made) are all
 * paid (or credited, written off) or disputed: nothing is left for the call or visit to ask for (disputed
 * invoices are not dunned; the dispute's resolution lets the strategy speak again). Reason 'invoices_disputed'
 * when one of them is still open under dispute, else 'invoices_paid'. A task that names no invoice stays;
 * so do the tasks people made.
 */
async function cancelPaidTasks(tx: Tx, s: SyncScope): Promise<void> {
  await sql`
    with named as (
      select t.id, jsonb_path_query_array(t.payload, '$.invoices[*].id') as ids
      from task t
      where t.status = 'open' and t.step_key is not null and ${inScope('t.customer_id', s.customerIds)}
    )
    update task t set status = 'cancelled', completed_on = ${s.asOf}::date, updated_at = now(),
      cancel_reason = case when exists (select 1 from jsonb_array_elements_text(n.ids) as e(id)
                                        join invoice i on i.id = e.id::bigint
                                        where i.allocated_amount < i.amount and i.disputed)
                           then 'invoices_disputed' else 'invoices_paid' end
    from named n
    where t.id = n.id and n.ids <> '[]'::jsonb
      and not exists (select 1 from jsonb_array_elements_text(n.ids) as e(id)
                      join invoice i on i.id = e.id::bigint
                      where i.allocated_amount < i.amount and not i.disputed)`.execute(tx);
}

/**
 * Cancels the queued messages of the cases that are held now (consolidate-messages.ts says why cancelled,
 * not parked): paused by a person (nothing fires while a pause lasts, so all of them), or held by an open
 * promise or an active plan (after the settling above, those are the ones in good standing) — except the
 * messages the engine queued during that hold: those speaking only for event steps (a broken promise, a
 * missed installment) that fired on or after the day the hold began (heldBack in consolidate-messages.ts).
 * The use cases do the same when a person pauses or records a promise or plan; this catches whatever came
 * another way (an import, a script, the simulator). There is no sender yet (the communications module
 * will send the outbox); one can run this in its own transaction before it claims what to send.
 */
export async function holdBackQueuedMessages(
  tx: Tx,
  s: Pick<SyncScope, 'asOf' | 'customerIds'>,
): Promise<void> {
  await sql`
    with held as (
      select o.id,
        k.manual_status = 'paused' and (k.paused_until is null or k.paused_until >= ${s.asOf}::date) as paused,
        (select min(p.promised_on) from promise p where p.case_id = k.id and p.status = 'open') as promised_on,
        (select min(pp.created_on) from payment_plan pp where pp.case_id = k.id and pp.status = 'active') as planned_on
      from outbox o join collection_case k on k.id = o.case_id
      where o.status = 'queued' and k.closed_on is null and ${inScope('k.customer_id', s.customerIds)}
    )
    update outbox o set status = 'cancelled',
      error = case when h.paused then ${HELD_BACK.paused}
                   when h.promised_on is not null then ${HELD_BACK.promise}
                   else ${HELD_BACK.plan} end
    from held h
    where o.id = h.id and o.status = 'queued'
      and (h.paused or (coalesce(h.promised_on, h.planned_on) is not null and (
        not exists (select 1 from step_firing f where f.outbox_id = o.id)
        or exists (select 1 from step_firing f where f.outbox_id = o.id
                     and (f.occurrence_key not like 'promise:%' and f.occurrence_key not like 'installment:%'
                          or f.fired_on < least(h.promised_on, h.planned_on))))))`.execute(tx);
}

/**
 * A promise is kept once payments and credit notes allocated to the case's invoices in its currency since
 * the promise reach its amount (by its date plus the strategy's grace days); after that date it is partly
 * kept if something was paid, else broken. Either way the case is evaluated again.
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
        status = case when p.paid >= p.amount then 'kept'
                      when p.last_day < ${s.asOf}::date then case when p.paid > 0 then 'partial' else 'broken' end
                      else 'open' end,
        resolved_on = case when p.paid >= p.amount or p.last_day < ${s.asOf}::date then ${s.asOf}::date end
      from p where promise.id = p.id
        and (p.paid <> promise.paid_amount or p.paid >= p.amount or p.last_day < ${s.asOf}::date)
      returning promise.case_id, promise.status
    )
    update collection_case set evaluated_on = null
    where id in (select case_id from settled where status <> 'open')`.execute(tx);
}

/**
 * The open promises of cases that closed just now (every invoice paid, credited or written off): the
 * payment that closes a case usually keeps its promise, so they are settled, not cancelled. Kept: payments
 * (and credit notes) since the promise reached its amount, or the case closed by them alone within the
 * promise's date plus grace (the customer paid all he owed, even if the promise named more). Partly kept:
 * something was paid but a write-off closed the rest, or the date plus grace had passed (broken if nothing
 * was). Cancelled: nothing was paid and the debt went another way.
 */
async function settleClosedPromises(tx: Tx, asOf: string, caseIds: number[]): Promise<void> {
  await sql`
    with p as (
      select p.id, p.amount, p.due_on + coalesce((st.settings->>'promiseGraceDays')::int, 2) as last_day,
             coalesce(sum(a.amount) filter (where a.write_off_id is null
               and a.effective_on <= p.due_on + coalesce((st.settings->>'promiseGraceDays')::int, 2)), 0)::bigint as paid,
             coalesce(bool_or(a.write_off_id is not null), false) as written_off
      from promise p
      join collection_case k on k.id = p.case_id
      left join strategy st on st.id = k.strategy_id
      left join invoice i on i.customer_id = p.customer_id and i.entity_id = p.entity_id and i.currency = p.currency
      left join allocation a on a.invoice_id = i.id and a.reversed_on is null
        and a.effective_on >= p.promised_on and a.effective_on <= ${asOf}::date
      where p.status = 'open' and p.case_id = any(${caseIds}::bigint[])
      group by p.id, p.amount, p.due_on, st.settings
    )
    update promise set paid_amount = p.paid, resolved_on = ${asOf}::date,
      status = case when p.paid >= p.amount then 'kept'
                    when p.last_day < ${asOf}::date then case when p.paid > 0 then 'partial' else 'broken' end
                    when p.paid > 0 and not p.written_off then 'kept'
                    when p.paid > 0 then 'partial'
                    else 'cancelled' end
    from p where promise.id = p.id`.execute(tx);
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
