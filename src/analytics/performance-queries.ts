// Ledger reads for DSO / CEI and payment behaviour (付款习惯).
import { sql } from 'kysely';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { type ReportFilter, visibleSql } from './scope-sql';

/** Credit sales (invoices issued) between two dates, by currency. */
export async function selectSalesBetween(
  db: Db,
  actor: Actor,
  from: string,
  to: string,
  filter: ReportFilter,
): Promise<{ currency: string; amount: number }[]> {
  const visible = visibleSql(actor, 'i.customer_id', 'i.entity_id', 'i.currency', filter);
  const { rows } = await sql<{ currency: string; amount: number }>`
    select i.currency::text as currency, sum(i.amount)::bigint as amount from invoice i
    where i.issue_date between ${from}::date and ${to}::date and ${visible} group by 1`.execute(db);
  return rows;
}

export interface BehaviourRow {
  customerId: number;
  customerCode: string;
  customerName: string;
  currency: string;
  /** Payments allocated in the period (amount-weighted days are sums of amount × days). */
  paidAmount: number;
  amountDaysToPay: number;
  amountDaysLate: number;
  /** Invoices paid in the period, and of those paid late (see selectPaymentBehaviour). */
  settledCount: number;
  settledLateCount: number;
  settledAmount: number;
  settledLateAmount: number;
}

/**
 * Per customer and currency: payment allocations effective in the period and still active at its end,
 * weighted by amount (days to pay from the invoice date, days late from the due date); and the invoices
 * paid in the period, late or not, for the share of invoices paid late.
 *
 * An invoice is paid in the period when, at the period's end, its active allocations cover its amount, all
 * of them are from payments, and the last of them is in the period; it was paid late when that last
 * payment is after its due date. An invoice closed wholly or partly by a credit note (a price correction or
 * a return) or a write-off (a loss) was not paid by the customer and counts in neither number.
 */
export async function selectPaymentBehaviour(
  db: Db,
  actor: Actor,
  from: string,
  to: string,
  filter: ReportFilter,
): Promise<BehaviourRow[]> {
  const visible = visibleSql(actor, 'i.customer_id', 'i.entity_id', 'i.currency', filter);
  const { rows } = await sql<BehaviourRow>`
    with touched as (
      select distinct a.invoice_id from allocation a
      where a.effective_on between ${from}::date and ${to}::date
    ),
    act as (
      select a.invoice_id, a.amount, a.effective_on, a.payment_id
      from allocation a join touched t on t.invoice_id = a.invoice_id
      where a.effective_on <= ${to}::date and (a.reversed_on is null or a.reversed_on > ${to}::date)
    ),
    per_invoice as (
      select i.id, i.customer_id, i.currency, i.amount, i.issue_date, i.due_date,
             sum(act.amount) as allocated, max(act.effective_on) as last_on,
             bool_and(act.payment_id is not null) as by_payments,
             sum(act.amount) filter (where act.payment_id is not null and act.effective_on >= ${from}::date) as paid,
             sum(act.amount * (act.effective_on - i.issue_date))
               filter (where act.payment_id is not null and act.effective_on >= ${from}::date) as paid_days,
             sum(act.amount * greatest(0, act.effective_on - i.due_date))
               filter (where act.payment_id is not null and act.effective_on >= ${from}::date) as late_days
      from act join invoice i on i.id = act.invoice_id
      where ${visible}
      group by i.id
    ),
    paid_invoice as (
      select id, amount, last_on > due_date as late from per_invoice
      where allocated >= amount and by_payments and last_on >= ${from}::date
    )
    select p.customer_id as "customerId", c.code as "customerCode", c.name as "customerName",
           p.currency::text as currency,
           coalesce(sum(p.paid), 0)::bigint as "paidAmount",
           coalesce(sum(p.paid_days), 0)::bigint as "amountDaysToPay",
           coalesce(sum(p.late_days), 0)::bigint as "amountDaysLate",
           count(pi.id)::int as "settledCount",
           count(pi.id) filter (where pi.late)::int as "settledLateCount",
           coalesce(sum(pi.amount), 0)::bigint as "settledAmount",
           coalesce(sum(pi.amount) filter (where pi.late), 0)::bigint as "settledLateAmount"
    from per_invoice p join customer c on c.id = p.customer_id
    left join paid_invoice pi on pi.id = p.id
    group by 1, 2, 3, 4
    order by 2, 4`.execute(db);
  return rows;
}
