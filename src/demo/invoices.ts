// The demo customer's invoices (应收单) over the history window, each with its planned settlement from the
// customer's behaviour profile, and its open orders. Writes invoice and sales_order rows into the batch.
import type { GenContext } from './context';
import type { CustomerSpec } from './customers';
import { type Rng, rngFor } from './prng';
import { type PlannedSettlement, planInvoice } from './profiles';

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

/** Days before the history window in which invoices are issued (the opening balance). */
export const WARM_UP_DAYS = 90;
/** Share of established customers who stop buying during the window (customers.ts: 15 % join in it). */
const CHURN_SHARE = 0.13;

function endOfMonth(day: number): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000;
}

/** Issue days for `count` invoices in [first, last], sorted, on working days, fewer around 春节. */
function issueDays(rng: Rng, ctx: GenContext, count: number, first: number, last: number): Int32Array {
  const days = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    let day = rng.int(first, last);
    // February (春节) is a short month in Chinese industry: resample some of its invoices.
    if (ctx.iso(day).slice(5, 7) === '02' && rng.chance(0.4)) day = rng.int(first, last);
    const wd = weekday(day);
    if (wd === 0) day = Math.min(day + 1, last);
    else if (wd === 6) day = Math.max(day - 1, first);
    days[i] = day;
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
  // Invoices from a quarter before the window on, so that the window opens on a ledger already in its
  // steady state (an opening balance), not on an empty one whose receivables build up for months.
  let first = Math.max(ctx.startDay - WARM_UP_DAYS, spec.sinceDay);
  // A deadbeat's supply was stopped (停止供货) one to three months after it stopped paying. Some customers
  // stopped buying during the window (churn), as many as joined during it, so sales stay about level.
  const churned = !p.stoppedPayingOn && first < ctx.startDay && rng.chance(CHURN_SHARE);
  const last = p.stoppedPayingOn
    ? Math.min(ctx.asOfDay, dayOf(p.stoppedPayingOn) + rng.int(20, 90))
    : churned
      ? ctx.startDay + rng.int(60, Math.max(61, ctx.asOfDay - ctx.startDay - 365))
      : ctx.asOfDay;
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
