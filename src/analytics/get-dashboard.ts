// The receivables dashboard: AR and overdue today, aging bars, DSO/CEI and overdue trends over 24 months,
// top overdue customers and the provision by bucket. Today's figures come from one scan of the open
// items; the trends from the month-end summary (or a scan for customer-scoped actors).
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { todayIn } from '../shared/dates';
import { Converter, CURRENCY_MINOR_UNITS, toDecimal } from '../shared/money';
import { makeBuckets } from './buckets';
import { todayFigures } from './dashboard-today';
import { figures, type PerformanceFigures } from './get-performance-report';
import { getProvisionReport, lastMonthEnd } from './get-provision-report';
import { selectRatesOn } from './label-queries';
import { countbackMonths, loadSeries, type SeriesPoint } from './month-series';
import { addMonths, monthEndUpTo, monthOf, monthStart } from './months';
import { openReport } from './report-context';

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
  const [today, series, rates, provisionReport] = await Promise.all([
    todayFigures(db, actor, { asOf, settings, filter, specificIds: [], rankFactors, top: input.top ?? 10 }),
    loadSeries(db, actor, { months, edges: settings.dueBuckets, filter, until: asOf }),
    selectRatesOn(db, [...months.map((m) => monthEndUpTo(m, asOf)), asOf]),
    getProvisionReport(db, actor, {
      asOf: lastMonthEnd(asOf),
      entityId: input.entityId,
      reportCurrency: ctx.reportCurrency,
      timeZone: input.timeZone,
      reuseCohorts: true,
    }),
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

  // The provision booked at the last month-end, exactly as the provisions page shows it on that date.
  const booked = provisionReport.method === 'aging' ? provisionReport.aging : provisionReport.matrix;
  const provision = {
    asOf: provisionReport.asOf,
    method: provisionReport.method,
    buckets: booked.buckets.map((b) => ({
      label: b.label,
      balance: b.balance,
      rate: 'lossRate' in b ? b.lossRate : b.rate,
      provision: b.provision,
    })),
    specific: provisionReport.specific.customers.map((s) => ({
      customerId: s.customerId,
      customerCode: s.customerCode,
      customerName: s.customerName,
      rate: s.rate,
      balance: s.balance,
      provision: s.provision,
    })),
    collective: provisionReport.booked.collective,
    specificTotal: provisionReport.booked.specific,
    total: provisionReport.booked.total,
  };
  const missing = new Set([...converter.missing].map((m) => `${m}/${ctx.reportCurrency}`));
  for (const c of converters.values()) for (const m of c.missing) missing.add(`${m}/${ctx.reportCurrency}`);
  for (const pair of provisionReport.missingRates) missing.add(pair);
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
    provision,
    missingRates: [...missing],
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
