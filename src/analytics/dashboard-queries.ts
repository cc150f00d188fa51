// The dashboard's figures as of today in one pass over the open items: totals by overdue bucket, balances
// by age bucket for the provision, the top overdue customers and the balances of customers with a
// specific provision.
import { sql } from 'kysely';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { openItemsCte } from './aging-queries';
import { bucketSql, type ReportFilter, visibleSql } from './scope-sql';

export interface DashboardRow {
  part: 'due' | 'collective' | 'age' | 'top' | 'specific';
  customerId: number | null;
  currency: string;
  bucket: number | null;
  amount: number;
  overdue: number;
  count: number;
  maxDays: number;
}

export async function selectDashboardRows(
  db: Db,
  actor: Actor,
  params: {
    asOf: string;
    dueEdges: readonly number[];
    ageEdges: readonly number[];
    filter: ReportFilter;
    specificIds: number[];
    /** Approximate factor to the reporting currency per currency, for ranking only. */
    rankFactors: { currency: string; factor: string }[];
    top: number;
  },
): Promise<DashboardRow[]> {
  const { asOf } = params;
  const due = bucketSql(sql`(${asOf}::date - it.due_date)`, params.dueEdges, 'due');
  const age = bucketSql(sql`(${asOf}::date - it.issue_date)`, params.ageEdges, 'invoice');
  const currencies = params.rankFactors.map((f) => f.currency);
  const factors = params.rankFactors.map((f) => f.factor);
  const { rows } = await sql<DashboardRow>`${openItemsCte(asOf, actor, params.filter)},
    agg as materialized (
      select it.customer_id, it.currency::text as currency, ${due} as due_bucket, ${age} as age_bucket,
             sum(it.open)::bigint as amount, count(*)::int as n, max(${asOf}::date - it.due_date) as max_days
      from items it where it.open > 0 group by 1, 2, 3, 4
    ),
    per_customer as (
      select customer_id, currency, sum(amount)::bigint as amount,
             coalesce(sum(amount) filter (where due_bucket > 0), 0)::bigint as overdue,
             sum(n)::int as n, max(max_days)::int as max_days
      from agg group by 1, 2
    ),
    f as (select * from unnest(${currencies}::text[], ${factors}::numeric[]) as f(currency, factor)),
    ranked as (
      select pc.customer_id from per_customer pc join f on f.currency = pc.currency
      group by 1 having sum(pc.overdue * f.factor) > 0
      order by sum(pc.overdue * f.factor) desc, pc.customer_id limit ${params.top}
    )
    select 'due' as part, null::bigint as "customerId", currency, due_bucket as bucket, sum(amount)::bigint as amount,
           0::bigint as overdue, sum(n)::int as count, 0 as "maxDays"
    from agg group by currency, due_bucket
    union all
    select 'collective', null, currency, due_bucket, sum(amount)::bigint, 0, sum(n)::int, 0 from agg
    where customer_id <> all(${params.specificIds}::bigint[]) group by currency, due_bucket
    union all
    select 'age', null, currency, age_bucket, sum(amount)::bigint, 0, sum(n)::int, 0 from agg
    where customer_id <> all(${params.specificIds}::bigint[]) group by currency, age_bucket
    union all
    select 'top', pc.customer_id, pc.currency, null, pc.amount, pc.overdue, pc.n, pc.max_days
    from per_customer pc where pc.customer_id in (select customer_id from ranked)
    union all
    select 'specific', pc.customer_id, pc.currency, null, pc.amount, pc.overdue, pc.n, pc.max_days
    from per_customer pc where pc.customer_id = any(${params.specificIds}::bigint[])`.execute(db);
  return rows;
}

export interface TopCustomerRow {
  customerId: number;
  currency: string;
  amount: number;
  overdue: number;
  maxDays: number;
}

/**
 * The top overdue customers without scanning every open invoice: analytics_customer_open (Σ open amount
 * per customer) bounds what a customer can have overdue, so the exact overdue (as of the date, from the
 * ledger) is computed only for the customers with the largest bounds, and for any customer whose open
 * amount on the date may differ from now (allocations dated after it). The candidates grow until no
 * customer outside them can beat the last of the top ones. For actors who see every customer.
 */
export async function selectTopOverdueByBound(
  db: Db,
  actor: Actor,
  params: {
    asOf: string;
    filter: ReportFilter;
    rankFactors: { currency: string; factor: string }[];
    top: number;
  },
): Promise<TopCustomerRow[]> {
  const { asOf } = params;
  const factor = new Map(params.rankFactors.map((f) => [f.currency, Number(f.factor)]));
  const currencies = params.rankFactors.map((f) => f.currency);
  const factors = params.rankFactors.map((f) => f.factor);
  const entity =
    params.filter.entityId === undefined ? sql`true` : sql`o.entity_id = ${params.filter.entityId}`;
  const visibleEntity = visibleSql(actor, 'o.customer_id', 'o.entity_id', null, {});
  const { rows: moved } = await sql<{ customerId: number }>`
    select distinct i.customer_id as "customerId" from allocation a join invoice i on i.id = a.invoice_id
    where (a.reversed_on is null and a.effective_on > ${asOf}::date)
       or (a.reversed_on > ${asOf}::date and a.effective_on <= ${asOf}::date)`.execute(db);
  for (let k = 4 * params.top; ; k *= 4) {
    const { rows: bounds } = await sql<{ customerId: number; bound: string }>`
      with f as (select * from unnest(${currencies}::text[], ${factors}::numeric[]) as f(currency, factor))
      select o.customer_id as "customerId", sum(o.amount * f.factor)::text as bound
      from analytics_customer_open o join f on f.currency = o.currency
      where o.amount > 0 and ${entity} and ${visibleEntity}
      group by 1 order by sum(o.amount * f.factor) desc, 1 limit ${k + 1}`.execute(db);
    const candidates = [
      ...new Set([...bounds.slice(0, k).map((b) => b.customerId), ...moved.map((m) => m.customerId)]),
    ];
    if (candidates.length === 0) return [];
    const due = bucketSql(sql`(${asOf}::date - it.due_date)`, [0], 'due');
    const { rows } =
      await sql<TopCustomerRow>`${openItemsCte(asOf, actor, { ...params.filter, customerIds: candidates })}
      select it.customer_id as "customerId", it.currency::text as currency, sum(it.open)::bigint as amount,
             coalesce(sum(it.open) filter (where ${due} > 0), 0)::bigint as overdue,
             max(${asOf}::date - it.due_date)::int as "maxDays"
      from items it where it.open > 0 group by 1, 2`.execute(db);
    const converted = new Map<number, number>();
    for (const r of rows)
      converted.set(
        r.customerId,
        (converted.get(r.customerId) ?? 0) + r.overdue * (factor.get(r.currency) ?? 0),
      );
    const ranked = [...converted.entries()]
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const chosen = new Set(ranked.slice(0, params.top).map(([id]) => id));
    const outside = bounds.length > k ? Number(bounds[k].bound) : 0;
    const last = ranked.length >= params.top ? ranked[params.top - 1][1] : 0;
    // Done when no customer left out can have more overdue than the last one chosen.
    if (bounds.length <= k || outside <= last) return rows.filter((r) => chosen.has(r.customerId));
  }
}
