// The receivables dashboard: AR and overdue today, aging bars, DSO/CEI and overdue trends over 24 months,
// top overdue customers and the provision by bucket. Today's figures come from one scan of the open
// items; the trends from the month-end summary (or a scan for customer-scoped actors).
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { todayIn } from '../shared/dates';
import { Converter, CURRENCY_MINOR_UNITS, fromDecimal, toDecimal } from '../shared/money';
import { makeBuckets } from './buckets';
import { todayFigures } from './dashboard-today';
import { figures, type PerformanceFigures } from './get-performance-report';
import { selectRatesOn } from './label-queries';
import { matrixLossRates } from './matrix-cache';
import { countbackMonths, loadSeries, type SeriesPoint } from './month-series';
import { addMonths, monthEndUpTo, monthOf, monthStart } from './months';
import { agingMethodProvision, provisionOf, totalOf } from './provision-rules';
import { openReport } from './report-context';
import { selectSpecificProvisions } from './settings-queries';
import { agingRates } from './settings-rules';

export interface DashboardInput {
  entityId?: number;
  reportCurrency?: string;
  timeZone?: string;
  months?: number;
  top?: number;
}

export async function getDashboard(db: Db, actor: Actor, input: DashboardInput) {
  const asOf = todayIn(input.timeZone);
  const ctx = await openReport(db, actor, {
    date: asOf,
    entityId: input.entityId,
    reportCurrency: input.reportCurrency,
  });
  const { settings, converter } = ctx;
  const filter = { entityId: input.entityId };
  const specifics = await selectSpecificProvisions(db);
  const rankFactors = Object.keys(CURRENCY_MINOR_UNITS).flatMap((currency) => {
    const f = converter.factor(currency);
    return f ? [{ currency, factor: toDecimal(f, 12) }] : [];
  });
  converter.missing.clear(); // only currencies that are actually present count as missing
  const monthCount = input.months ?? 24;
  const months = Array.from({ length: monthCount + 12 }, (_, k) =>
    addMonths(monthOf(asOf), k - monthCount - 12),
  );
  const dueBuckets = makeBuckets(settings.dueBuckets, 'due');
  const ageBuckets = makeBuckets(settings.agingMethod.edges, 'invoice');
  const [today, series, rates] = await Promise.all([
    todayFigures(db, actor, {
      asOf,
      settings,
      filter,
      specificIds: specifics.map((s) => s.customerId),
      rankFactors,
      top: input.top ?? 10,
    }),
    loadSeries(db, actor, { months, edges: settings.dueBuckets, filter, until: asOf }),
    selectRatesOn(db, [...months.map((m) => monthEndUpTo(m, asOf)), asOf]),
  ]);
  const convertBucket = (byCurrency: Map<string, number[]>, k: number) =>
    converter.sum([...byCurrency].map(([currency, amounts]) => ({ currency, amount: amounts[k] ?? 0 })));
  const aging = dueBuckets.map((b) => ({
    ...b,
    amount: convertBucket(today.due, b.index),
    count: today.dueCounts ? today.dueCounts[b.index] : null,
  }));
  const ar = converter.sum(
    [...today.due].map(([currency, amounts]) => ({ currency, amount: amounts.reduce((x, y) => x + y, 0) })),
  );
  const current = aging[0].amount;
  const totals = {
    ar,
    current,
    overdue: ar !== null && current !== null ? ar - current : null,
    count: today.dueCounts ? today.dueCounts.reduce((x, y) => x + y, 0) : null,
    overdueCount: today.dueCounts ? today.dueCounts.slice(1).reduce((x, y) => x + y, 0) : null,
  };

  // Trends: month-end figures converted at each month-end's rate.
  const converters = new Map<string, Converter>();
  const conv = (date: string) => {
    let c = converters.get(date);
    if (!c) {
      c = new Converter(ctx.reportCurrency, date, rates);
      converters.set(date, c);
    }
    return c;
  };
  const at = (p: SeriesPoint, pick: (b: number[]) => number) =>
    conv(p.asOf).sum(p.byCurrency.map((c) => ({ currency: c.currency, amount: pick(c.buckets) })));
  const all = (b: number[]) => b.reduce((s, x) => s + x, 0);
  const sales = (p: SeriesPoint) =>
    conv(p.asOf).sum(p.byCurrency.map((c) => ({ currency: c.currency, amount: c.sales })));
  const trend: (PerformanceFigures & { month: string; overdueByBucket: (number | null)[] })[] = [];
  for (let k = 12; k < series.length; k++) {
    const p = series[k];
    trend.push({
      month: p.month,
      ...figures(
        {
          from: monthStart(p.month),
          to: p.asOf,
          opening: at(series[k - 1], all),
          total: at(p, all),
          current: at(p, (b) => b[0]),
          sales: sales(p),
        },
        1,
        countbackMonths(series, k, sales),
      ),
      overdueByBucket: dueBuckets.slice(1).map((b) => at(p, (x) => x[b.index])),
    });
  }

  // Top overdue customers.
  const topIds = [...new Set(today.top.map((r) => r.customerId))];
  const names = topIds.length
    ? await db.selectFrom('customer').select(['id', 'code', 'name']).where('id', 'in', topIds).execute()
    : [];
  const topOverdue = names
    .map((c) => {
      const mine = today.top.filter((r) => r.customerId === c.id);
      return {
        customerId: c.id,
        customerCode: c.code,
        customerName: c.name,
        overdue: converter.sum(mine.map((r) => ({ currency: r.currency, amount: r.overdue }))),
        ar: converter.sum(mine.map((r) => ({ currency: r.currency, amount: r.amount }))),
        oldestDaysPastDue: Math.max(0, ...mine.map((r) => r.maxDays)),
      };
    })
    .sort((a, b) => (b.overdue ?? 0) - (a.overdue ?? 0) || a.customerCode.localeCompare(b.customerCode));

  // Provision by bucket with the booked method, plus specific provisions.
  const specificRows = specifics
    .map((s) => {
      // null where a currency has no rate (listed in missingRates): unknown, never 0.
      const balance = converter.sum(today.specific.get(s.customerId) ?? []);
      return {
        customerId: s.customerId,
        customerCode: s.customerCode,
        customerName: s.customerName,
        rate: s.rate,
        balance,
        provision: provisionOf(balance, fromDecimal(s.rate)),
      };
    })
    .filter((s) => s.balance !== 0);
  let provisionBuckets: {
    label: string;
    balance: number | null;
    rate: string | null;
    provision: number | null;
  }[];
  if (settings.provisionMethod === 'aging') {
    const computed = agingMethodProvision(
      ageBuckets.map((b) => convertBucket(today.ageCollective, b.index)),
      agingRates(settings),
    );
    provisionBuckets = ageBuckets.map((b, k) => ({ label: b.label, ...computed[k] }));
  } else {
    const lossRates = await matrixLossRates(db, actor, {
      asOf,
      entityId: input.entityId,
      settings,
      converter,
    });
    provisionBuckets = dueBuckets.map((b, k) => {
      const balance = convertBucket(today.dueCollective, b.index);
      const rate = lossRates[k];
      return {
        label: b.label,
        balance,
        rate: rate && toDecimal(rate, 4),
        provision: provisionOf(balance, rate),
      };
    });
  }
  const collective = totalOf(provisionBuckets.map((b) => b.provision));
  const specificTotal = totalOf(specificRows.map((r) => r.provision));
  const missing = new Set([...converter.missing].map((m) => `${m}/${ctx.reportCurrency}`));
  for (const c of converters.values()) for (const m of c.missing) missing.add(`${m}/${ctx.reportCurrency}`);
  return {
    asOf,
    reportCurrency: ctx.reportCurrency,
    buckets: dueBuckets,
    /** Where today's figures came from: the trigger-maintained summary, or a scan of the open items. */
    source: today.source,
    totals,
    aging,
    trend,
    topOverdue,
    provision: {
      method: settings.provisionMethod,
      buckets: provisionBuckets,
      specific: specificRows,
      collective,
      specificTotal,
      total: totalOf([collective, specificTotal]),
    },
    missingRates: [...missing],
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
