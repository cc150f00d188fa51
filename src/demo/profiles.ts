// Payment-behaviour profiles of the demo's customers (stored in customer.attributes.demoProfile) and the
// pure rule that turns a profile into the planned settlement of one invoice. Dates are UTC day numbers.
import type { Rng } from './prng';

export type ProfileName = 'prompt' | 'slow' | 'seasonal' | 'disputing' | 'deteriorating' | 'deadbeat';

export const PROFILE_WEIGHTS: ReadonlyArray<readonly [ProfileName, number]> = [
  // A real company's ledger (issue 11): overdue 15–30 % of receivables, most customers paying about on
  // time, some slow, a few in dispute or in difficulty, a couple of bad debts.
  ['prompt', 48],
  ['slow', 19],
  ['seasonal', 11],
  ['disputing', 9],
  ['deteriorating', 9],
  ['deadbeat', 4],
];

/** The big accounts: on time or a little late by habit, some holding cash over 春节, some quarrelling. */
export const KEY_ACCOUNT_WEIGHTS: ReadonlyArray<readonly [ProfileName, number]> = [
  ['prompt', 60],
  ['slow', 25],
  ['seasonal', 10],
  ['disputing', 5],
];

export interface DemoProfile {
  profile: ProfileName;
  /** Usual days paid after the due date (negative = early). */
  lateDays: [number, number];
  /** 'reference': remittance names the invoices; 'fifo': lump sums applied oldest first. */
  paymentMode: 'reference' | 'fifo';
  /** Share of payments made with 承兑汇票 (bank acceptance bills), in round amounts. */
  acceptanceBillShare: number;
  /** Share of payments that bounce (退票) and are paid again later. */
  bounceRate: number;
  /** Share of invoices disputed (异议). */
  disputeRate: number;
  /** seasonal: months (1–12) in which the customer holds cash (春节, year end) and pays in catchUpMonth. */
  tightMonths?: number[];
  catchUpMonth?: number;
  /** deteriorating: ISO date from which lateness grows; partialShare of invoices then paid in part. */
  deterioratingFrom?: string;
  partialShare?: number;
  /** deadbeat: ISO date after which the customer pays (almost) nothing. */
  stoppedPayingOn?: string;
}

/** A planned settlement: a payment (or credit note) of `amount` on day `day` for one invoice. */
export interface PlannedSettlement {
  day: number;
  amount: number;
  kind: 'pay' | 'credit';
  reason?: string;
}

export interface InvoicePlan {
  /** Day the dispute (异议) was settled; null when never disputed. Still disputed if after the as-of date. */
  disputeResolvedDay: number | null;
  settlements: PlannedSettlement[];
}

export function chooseProfile(
  rng: Rng,
  name: ProfileName,
  asOfDay: number,
  isoOf: (day: number) => string,
  /** deadbeat: the day it stopped paying, when already decided (drawn here otherwise). */
  stoppedPayingDay: number | null = null,
): DemoProfile {
  const bill = (max: number) => Math.round(rng.next() * max * 100) / 100;
  const base = {
    profile: name,
    paymentMode: rng.chance(0.55) ? 'reference' : 'fifo',
    acceptanceBillShare: bill(0.4),
    bounceRate: 0.01,
    disputeRate: 0.01,
  } as const;
  switch (name) {
    case 'prompt':
      return { ...base, lateDays: [-7, rng.int(0, 3)] };
    case 'slow':
      return { ...base, lateDays: [rng.int(5, 12), rng.int(25, 40)], bounceRate: 0.02 };
    case 'seasonal':
      return {
        ...base,
        lateDays: [0, rng.int(10, 20)],
        tightMonths: rng.chance(0.4) ? [1, 2] : [2], // around 春节
        catchUpMonth: 3,
      };
    case 'disputing':
      return { ...base, lateDays: [rng.int(2, 5), rng.int(10, 20)], disputeRate: 0.08 + bill(0.1) };
    case 'deteriorating':
      return {
        ...base,
        lateDays: [-2, rng.int(4, 10)],
        bounceRate: 0.04,
        deterioratingFrom: isoOf(asOfDay - rng.int(120, 270)),
        partialShare: 0.3 + bill(0.3),
      };
    case 'deadbeat':
      return {
        ...base,
        lateDays: [rng.int(10, 20), rng.int(30, 50)],
        bounceRate: 0.06,
        stoppedPayingOn: isoOf(stoppedPayingDay ?? asOfDay - rng.int(120, 600)),
      };
  }
}

/** Month (1–12) of a UTC day number. */
export function monthOf(day: number): number {
  return new Date(day * 86_400_000).getUTCMonth() + 1;
}

/** Day number of the `dayOfMonth` of the first `month` on or after `day`. */
function nextMonthDay(day: number, month: number, dayOfMonth: number): number {
  const d = new Date(day * 86_400_000);
  let year = d.getUTCFullYear();
  if (d.getUTCMonth() + 1 > month) year += 1;
  return Date.UTC(year, month - 1, dayOfMonth) / 86_400_000;
}

/**
 * The planned settlement of one invoice under a profile, ignoring the as-of date (the caller drops what
 * falls after it, which leaves those invoices open). `dayOf` converts ISO dates of the profile.
 */
export function planInvoice(
  rng: Rng,
  p: DemoProfile,
  inv: { issueDay: number; dueDay: number; amount: number },
  dayOf: (iso: string) => number,
): InvoicePlan {
  const [minLate, maxLate] = p.lateDays;
  let late = rng.int(minLate, maxLate);
  const pay = (day: number, amount: number): PlannedSettlement => ({ day, amount, kind: 'pay' });
  // Disputes (异议): resolved after 1–4 months by paying in full, a partial credit note, or a full one.
  if (rng.chance(p.disputeRate)) {
    const resolved = inv.dueDay + rng.int(30, 120);
    const outcome = rng.next();
    if (outcome < 0.45)
      return { disputeResolvedDay: resolved, settlements: [pay(resolved + rng.int(0, 10), inv.amount)] };
    if (outcome < 0.85) {
      const credit = Math.max(1, Math.round((inv.amount * rng.int(5, 35)) / 100));
      return {
        disputeResolvedDay: resolved,
        settlements: [
          { day: resolved, amount: credit, kind: 'credit', reason: '质量异议折让' },
          pay(resolved + rng.int(3, 20), inv.amount - credit),
        ],
      };
    }
    return {
      disputeResolvedDay: resolved,
      settlements: [{ day: resolved, amount: inv.amount, kind: 'credit', reason: '退货冲红' }],
    };
  }
  const settlements: PlannedSettlement[] = [];
  // Small returns and price corrections (退货/折让) for everyone.
  let remaining = inv.amount;
  if (rng.chance(0.015)) {
    const credit = Math.max(1, Math.round((inv.amount * rng.int(3, 20)) / 100));
    settlements.push({ day: inv.issueDay + rng.int(7, 30), amount: credit, kind: 'credit', reason: '退货' });
    remaining -= credit;
  }
  if (p.profile === 'prompt' && rng.chance(0.08)) late = rng.int(10, 25);
  if (p.profile === 'seasonal' && p.tightMonths && p.catchUpMonth) {
    const day = inv.dueDay + late;
    if (p.tightMonths.includes(monthOf(day)))
      late = nextMonthDay(day, p.catchUpMonth, rng.int(1, 15)) - inv.dueDay;
  }
  if (p.profile === 'deteriorating' && p.deterioratingFrom) {
    const months = (inv.dueDay - dayOf(p.deterioratingFrom)) / 30;
    if (months > 0) {
      late += Math.min(60, Math.round(months * rng.int(3, 8))); // worse by the month, up to two more
      if (rng.chance(p.partialShare ?? 0)) {
        const part = Math.round((remaining * rng.int(30, 70)) / 100);
        settlements.push(pay(inv.dueDay + late, part));
        settlements.push(pay(inv.dueDay + late + rng.int(20, 60), remaining - part));
        return { disputeResolvedDay: null, settlements };
      }
    }
  }
  if (p.profile === 'deadbeat' && p.stoppedPayingOn) {
    const stop = dayOf(p.stoppedPayingOn);
    if (inv.dueDay + late >= stop) {
      // After the stop only token part-payments (to keep the supplier quiet), often none at all.
      if (rng.chance(0.15))
        settlements.push(pay(stop + rng.int(10, 200), Math.round((remaining * rng.int(5, 20)) / 100)));
      return { disputeResolvedDay: null, settlements };
    }
  }
  settlements.push(pay(inv.dueDay + late, remaining));
  return { disputeResolvedDay: null, settlements };
}
