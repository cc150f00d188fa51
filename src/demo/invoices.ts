// The demo customer's invoices (应收单) over the history window, each with its planned settlement from the
// customer's behaviour profile, and its open orders. Writes invoice and sales_order rows into the batch.
import type { GenContext } from './context';
import { type CustomerSpec, WARM_UP_DAYS } from './customers';
import { type Rng, rngFor } from './prng';
import { monthOf, type PlannedSettlement, planInvoice } from './profiles';

export interface InvoiceState {
  id: number;
  number: string;
  issueDay: number;
  dueDay: number;
  amount: number;
  open: number;
  /** Disputed (异议) until this day; null when never disputed. */
  disputedUntil: number | null;
}

export interface SettlementEvent extends PlannedSettlement {
  invoice: InvoiceState;
}

const PRODUCTS_CN = [
  '数控车床配件',
  '精密齿轮箱',
  '液压缸总成',
  '伺服电机支架',
  '滚珠丝杠',
  '模具钢加工件',
  '非标自动化设备',
  '传动轴',
  '轴承座',
];
const PRODUCTS_EN = [
  'CNC spare parts',
  'Precision gearbox',
  'Hydraulic cylinder',
  'Ball screw assembly',
  'Machined parts',
];

const weekday = (day: number) => (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday

function endOfMonth(day: number): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000;
}

/**
 * Sales intensity by calendar month (1–12): level through the year, a dip around 春节 (the factories close
 * for two to three weeks in January or February and restart slowly) and a year-end push in December.
 * Bounded (0.6–1.1) so that receivables swing by a few tenths over the year, not by half.
 */
export const MONTH_SALES: readonly number[] = [0.9, 0.6, 1.05, 1, 1, 1, 1, 1, 1, 1, 1, 1.1];

/** Cumulative sales intensity by day from `from` (working days only), cached per context. */
const intensityCache = new WeakMap<GenContext, { from: number; cumulative: Float64Array }>();

function intensity(ctx: GenContext, from: number): { from: number; cumulative: Float64Array } {
  const cached = intensityCache.get(ctx);
  if (cached && cached.from <= from) return cached;
  const days = ctx.asOfDay - from + 1;
  const cumulative = new Float64Array(days + 1);
  for (let i = 0; i < days; i++) {
    const day = from + i;
    const wd = weekday(day);
    const w = wd === 0 || wd === 6 ? 0 : MONTH_SALES[monthOf(day) - 1];
    cumulative[i + 1] = cumulative[i] + w;
  }
  const made = { from, cumulative };
  intensityCache.set(ctx, made);
  return made;
}

/**
 * Issue days for `count` invoices in [first, last], sorted, on working days, following the seasonal sales
 * intensity. A customer orders about regularly (one invoice in each of `count` equal slices of its sales
 * over the period, at a random point of the slice), so that summed over customers the monthly sales are
 * level but for the season, not bunched by chance where a big account happened to draw many days.
 */
function issueDays(rng: Rng, ctx: GenContext, count: number, first: number, last: number): Int32Array {
  const days = new Int32Array(count);
  const { from, cumulative } = intensity(ctx, Math.min(first, ctx.startDay - WARM_UP_DAYS));
  const lo = cumulative[first - from];
  const span = cumulative[last - from + 1] - lo;
  for (let i = 0; i < count; i++) {
    const target = lo + ((i + rng.next()) / count) * span;
    // The first day whose cumulative intensity reaches the target (a working day).
    let a = first - from;
    let b = last - from;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (cumulative[mid + 1] < target) a = mid + 1;
      else b = mid;
    }
    days[i] = from + a;
  }
  return days.sort();
}

export function generateInvoices(
  ctx: GenContext,
  spec: CustomerSpec,
  index: number,
  count: number,
): { invoices: InvoiceState[]; events: SettlementEvent[] } {
  const rng = rngFor(ctx.options.seed, index, 2);
  const p = spec.profile;
  const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
  // Invoices from half a year before the window on, so that the window opens on a ledger already in its
  // steady state (an opening balance), not on an empty one whose receivables build up for months.
  const last = spec.lastDay;
  let first = Math.max(ctx.startDay - WARM_UP_DAYS, spec.sinceDay);
  if (first > last - 30) first = last - 30;
  const days = issueDays(rng, ctx, count, first, last);
  const entity = spec.entity;
  const invoices: InvoiceState[] = [];
  const events: SettlementEvent[] = [];
  for (let i = 0; i < count; i++) {
    const issueDay = days[i];
    const dueDay = (spec.monthEndTerms ? endOfMonth(issueDay) : issueDay) + spec.termsDays;
    let amount = Math.max(10_000, Math.round(spec.medianAmount * Math.exp(rng.normal() * 0.7)));
    if (rng.chance(0.7)) amount = Math.round(amount / 100) * 100; // whole yuan / dollars
    const iso = ctx.iso(issueDay);
    const yymm = iso.slice(2, 4) + iso.slice(5, 7);
    const number = `${entity.code}-${yymm}-${String(ctx.nextNumber(`${entity.code}:inv`)).padStart(7, '0')}`;
    const plan = planInvoice(rng, p, { issueDay, dueDay, amount }, dayOf);
    const invoice: InvoiceState = {
      id: ctx.nextId('invoice'),
      number,
      issueDay,
      dueDay,
      amount,
      open: amount,
      disputedUntil: plan.disputeResolvedDay,
    };
    invoices.push(invoice);
    for (const settlement of plan.settlements) {
      const day = Math.max(settlement.day, issueDay);
      if (day <= ctx.asOfDay && settlement.amount > 0) events.push({ ...settlement, day, invoice });
    }
    const orderNumber = rng.chance(0.6)
      ? `SO${yymm}${String(ctx.nextNumber(`${entity.code}:so`)).padStart(6, '0')}`
      : null;
    const stillDisputed = invoice.disputedUntil !== null && invoice.disputedUntil > ctx.asOfDay;
    const stamp = ctx.stamp(issueDay, 10);
    ctx.push('invoice', [
      invoice.id,
      entity.id,
      spec.id,
      number,
      iso,
      ctx.iso(dueDay),
      spec.currency,
      amount,
      orderNumber,
      rng.pick(spec.domestic ? PRODUCTS_CN : PRODUCTS_EN),
      stillDisputed,
      stamp,
      stamp,
    ]);
  }
  ctx.invoicesWritten += count;
  writeOrders(ctx, rng, spec);
  return { invoices, events };
}

/** Open orders and shipped-not-invoiced goods, which count toward credit exposure. */
function writeOrders(ctx: GenContext, rng: Rng, spec: CustomerSpec): void {
  const kinds: Array<'open' | 'shipped'> = [];
  if (rng.chance(0.45)) kinds.push('open');
  if (rng.chance(0.25)) kinds.push('shipped');
  for (const status of kinds) {
    const day = ctx.asOfDay - rng.int(status === 'open' ? 0 : 1, status === 'open' ? 20 : 10);
    const amount = Math.round((spec.medianAmount * rng.int(100, 300)) / 100);
    const stamp = ctx.stamp(day, 11);
    ctx.push('sales_order', [
      ctx.nextId('sales_order'),
      spec.entity.id,
      spec.id,
      `SO-${spec.entity.code}-${String(ctx.nextNumber(`${spec.entity.code}:order`)).padStart(7, '0')}`,
      ctx.iso(day),
      spec.currency,
      amount,
      status === 'open' ? amount : 0,
      status === 'shipped' ? amount : 0,
      status,
      stamp,
      stamp,
    ]);
  }
}
