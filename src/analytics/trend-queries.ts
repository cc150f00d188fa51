// Month-end AR by overdue bucket and credit sales per month, two ways: from the trigger-maintained summary
// (analytics_ar_delta, for actors who see every customer) and by scanning the ledger (for actors scoped to
// some customers, and as the reference the summary is tested against).
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { bucketSql, type ReportFilter, visibleSql } from './scope-sql';

export interface MonthEndCell {
  /** The month-end date (or the as-of date for a month in progress). */
  asOf: string;
  currency: string;
  /** Bucket index; -1 = credit sales of the month ending on asOf. */
  bucket: number;
  amount: number;
}

export interface SummaryDelta {
  currency: string;
  bucket: number;
  /** The day of the change (the first of the month for folded rows of past months). */
  day: string;
  amount: number;
}

/** Summary rows of a basis dated up to `until` (compaction.ts keeps them few). */
export async function selectSummaryDeltas(
  db: Db,
  actor: Actor,
  filter: ReportFilter,
  until: string,
  basis: 'd' | 'a' = 'd',
): Promise<SummaryDelta[]> {
  const conditions = [
    rowVisible(actor, { customer: null, entity: 'd.entity_id' }),
    sql`d.on_date <= ${until}::date`,
    sql`d.basis = ${basis}`,
  ];
  if (filter.entityId !== undefined) conditions.push(sql`d.entity_id = ${filter.entityId}`);
  if (filter.currency) conditions.push(sql`d.currency = ${filter.currency}`);
  const { rows } = await sql<SummaryDelta>`
    select d.currency::text as currency, d.bucket::int as bucket, d.on_date as day, sum(d.amount)::bigint as amount
    from analytics_ar_delta d
    where ${sql.join(conditions, sql` and `)}
    group by 1, 2, 3 having sum(d.amount) <> 0`.execute(db);
  return rows;
}

/**
 * The same figures by scanning: for each date, Σ open_on(date) of the visible invoices by currency and
 * overdue bucket, and credit sales of the month ending on each date.
 */
export async function selectScannedMonthEnds(
  db: Db,
  actor: Actor,
  dates: string[],
  edges: readonly number[],
  filter: ReportFilter,
): Promise<MonthEndCell[]> {
  if (dates.length === 0) return [];
  const visible = visibleSql(actor, 'i.customer_id', 'i.entity_id', 'i.currency', filter);
  const bucket = bucketSql(sql`(x.as_of - x.due_date)`, edges, 'due');
  const { rows } = await sql<MonthEndCell>`
    with d as (select unnest(${dates}::date[]) as as_of),
    inv as (select i.id, i.currency, i.amount, i.issue_date, i.due_date from invoice i
            where ${visible} and i.issue_date <= (select max(as_of) from d)),
    x as (
      select d.as_of, inv.id, inv.currency, inv.due_date,
             inv.amount - coalesce(sum(a.amount) filter (
               where a.effective_on <= d.as_of and (a.reversed_on is null or a.reversed_on > d.as_of)), 0) as open
      from d join inv on inv.issue_date <= d.as_of
      left join allocation a on a.invoice_id = inv.id
      group by d.as_of, inv.id, inv.currency, inv.due_date, inv.amount
    )
    select to_char(x.as_of, 'YYYY-MM-DD') as "asOf", x.currency::text as currency, ${bucket} as bucket,
           sum(x.open)::bigint as amount
    from x where x.open <> 0 group by 1, 2, 3
    union all
    select to_char(d.as_of, 'YYYY-MM-DD'), inv.currency::text, -1, sum(inv.amount)::bigint
    from d join inv on inv.issue_date <= d.as_of and inv.issue_date >= date_trunc('month', d.as_of)
    group by 1, 2`.execute(db);
  return rows;
}
