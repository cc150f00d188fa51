// The demo customer's cash side: payments (回款) grouped into the customer's payment runs, credit notes
// (红字发票), allocations (核销) by remittance or FIFO, bounced payments (退票) and bad-debt write-offs
// (坏账核销). Allocations never exceed an invoice's open amount or a payment's amount, as in the ledger.
import type { GenContext } from './context';
import { textArray } from './context';
import type { CustomerSpec } from './customers';
import type { InvoiceState, SettlementEvent } from './invoices';
import { type Rng, rngFor } from './prng';

interface CashDoc {
  day: number;
  kind: 'credit' | 'pay';
  events: SettlementEvent[];
  /** A re-payment after a bounce: never bounces again. */
  retry?: boolean;
}

type Allocation = { invoice: InvoiceState; amount: number; method: 'reference' | 'fifo' };

const weekday = (day: number) => (day + 4) % 7;

/** The customer pays on fixed days: weekly on Friday, on the 10th and 25th, on the 5th and 20th, or any day. */
function paymentRun(rng: Rng): (day: number) => number {
  const style = rng.int(0, 3);
  if (style === 0) return (day) => day + ((5 - weekday(day) + 7) % 7);
  const monthDays = style === 1 ? [10, 25] : style === 2 ? [5, 20] : null;
  if (!monthDays) return (day) => (weekday(day) === 0 ? day + 1 : weekday(day) === 6 ? day + 2 : day);
  return (day) => {
    const d = new Date(day * 86_400_000);
    const dom = d.getUTCDate();
    const target = monthDays.find((m) => m >= dom);
    return target !== undefined
      ? day + (target - dom)
      : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, monthDays[0]) / 86_400_000;
  };
}

/** The customer's last payment run on or before `day` (runs are at most a month apart); null if none. */
function runOnOrBefore(snap: (day: number) => number, day: number): number | null {
  for (let d = day; d > day - 31; d--) if (snap(d) === d) return d;
  return null;
}

export function generateCash(
  ctx: GenContext,
  spec: CustomerSpec,
  index: number,
  invoices: InvoiceState[],
  events: SettlementEvent[],
): void {
  const rng = rngFor(ctx.options.seed, index, 3);
  const p = spec.profile;
  const snap = paymentRun(rng);
  const byDay = new Map<number, SettlementEvent[]>();
  const docs: CashDoc[] = [];
  for (const event of events) {
    if (event.kind === 'credit') {
      docs.push({ day: event.day, kind: 'credit', events: [event] });
      continue;
    }
    // A payment meant for the due date or before goes out in the last payment run before it (or on it):
    // a customer paying on time does not let its runs make it late. A late one waits for the next run.
    const before = event.day <= event.invoice.dueDay ? runOnOrBefore(snap, event.day) : null;
    const day = before !== null && before >= event.invoice.issueDay ? before : snap(event.day);
    if (day > ctx.asOfDay) continue; // falls in a future payment run: still open today
    const list = byDay.get(day);
    if (list) list.push(event);
    else byDay.set(day, [event]);
  }
  for (const [day, list] of byDay) docs.push({ day, kind: 'pay', events: list });
  docs.sort((a, b) => a.day - b.day || (a.kind === b.kind ? 0 : a.kind === 'credit' ? -1 : 1));

  let firstOpen = 0;
  /** FIFO over open invoices issued by `day` and not in dispute on it (oldest due first). */
  const fifo = (day: number, amount: number, out: Allocation[]): number => {
    while (firstOpen < invoices.length && invoices[firstOpen].open === 0) firstOpen++;
    for (let i = firstOpen; i < invoices.length && amount > 0; i++) {
      const inv = invoices[i];
      if (inv.issueDay > day) break;
      if (inv.open === 0 || (inv.disputedUntil !== null && inv.disputedUntil > day)) continue;
      const a = Math.min(inv.open, amount);
      inv.open -= a;
      amount -= a;
      out.push({ invoice: inv, amount: a, method: 'fifo' });
    }
    return amount;
  };

  /** What the customer owes on invoices issued by `day` and not in dispute on it. */
  const openBy = (day: number): number => {
    let total = 0;
    for (let i = firstOpen; i < invoices.length; i++) {
      const inv = invoices[i];
      if (inv.issueDay > day) break;
      if (inv.disputedUntil === null || inv.disputedUntil <= day) total += inv.open;
    }
    return total;
  };

  // A bounced payment re-opens its invoices on the bounce day, not when it was received: until then they
  // look paid, so no payment, credit note or write-off dated before the bounce may take that money again
  // (it would allocate the invoice twice on those days — the ledger's earliestEffectiveOn rule).
  const reopenings: { day: number; allocations: Allocation[] }[] = [];
  const lastReopened = new Map<InvoiceState, number>();
  const reopenUpTo = (day: number) => {
    for (let k = 0; k < reopenings.length; ) {
      const r = reopenings[k];
      if (r.day > day) {
        k++;
        continue;
      }
      for (const a of r.allocations) {
        a.invoice.open += a.amount;
        lastReopened.set(a.invoice, Math.max(lastReopened.get(a.invoice) ?? r.day, r.day));
      }
      reopenings.splice(k, 1);
      firstOpen = 0;
    }
  };

  let shortfall = 0;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    reopenUpTo(doc.day);
    if (doc.kind === 'credit') {
      writeCreditNote(ctx, spec, doc.events[0]);
      continue;
    }
    // A lump-sum payer that rounded a transfer down pays the shortfall with its next one (it pays what its
    // statement says it owes), so the remainders do not pile up into a debt that ages forever.
    // A lump-sum payer pays the money it planned for these invoices even where FIFO already applied an
    // earlier payment to some of them (that payment then went to an older invoice whose own payment is
    // yet to come): otherwise the money diverted to it is never paid and its debt ages forever.
    const due =
      p.paymentMode === 'fifo'
        ? Math.min(
            doc.events.reduce((sum, e) => sum + e.amount, 0),
            openBy(doc.day),
          )
        : doc.events.reduce((sum, e) => sum + Math.min(e.amount, e.invoice.open), 0);
    if (due === 0) continue;
    const planned = Math.min(due + shortfall, openBy(doc.day));
    const bill = spec.domestic && rng.chance(p.acceptanceBillShare);
    let amount = planned;
    // 承兑汇票 come in round amounts; lump-sum payers round their transfers too.
    if (bill && planned >= 5_000_000) amount = Math.ceil(planned / 1_000_000) * 1_000_000;
    else if (p.paymentMode === 'fifo' && planned >= 1_000_000 && rng.chance(0.3))
      amount = Math.floor(planned / 100_000) * 100_000;
    shortfall = p.paymentMode === 'fifo' ? Math.max(0, planned - amount) : 0;
    const allocations: Allocation[] = [];
    let rest = amount;
    if (p.paymentMode === 'reference') {
      for (const e of doc.events) {
        const a = Math.min(e.amount, e.invoice.open, rest);
        if (a <= 0) continue;
        e.invoice.open -= a;
        rest -= a;
        allocations.push({ invoice: e.invoice, amount: a, method: 'reference' });
      }
    }
    rest = fifo(doc.day, rest, allocations); // what remains stays unapplied (未核销)
    const bounceDay = doc.day + rng.int(3, 20);
    const bounced = !doc.retry && rng.chance(p.bounceRate) && bounceDay <= ctx.asOfDay;
    if (bounced) {
      reopenings.push({ day: bounceDay, allocations });
      const never = (p.profile === 'deadbeat' || p.profile === 'deteriorating') && rng.chance(0.5);
      const again = bounceDay + rng.int(5, 30);
      if (!never && again <= ctx.asOfDay) insertDoc(docs, d + 1, { ...doc, day: again, retry: true });
    }
    const remittance = p.paymentMode === 'reference' ? doc.events.map((e) => e.invoice.number) : [];
    writePayment(ctx, spec, doc.day, amount, bill, remittance, allocations, bounced ? bounceDay : null);
  }
  reopenUpTo(Number.POSITIVE_INFINITY);
  if (p.profile === 'deadbeat' || p.profile === 'deteriorating') writeOffs(ctx, rng, invoices, lastReopened);
}

function insertDoc(docs: CashDoc[], from: number, doc: CashDoc): void {
  let i = from;
  while (i < docs.length && docs[i].day <= doc.day) i++;
  docs.splice(i, 0, doc);
}

function writeCreditNote(ctx: GenContext, spec: CustomerSpec, event: SettlementEvent): void {
  const id = ctx.nextId('credit_note');
  const number = `${spec.entity.code}-CR-${String(ctx.nextNumber(`${spec.entity.code}:cr`)).padStart(6, '0')}`;
  const stamp = ctx.stamp(event.day, 11);
  ctx.push('credit_note', [
    id,
    spec.entity.id,
    spec.id,
    number,
    ctx.iso(event.day),
    spec.currency,
    event.amount,
    event.invoice.number,
    event.reason ?? null,
    stamp,
    stamp,
  ]);
  // 红字发票 names its invoice; what the invoice no longer owes stays unapplied on the customer.
  const a = Math.min(event.amount, event.invoice.open);
  if (a > 0) {
    event.invoice.open -= a;
    ctx.push('allocation', [
      ctx.nextId('allocation'),
      event.invoice.id,
      null,
      id,
      null,
      a,
      ctx.iso(event.day),
      null,
      'reference',
      stamp,
    ]);
  }
}

function writePayment(
  ctx: GenContext,
  spec: CustomerSpec,
  day: number,
  amount: number,
  bill: boolean,
  remittance: string[],
  allocations: Allocation[],
  reversedDay: number | null,
): void {
  const id = ctx.nextId('payment');
  const seq = String(ctx.nextNumber(`${spec.entity.code}:pay`)).padStart(7, '0');
  const iso = ctx.iso(day);
  const reference = bill ? `CD${iso.replace(/-/g, '')}${seq}` : `BK${iso.replace(/-/g, '')}${seq}`;
  const stamp = ctx.stamp(day, 14);
  const reversedOn = reversedDay === null ? null : ctx.iso(reversedDay);
  ctx.push('payment', [
    id,
    spec.entity.id,
    spec.id,
    reference,
    iso,
    spec.currency,
    amount,
    bill ? 'acceptance_bill' : 'bank_transfer',
    textArray(remittance),
    bill ? '银行承兑汇票背书转让' : null,
    reversedOn,
    reversedOn === null ? null : bill ? '承兑汇票到期拒付' : '银行退票',
    stamp,
    stamp,
  ]);
  for (const a of allocations) {
    ctx.push('allocation', [
      ctx.nextId('allocation'),
      a.invoice.id,
      id,
      null,
      null,
      a.amount,
      iso,
      reversedOn,
      a.method,
      stamp,
    ]);
  }
}

/** Old debts of customers that stopped paying: most written off after approval (经审批核销) within a year or so. */
function writeOffs(
  ctx: GenContext,
  rng: Rng,
  invoices: InvoiceState[],
  lastReopened: ReadonlyMap<InvoiceState, number>,
): void {
  for (const inv of invoices) {
    if (inv.open === 0 || ctx.asOfDay - inv.dueDay < 150 || !rng.chance(0.8)) continue;
    const day = Math.max(
      Math.min(ctx.asOfDay, inv.dueDay + rng.int(120, 200)),
      lastReopened.get(inv) ?? Number.NEGATIVE_INFINITY,
    );
    const id = ctx.nextId('write_off');
    const stamp = ctx.stamp(day, 16);
    ctx.push('write_off', [id, inv.id, inv.open, ctx.iso(day), '债务人失联，经审批核销坏账', null, stamp]);
    ctx.push('allocation', [
      ctx.nextId('allocation'),
      inv.id,
      null,
      null,
      id,
      inv.open,
      ctx.iso(day),
      null,
      'write_off',
      stamp,
    ]);
    inv.open = 0;
  }
}
