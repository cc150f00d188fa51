// The dashboard's figures as of today. For actors who see every customer they come from the summary
// (balances by bucket on the day, both bases) and the bounded top-overdue search, so the dashboard does not
// scan a million invoices; customer-scoped actors, whose share is small, get one scan of their open items.
// Both give the same figures (test/analytics/summary.test.ts); the scan also counts invoices.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import type { CurrencyAmount } from '../shared/money';
import { type AgingCell, selectAgingCells } from './aging-queries';
import { selectDashboardRows, selectTopOverdueByBound, type TopCustomerRow } from './dashboard-queries';
import { balancesOn } from './month-series';
import type { ReportFilter } from './scope-sql';
import type { AnalyticsSettings } from './settings-rules';
import { selectSummaryDeltas } from './trend-queries';

export interface TodayFigures {
  source: 'summary' | 'scan';
  /** Open amount per currency and overdue bucket. */
  due: Map<string, number[]>;
  /** Open invoices per overdue bucket (only from a scan). */
  dueCounts: number[] | null;
  /** The same without customers that have a specific provision, by overdue and by age bucket. */
  dueCollective: Map<string, number[]>;
  ageCollective: Map<string, number[]>;
  /** Open amount per currency of each customer with a specific provision. */
  specific: Map<number, CurrencyAmount[]>;
  top: TopCustomerRow[];
}

function add(map: Map<string, number[]>, currency: string, bucket: number, amount: number, size: number) {
  let amounts = map.get(currency);
  if (!amounts) {
    amounts = new Array(size).fill(0);
    map.set(currency, amounts);
  }
  amounts[bucket] += amount;
}

export async function todayFigures(
  db: Db,
  actor: Actor,
  params: {
    asOf: string;
    settings: AnalyticsSettings;
    filter: ReportFilter;
    specificIds: number[];
    rankFactors: { currency: string; factor: string }[];
    top: number;
  },
): Promise<TodayFigures> {
  const { asOf, settings, filter, specificIds } = params;
  const dueSize = settings.dueBuckets.length + 2;
  const ageSize = settings.agingMethod.edges.length + 1;
  const out: TodayFigures = {
    source: 'scan',
    due: new Map(),
    dueCounts: null,
    dueCollective: new Map(),
    ageCollective: new Map(),
    specific: new Map(),
    top: [],
  };
  if (actor.customerScope !== null || filter.customerId !== undefined) {
    const rows = await selectDashboardRows(db, actor, {
      asOf,
      dueEdges: settings.dueBuckets,
      ageEdges: settings.agingMethod.edges,
      filter,
      specificIds,
      rankFactors: params.rankFactors,
      top: params.top,
    });
    out.dueCounts = new Array(dueSize).fill(0);
    for (const r of rows) {
      if (r.part === 'due') {
        add(out.due, r.currency, r.bucket ?? 0, r.amount, dueSize);
        out.dueCounts[r.bucket ?? 0] += r.count;
      } else if (r.part === 'collective')
        add(out.dueCollective, r.currency, r.bucket ?? 0, r.amount, dueSize);
      else if (r.part === 'age') add(out.ageCollective, r.currency, r.bucket ?? 0, r.amount, ageSize);
      else if (r.part === 'top') out.top.push(r as TopCustomerRow);
      else if (r.part === 'specific' && r.customerId !== null) {
        out.specific.set(r.customerId, [
          ...(out.specific.get(r.customerId) ?? []),
          { currency: r.currency, amount: r.amount },
        ]);
      }
    }
    return out;
  }
  const specificFilter = { ...filter, customerIds: specificIds };
  const [dueDeltas, ageDeltas, top, specificDue, specificAge] = await Promise.all([
    selectSummaryDeltas(db, actor, filter, asOf, 'd'),
    selectSummaryDeltas(db, actor, filter, asOf, 'a'),
    selectTopOverdueByBound(db, actor, { asOf, filter, rankFactors: params.rankFactors, top: params.top }),
    specificIds.length
      ? selectAgingCells(db, actor, {
          asOf,
          basis: 'due',
          edges: settings.dueBuckets,
          by: 'customer',
          filter: specificFilter,
        })
      : Promise.resolve([] as AgingCell[]),
    specificIds.length
      ? selectAgingCells(db, actor, {
          asOf,
          basis: 'invoice',
          edges: settings.agingMethod.edges,
          by: 'customer',
          filter: specificFilter,
        })
      : Promise.resolve([] as AgingCell[]),
  ]);
  out.source = 'summary';
  out.top = top;
  for (const [currency, byBucket] of balancesOn(dueDeltas, asOf)) {
    for (const [bucket, amount] of byBucket) {
      add(out.due, currency, bucket, amount, dueSize);
      add(out.dueCollective, currency, bucket, amount, dueSize);
    }
  }
  for (const [currency, byBucket] of balancesOn(ageDeltas, asOf)) {
    for (const [bucket, amount] of byBucket) add(out.ageCollective, currency, bucket, amount, ageSize);
  }
  for (const c of specificDue) {
    add(out.dueCollective, c.currency, c.bucket, -c.amount, dueSize);
    const id = Number(c.key);
    out.specific.set(id, [...(out.specific.get(id) ?? []), { currency: c.currency, amount: c.amount }]);
  }
  for (const c of specificAge) add(out.ageCollective, c.currency, c.bucket, -c.amount, ageSize);
  return out;
}
