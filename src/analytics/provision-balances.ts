// The balances a provision is computed on, as of a date: collective balances per currency by overdue
// bucket and by age bucket (customers with a specific provision left out) and each such customer's whole
// balance. For actors who see every customer they come from the trigger-maintained summary (exact at
// month-ends and in the current month, where compaction keeps every day) and a scan of the few customers
// with a specific provision; otherwise, and on other dates, from one scan of the open items per basis.
// Both give the same figures (test/analytics/provision-agree.test.ts).
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import type { CurrencyAmount } from '../shared/money';
import { type AgingCell, selectAgingCells } from './aging-queries';
import { balancesOn } from './month-series';
import { monthEnd, monthOf, monthStart } from './months';
import type { ReportFilter } from './scope-sql';
import type { AnalyticsSettings } from './settings-rules';
import { selectSummaryDeltas } from './trend-queries';

export interface ProvisionBalances {
  source: 'summary' | 'scan';
  /** Collective open amount per currency and overdue bucket. */
  due: Map<string, number[]>;
  /** Collective open amount per currency and age bucket (days since invoice date). */
  age: Map<string, number[]>;
  /** The whole open amount per currency of each customer with a specific provision. */
  specific: Map<number, CurrencyAmount[]>;
}

function add(map: Map<string, number[]>, currency: string, bucket: number, amount: number, size: number) {
  let amounts = map.get(currency);
  if (!amounts) {
    amounts = new Array(size).fill(0);
    map.set(currency, amounts);
  }
  amounts[bucket] += amount;
}

/** The summary answers for month-ends and for days of the current month (see analytics_compact_ar_delta). */
function summaryAnswers(asOf: string, today: string): boolean {
  return monthEnd(monthOf(asOf)) === asOf || asOf >= monthStart(monthOf(today));
}

export async function loadProvisionBalances(
  db: Db,
  actor: Actor,
  params: {
    asOf: string;
    today: string;
    settings: AnalyticsSettings;
    filter: ReportFilter;
    specificIds: number[];
  },
): Promise<ProvisionBalances> {
  const { asOf, settings, filter, specificIds } = params;
  const dueSize = settings.dueBuckets.length + 2;
  const ageSize = settings.agingMethod.edges.length + 1;
  const out: ProvisionBalances = { source: 'scan', due: new Map(), age: new Map(), specific: new Map() };
  const specific = new Set(specificIds.map(String));
  const useSummary =
    actor.customerScope === null && filter.customerId === undefined && summaryAnswers(asOf, params.today);
  // Scanned cells by customer: every visible customer's on the scan path, only the specific ones else.
  const cellFilter = useSummary ? { ...filter, customerIds: specificIds } : filter;
  const scan = (basis: 'due' | 'invoice', edges: readonly number[]) =>
    useSummary && specificIds.length === 0
      ? Promise.resolve([] as AgingCell[])
      : selectAgingCells(db, actor, { asOf, basis, edges, by: 'customer', filter: cellFilter });
  const [dueCells, ageCells, dueDeltas, ageDeltas] = await Promise.all([
    scan('due', settings.dueBuckets),
    scan('invoice', settings.agingMethod.edges),
    useSummary ? selectSummaryDeltas(db, actor, filter, asOf, 'd') : Promise.resolve([]),
    useSummary ? selectSummaryDeltas(db, actor, filter, asOf, 'a') : Promise.resolve([]),
  ]);
  if (useSummary) {
    out.source = 'summary';
    for (const [currency, byBucket] of balancesOn(dueDeltas, asOf))
      for (const [bucket, amount] of byBucket) add(out.due, currency, bucket, amount, dueSize);
    for (const [currency, byBucket] of balancesOn(ageDeltas, asOf))
      for (const [bucket, amount] of byBucket) add(out.age, currency, bucket, amount, ageSize);
  }
  // On the summary path the scanned cells are the specific customers', taken out of the collective totals;
  // on the scan path each cell goes to one side or the other.
  for (const c of dueCells) {
    if (specific.has(c.key)) {
      const id = Number(c.key);
      out.specific.set(id, [...(out.specific.get(id) ?? []), { currency: c.currency, amount: c.amount }]);
      if (useSummary) add(out.due, c.currency, c.bucket, -c.amount, dueSize);
    } else add(out.due, c.currency, c.bucket, c.amount, dueSize);
  }
  for (const c of ageCells) {
    if (specific.has(c.key)) {
      if (useSummary) add(out.age, c.currency, c.bucket, -c.amount, ageSize);
    } else add(out.age, c.currency, c.bucket, c.amount, ageSize);
  }
  return out;
}
