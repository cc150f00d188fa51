// DSO (standard, countback), best possible DSO, ADD and CEI per month and for a period; payment behaviour
// per customer (amount-weighted days to pay and days late, share settled late).
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { invalid, msg } from '../platform/errors';
import { addDays, daysBetween, todayIn } from '../shared/dates';
import { add, Converter, type CurrencyAmount, type Fraction, fraction, mul } from '../shared/money';
import { type CeiSummary, summariseCei } from './cei-summary';
import { selectRatesOn } from './label-queries';
import { countbackMonths, loadSeries, type SeriesPoint, scanOneDate } from './month-series';
import { addMonths, monthEndUpTo, monthOf, monthStart, monthsBetween } from './months';
import {
  averageDaysDelinquent,
  bestPossibleDso,
  type CeiNote,
  ceiFigure,
  countbackDso,
  type MonthSales,
  roundFigure,
  standardDso,
} from './performance';
import { selectPaymentBehaviour, selectSalesBetween } from './performance-queries';
import { checkDate, openReport } from './report-context';
import type { ReportFilter } from './scope-sql';

export interface PerformanceInput extends ReportFilter {
  from?: string;
  to?: string;
  reportCurrency?: string;
  timeZone?: string;
  /** Leave out the per-customer payment behaviour (the dashboard's trend does not need it). */
  withoutCustomers?: boolean;
}

export interface PerformanceFigures {
  from: string;
  to: string;
  days: number;
  openingAr: number | null;
  closingAr: number | null;
  closingCurrentAr: number | null;
  closingOverdueAr: number | null;
  creditSales: number | null;
  dso: number | null;
  countbackDso: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  cei: number | null;
  /** Why the CEI figure says nothing about collections (see ceiFigure), or null. */
  ceiNote: CeiNote;
}

export interface CustomerBehaviour {
  customerId: number;
  customerCode: string;
  customerName: string;
  paidAmount: number | null;
  avgDaysToPay: number | null;
  avgDaysLate: number | null;
  settledCount: number;
  settledLateCount: number;
  paidLateShare: number | null;
}

export interface PerformanceReport {
  reportCurrency: string;
  period: PerformanceFigures;
  months: (PerformanceFigures & { month: string })[];
  ceiSummary: CeiSummary;
  customers: CustomerBehaviour[];
  missingRates: string[];
}

export function figures(
  p: {
    from: string;
    to: string;
    opening: number | null;
    total: number | null;
    current: number | null;
    sales: number | null;
  },
  months: number,
  countback: readonly MonthSales[],
): PerformanceFigures {
  const days = daysBetween(p.from, p.to) + 1;
  const ok = p.total !== null && p.sales !== null;
  const dso = ok ? standardDso(p.total!, p.sales!, days) : null;
  const best = p.current !== null && p.sales !== null ? bestPossibleDso(p.current, p.sales, days) : null;
  const cei =
    p.opening !== null && ok && p.current !== null
      ? ceiFigure(p.opening, p.sales!, months, p.total!, p.current)
      : null;
  return {
    from: p.from,
    to: p.to,
    days,
    openingAr: p.opening,
    closingAr: p.total,
    closingCurrentAr: p.current,
    closingOverdueAr: p.total !== null && p.current !== null ? p.total - p.current : null,
    creditSales: p.sales,
    dso,
    countbackDso: p.total !== null ? countbackDso(p.total, countback) : null,
    bestPossibleDso: best,
    // From the unrounded DSO and best possible DSO, not from the rounded figures above.
    averageDaysDelinquent:
      ok && p.current !== null ? averageDaysDelinquent(p.total!, p.current, p.sales!, days) : null,
    cei: cei?.value ?? null,
    ceiNote: cei?.note ?? null,
  };
}

export async function getPerformanceReport(
  db: Db,
  actor: Actor,
  input: PerformanceInput,
): Promise<PerformanceReport> {
  const today = todayIn(input.timeZone);
  const to = checkDate(input.to ?? today, 'to');
  if (to > today) {
    // AR after today is not known yet: refused rather than quietly moved to today.
    throw invalid(msg('toAfterToday', { to, today }), [
      { field: 'to', value: to, reason: `after today (${today})`, code: 'afterToday', params: { today } },
    ]);
  }
  const from = checkDate(input.from ?? monthStart(addMonths(monthOf(to), -11)), 'from');
  if (from > to) throw invalid(msg('fromAfterTo'), [{ field: 'from', value: from, reason: 'after to' }]);
  const ctx = await openReport(db, actor, {
    date: to,
    entityId: input.entityId,
    reportCurrency: input.reportCurrency,
  });
  const converters = new Map<string, Converter>();
  const conv = (date: string) => {
    let c = converters.get(date);
    if (!c) {
      c = new Converter(ctx.reportCurrency, date, rates);
      converters.set(date, c);
    }
    return c;
  };
  const filter: ReportFilter = {
    entityId: input.entityId,
    customerId: input.customerId,
    currency: input.currency,
  };
  const edges = ctx.settings.dueBuckets;
  const months = monthsBetween(from, to);
  // 12 months before the period as well: the first month's opening AR and countback's walk back. The
  // series ends on `to`: the last month's row, and the countback's last (partial) month, stop there.
  const all = [
    ...monthsBetween(monthStart(addMonths(months[0], -12)), addDays(monthStart(months[0]), -1)),
    ...months,
  ];
  const dates = [...all.map((m) => monthEndUpTo(m, to)), to, addDays(from, -1)];
  const [series, rates] = await Promise.all([
    loadSeries(db, actor, { months: all, edges, filter, until: to }),
    selectRatesOn(db, dates),
  ]);
  const total = (p: SeriesPoint, pick: (b: number[]) => number) =>
    conv(p.asOf).sum(p.byCurrency.map((c) => ({ currency: c.currency, amount: pick(c.buckets) })));
  const sum = (b: number[]) => b.reduce((s, x) => s + x, 0);
  const sales = (p: SeriesPoint) =>
    conv(p.asOf).sum(p.byCurrency.map((c) => ({ currency: c.currency, amount: c.sales })));
  const walkBack = (index: number) => countbackMonths(series, index, sales);
  const offset = all.length - months.length;
  const monthRows = months.map((month, k) => {
    const p = series[offset + k];
    const prev = series[offset + k - 1];
    return {
      month,
      ...figures(
        {
          from: monthStart(month),
          to: p.asOf,
          opening: total(prev, sum),
          total: total(p, sum),
          current: total(p, (b) => b[0]),
          sales: sales(p),
        },
        1,
        walkBack(offset + k),
      ),
    };
  });

  const [openingCells, closingCells, periodSales] = await Promise.all([
    scanOneDate(db, actor, addDays(from, -1), edges, filter),
    scanOneDate(db, actor, to, edges, filter),
    selectSalesBetween(db, actor, from, to, filter),
  ]);
  const arOf = (cells: typeof openingCells, date: string, onlyCurrent: boolean): number | null =>
    conv(date).sum(
      cells
        .filter((c) => c.bucket >= 0 && (!onlyCurrent || c.bucket === 0))
        .map((c): CurrencyAmount => ({ currency: c.currency, amount: c.amount })),
    );
  const lastCountback = walkBack(series.length - 1);
  const period = figures(
    {
      from,
      to,
      opening: arOf(openingCells, addDays(from, -1), false),
      total: arOf(closingCells, to, false),
      current: arOf(closingCells, to, true),
      sales: conv(to).sum(periodSales),
    },
    months.length,
    lastCountback,
  );

  const customers: CustomerBehaviour[] = [];
  if (!input.withoutCustomers) {
    const rows = await selectPaymentBehaviour(db, actor, from, to, filter);
    const byCustomer = new Map<number, typeof rows>();
    for (const row of rows) byCustomer.set(row.customerId, [...(byCustomer.get(row.customerId) ?? []), row]);
    for (const list of byCustomer.values()) {
      // Weights in the reporting currency (exact factors), so that a customer paying in two currencies
      // averages fairly.
      const factors = list.map((r) => conv(to).factor(r.currency));
      const known = factors.every((f) => f !== null);
      const weighted = (pick: (r: (typeof list)[number]) => number) =>
        list.reduce((s, r, k) => add(s, mul(fraction(pick(r)), factors[k] as Fraction)), fraction(0n));
      const paid = known ? weighted((r) => r.paidAmount) : null;
      const average = (pick: (r: (typeof list)[number]) => number) =>
        paid && paid.n > 0n ? roundFigure(mul(weighted(pick), fraction(paid.d, paid.n))) : null;
      const settled = list.reduce((s, r) => s + r.settledCount, 0);
      const late = list.reduce((s, r) => s + r.settledLateCount, 0);
      customers.push({
        customerId: list[0].customerId,
        customerCode: list[0].customerCode,
        customerName: list[0].customerName,
        paidAmount: conv(to).sum(list.map((r) => ({ currency: r.currency, amount: r.paidAmount }))),
        avgDaysToPay: average((r) => r.amountDaysToPay),
        avgDaysLate: average((r) => r.amountDaysLate),
        settledCount: settled,
        settledLateCount: late,
        paidLateShare: settled > 0 ? roundFigure(fraction(late * 100, settled)) : null,
      });
    }
    customers.sort(
      (a, b) => (b.avgDaysLate ?? -1) - (a.avgDaysLate ?? -1) || a.customerCode.localeCompare(b.customerCode),
    );
  }
  const missing = new Set<string>();
  for (const c of converters.values()) for (const m of c.missing) missing.add(`${m}/${ctx.reportCurrency}`);
  return {
    reportCurrency: ctx.reportCurrency,
    period,
    months: monthRows,
    ceiSummary: summariseCei(period, monthRows),
    customers,
    missingRates: [...missing],
  };
}
