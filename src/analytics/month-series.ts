// AR by overdue bucket at month-ends, and credit sales per month, for trends (DSO, CEI, overdue movement).
// Completed months come from the summary when the actor sees all customers; a month in progress (its
// figures as of today, or of a report's last day) and customer-scoped actors are computed from the ledger rows.
import { sql } from 'kysely';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { daysBetween } from '../shared/dates';
import { openItemsCte } from './aging-queries';
import { monthEnd, monthEndUpTo, monthOf, monthStart } from './months';
import type { MonthSales } from './performance';
import { bucketSql, type ReportFilter, visibleSql } from './scope-sql';
import {
  type MonthEndCell,
  type SummaryDelta,
  selectScannedMonthEnds,
  selectSummaryDeltas,
} from './trend-queries';

export interface CurrencyPoint {
  currency: string;
  /** Open AR per overdue bucket (0 = not yet due). */
  buckets: number[];
  /** Credit sales of the month up to asOf. */
  sales: number;
}

export interface SeriesPoint {
  month: string;
  asOf: string;
  byCurrency: CurrencyPoint[];
}

function toPoints(
  months: string[],
  asOfs: string[],
  cells: MonthEndCell[],
  bucketCount: number,
): SeriesPoint[] {
  const points = months.map((month, k) => ({ month, asOf: asOfs[k], map: new Map<string, CurrencyPoint>() }));
  const byAsOf = new Map(points.map((p) => [p.asOf, p]));
  for (const cell of cells) {
    const point = byAsOf.get(cell.asOf);
    if (!point) continue;
    let c = point.map.get(cell.currency);
    if (!c) {
      c = { currency: cell.currency, buckets: new Array(bucketCount).fill(0), sales: 0 };
      point.map.set(cell.currency, c);
    }
    if (cell.bucket < 0) c.sales += cell.amount;
    else c.buckets[cell.bucket] += cell.amount;
  }
  return points.map((p) => ({
    month: p.month,
    asOf: p.asOf,
    byCurrency: [...p.map.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  }));
}

/**
 * Countback's months for the point at `index`, newest first: each month's credit sales (in the reporting
 * currency; null where a rate is missing) and its days up to the point's date, so that a month in progress,
 * or the last month of a period ending mid-month, counts only its days so far.
 */
export function countbackMonths(
  series: readonly SeriesPoint[],
  index: number,
  salesOf: (p: SeriesPoint) => number | null,
): MonthSales[] {
  const list: MonthSales[] = [];
  for (let k = index; k >= 0; k--) {
    list.push({
      sales: salesOf(series[k]),
      days: daysBetween(monthStart(series[k].month), series[k].asOf) + 1,
    });
  }
  return list;
}

/** Cumulates summary deltas into balances at each month-end; sales (bucket -1) are per month. */
export function cumulate(deltas: SummaryDelta[], months: string[]): MonthEndCell[] {
  const sorted = [...deltas].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const running = new Map<string, number>();
  const cells: MonthEndCell[] = [];
  let i = 0;
  for (const month of months) {
    const first = monthStart(month);
    const asOf = monthEnd(month);
    const salesOfMonth = new Map<string, number>();
    while (i < sorted.length && sorted[i].day <= asOf) {
      const d = sorted[i++];
      if (d.bucket < 0) {
        if (d.day >= first) salesOfMonth.set(d.currency, (salesOfMonth.get(d.currency) ?? 0) + d.amount);
      } else {
        const key = `${d.currency}|${d.bucket}`;
        running.set(key, (running.get(key) ?? 0) + d.amount);
      }
    }
    for (const [key, amount] of running) {
      const [currency, bucket] = key.split('|');
      if (amount !== 0) cells.push({ asOf, currency, bucket: Number(bucket), amount });
    }
    for (const [currency, amount] of salesOfMonth) cells.push({ asOf, currency, bucket: -1, amount });
  }
  return cells;
}

/** Balances per currency and bucket on one day from summary deltas (bucket -1, sales, left out). */
export function balancesOn(deltas: SummaryDelta[], day: string): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const d of deltas) {
    if (d.day > day || d.bucket < 0) continue;
    let byBucket = out.get(d.currency);
    if (!byBucket) {
      byBucket = new Map();
      out.set(d.currency, byBucket);
    }
    byBucket.set(d.bucket, (byBucket.get(d.bucket) ?? 0) + d.amount);
  }
  return out;
}

/** Open AR by currency and bucket and month-to-date sales as of one date, from the ledger rows. */
export async function scanOneDate(
  db: Db,
  actor: Actor,
  asOf: string,
  edges: readonly number[],
  filter: ReportFilter,
): Promise<MonthEndCell[]> {
  const bucket = bucketSql(sql`(${asOf}::date - it.due_date)`, edges, 'due');
  const visible = visibleSql(actor, 'i.customer_id', 'i.entity_id', 'i.currency', filter);
  const { rows } = await sql<MonthEndCell>`${openItemsCte(asOf, actor, filter)}
    select ${asOf}::text as "asOf", it.currency::text as currency, ${bucket} as bucket, sum(it.open)::bigint as amount
    from items it where it.open <> 0 group by 2, 3
    union all
    select ${asOf}::text, i.currency::text, -1, sum(i.amount)::bigint from invoice i
    where i.issue_date between ${monthStart(monthOf(asOf))}::date and ${asOf}::date and ${visible}
    group by 2`.execute(db);
  return rows;
}

/**
 * The series for `months` (oldest first), ending on `until` (today, or a report's last day): a month not
 * over by then is taken as of `until`.
 */
export async function loadSeries(
  db: Db,
  actor: Actor,
  params: { months: string[]; edges: readonly number[]; filter: ReportFilter; until: string },
): Promise<SeriesPoint[]> {
  const { months, edges, filter, until } = params;
  const bucketCount = edges.length + 2;
  const done = months.filter((m) => monthEnd(m) <= until);
  const open = months.filter((m) => monthEnd(m) > until && monthStart(m) <= until);
  const asOfs = months.map((m) => monthEndUpTo(m, until));
  const cells: MonthEndCell[] = [];
  if (done.length) {
    if (actor.customerScope === null && filter.customerId === undefined) {
      const deltas = await selectSummaryDeltas(db, actor, filter, monthEnd(done[done.length - 1]));
      cells.push(...cumulate(deltas, done));
    } else {
      cells.push(...(await selectScannedMonthEnds(db, actor, done.map(monthEnd), edges, filter)));
    }
  }
  if (open.length) cells.push(...(await scanOneDate(db, actor, until, edges, filter)));
  return toPoints(months, asOfs, cells, bucketCount);
}
