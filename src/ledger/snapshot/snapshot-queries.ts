// The ledger as it stood on a past date, for a copy of it (the collections simulator): read-only queries
// on the ledger's tables, typed, with amounts in minor units and dates as YYYY-MM-DD.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/store';

export interface EntityCopy {
  id: number;
  code: string;
  name: string;
  base_currency: string;
  country: string;
  time_zone: string;
}

export interface CustomerCopy {
  id: number;
  code: string;
  name: string;
  language: string;
  segment: string | null;
  country: string;
  time_zone: string;
  collector_id: number | null;
  attributes: Record<string, unknown> | null;
}

export interface ContactCopy {
  id: number;
  customer_id: number;
  name: string;
  role: string | null;
  email: string | null;
  mobile: string | null;
  channels: unknown;
  do_not_contact: boolean;
  language: string | null;
  is_primary: boolean;
}

/** An invoice with its amount open on the date (only those open then). */
export interface InvoiceCopy {
  id: number;
  entity_id: number;
  customer_id: number;
  number: string;
  issue_date: string;
  due_date: string;
  currency: string;
  disputed: boolean;
  amount: number;
}

export interface ExchangeRateCopy {
  from_currency: string;
  to_currency: string;
  rate_date: string;
  rate: string;
}

export async function countCustomers(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from customer`.execute(db);
  return Number(rows[0].n);
}

/** All customers, or `limit` of `total` picked by a hash of the id (the same ones every time). */
export async function selectCustomersSample(db: Db, total: number, limit: number): Promise<CustomerCopy[]> {
  const pick = total > limit ? sql`mod(abs(hashint8(c.id)), ${total}) < ${limit}` : sql`true`;
  const { rows } = await sql<CustomerCopy>`
    select c.id, c.code, c.name, c.language, c.segment, c.country, c.time_zone, c.collector_id, c.attributes
      from customer c where ${pick} order by c.id`.execute(db);
  return rows;
}

export async function selectEntitiesForCopy(db: Db): Promise<EntityCopy[]> {
  const { rows } = await sql<EntityCopy>`
    select id, code, name, base_currency, country, time_zone from entity order by id`.execute(db);
  return rows;
}

export async function selectContactsOf(db: Db, customerIds: number[]): Promise<ContactCopy[]> {
  const { rows } = await sql<ContactCopy>`
    select id, customer_id, name, role, email, mobile, channels, do_not_contact, language, is_primary
      from contact where customer_id = any(${customerIds}::bigint[]) order by id`.execute(db);
  return rows;
}

/** The customers' invoices issued by `to` with what was open of them on `from` (allocations as of then). */
export async function selectInvoicesOpenOn(
  db: Db,
  customerIds: number[],
  from: string,
  to: string,
): Promise<InvoiceCopy[]> {
  const { rows } = await sql<InvoiceCopy>`
    select * from (
      select i.id, i.entity_id, i.customer_id, i.number, i.issue_date, i.due_date, i.currency, i.disputed,
             (i.amount - coalesce((select sum(a.amount) from allocation a where a.invoice_id = i.id
               and a.effective_on <= ${from}::date and (a.reversed_on is null or a.reversed_on > ${from}::date)), 0))::bigint as amount
      from invoice i where i.customer_id = any(${customerIds}::bigint[]) and i.issue_date <= ${to}::date) x
    where amount > 0 order by id`.execute(db);
  return rows;
}

/** Per customer: quartiles of days late of the invoices due in the year to `from` and paid in full by then. */
export async function selectPaymentHistory(
  db: Db,
  customerIds: number[],
  yearBefore: string,
  from: string,
): Promise<Array<{ customer_id: number; p25: number; p75: number; n: number }>> {
  const { rows } = await sql<{ customer_id: number; p25: number; p75: number; n: number }>`
    with paid as (
      select i.customer_id, max(a.effective_on) - i.due_date as late
      from invoice i join allocation a on a.invoice_id = i.id and a.reversed_on is null
      where i.customer_id = any(${customerIds}::bigint[]) and i.due_date between ${yearBefore}::date and ${from}::date
      group by i.id having sum(a.amount) >= i.amount and max(a.effective_on) <= ${from}::date)
    select customer_id, percentile_cont(0.25) within group (order by late) as p25,
           percentile_cont(0.75) within group (order by late) as p75, count(*)::int as n
    from paid group by customer_id`.execute(db);
  return rows;
}

/** Credit sales per currency of invoices issued after `after` up to `to`. */
export async function selectCreditSales(
  db: Db,
  customerIds: number[],
  after: string,
  to: string,
): Promise<Array<{ currency: string; amount: number }>> {
  const { rows } = await sql<{ currency: string; amount: number }>`
    select currency, sum(amount)::bigint as amount from invoice
     where customer_id = any(${customerIds}::bigint[]) and issue_date > ${after}::date and issue_date <= ${to}::date
     group by currency order by currency`.execute(db);
  return rows;
}

export async function selectRatesUpTo(db: Db, to: string): Promise<ExchangeRateCopy[]> {
  const { rows } = await sql<ExchangeRateCopy>`
    select from_currency, to_currency, rate_date, rate from exchange_rate where rate_date <= ${to}::date`.execute(
    db,
  );
  return rows;
}

/** A span of a customer's invoices with one entity: from `since` (a case's opening) to the date. */
export interface InvoiceSpan {
  customerId: number;
  entityId: number;
  since: string;
}

/** An invoice with its allocations as of the date: [effective on, reversed on (by then) or null, amount]. */
export interface InvoiceWithAllocations {
  customer_id: number;
  entity_id: number;
  issue_date: string;
  due_date: string;
  disputed: boolean;
  amount: number;
  allocations: Array<[string, string | null, number]>;
}

/**
 * For each span: the invoices issued by `from` that were open on some day from `since` to `from` (open when
 * it began, or opened again by a reversal within it), with their allocations as of `from`.
 */
export async function selectInvoicesOpenWithin(
  db: Db,
  spans: InvoiceSpan[],
  from: string,
): Promise<InvoiceWithAllocations[]> {
  if (spans.length === 0) return [];
  const { rows } = await sql<InvoiceWithAllocations>`
    select i.customer_id, i.entity_id, i.issue_date, i.due_date, i.disputed, i.amount,
           coalesce((select jsonb_agg(jsonb_build_array(a.effective_on,
                              case when a.reversed_on <= ${from}::date then a.reversed_on end, a.amount) order by a.id)
                     from allocation a where a.invoice_id = i.id and a.effective_on <= ${from}::date),
                    '[]'::jsonb) as allocations
    from invoice i
    join unnest(${spans.map((s) => s.customerId)}::bigint[], ${spans.map((s) => s.entityId)}::bigint[],
                ${spans.map((s) => s.since)}::date[]) k(customer_id, entity_id, opened_on)
      on k.customer_id = i.customer_id and k.entity_id = i.entity_id
    where i.issue_date <= ${from}::date
      and (i.amount > (select coalesce(sum(x.amount), 0) from allocation x where x.invoice_id = i.id
                         and x.effective_on < k.opened_on and (x.reversed_on is null or x.reversed_on >= k.opened_on))
           or exists (select 1 from allocation x where x.invoice_id = i.id
                        and x.reversed_on between k.opened_on and ${from}::date))
    order by i.id`.execute(db);
  return rows;
}

/** Receipts towards a commitment: a customer's, entity's and currency's, allocated from `since` to `until`. */
export interface ReceiptWindow {
  customerId: number;
  entityId: number;
  currency: string;
  since: string;
  until: string;
}

/**
 * What was received in each window (allocations of payments and credit notes, not write-offs), as the
 * ledger stood on `asOf` (allocations reversed by then do not count). In the order of `windows`.
 */
export async function selectReceiptsWithin(
  db: Db,
  windows: ReceiptWindow[],
  asOf: string,
): Promise<number[]> {
  if (windows.length === 0) return [];
  const { rows } = await sql<{ n: number; paid: number }>`
    select w.n, coalesce((select sum(a.amount) from invoice i join allocation a on a.invoice_id = i.id
                    where i.customer_id = w.customer_id and i.entity_id = w.entity_id and i.currency = w.currency
                      and a.write_off_id is null and a.effective_on >= w.since and a.effective_on <= w.until
                      and (a.reversed_on is null or a.reversed_on > ${asOf}::date)), 0)::bigint as paid
    from unnest(${windows.map((w) => w.customerId)}::bigint[], ${windows.map((w) => w.entityId)}::bigint[],
                ${windows.map((w) => w.currency)}::text[], ${windows.map((w) => w.since)}::date[],
                ${windows.map((w) => w.until)}::date[]) with ordinality w(customer_id, entity_id, currency, since, until, n)
    order by w.n`.execute(db);
  return rows.map((row) => Number(row.paid));
}
