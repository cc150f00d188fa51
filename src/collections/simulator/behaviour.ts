// How simulated customers pay (pure). Each invoice gets a "natural" payment day from the customer's
// behaviour — the demo's profile in customer.attributes.demoProfile, or one fitted from the ledger's
// history — as if nobody chased it. Every touch of the strategy (message, call, visit, escalation, stop of
// supply) pulls the remaining delay in by the customer's responsiveness × the touch's weight. Random draws
// are keyed by (seed, invoice or customer, day), so every strategy faces the very same customers (common
// random numbers): differences in the results come from the strategies, not from luck.

/** Deterministic uniform [0, 1) from integer keys (splitmix-style mixing). */
export function draw(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) {
    h = Math.imul(h ^ (key | 0), 0x85ebca6b);
    h = Math.imul(h ^ Math.floor(key / 0x100000000), 0xc2b2ae35);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 0x100000000;
}

export interface Behaviour {
  profile: string;
  /** Natural days paid after the due date: uniform between the two. */
  lateDays: [number, number];
  /** Share of invoices never paid without pressure. */
  neverPays: number;
  /** 0..1: how much a touch pulls in the remaining delay. */
  responsiveness: number;
  /** Chance that a call obtains a promise, and that a promise is kept. */
  promiseRate: number;
  keepRate: number;
}

const PROFILE_TRAITS: Record<string, Omit<Behaviour, 'profile' | 'lateDays'>> = {
  prompt: { neverPays: 0, responsiveness: 0.5, promiseRate: 0.7, keepRate: 0.9 },
  slow: { neverPays: 0.02, responsiveness: 0.3, promiseRate: 0.6, keepRate: 0.6 },
  seasonal: { neverPays: 0.01, responsiveness: 0.3, promiseRate: 0.5, keepRate: 0.7 },
  disputing: { neverPays: 0.05, responsiveness: 0.2, promiseRate: 0.4, keepRate: 0.5 },
  deteriorating: { neverPays: 0.1, responsiveness: 0.2, promiseRate: 0.5, keepRate: 0.4 },
  deadbeat: { neverPays: 0.7, responsiveness: 0.08, promiseRate: 0.3, keepRate: 0.15 },
  fitted: { neverPays: 0.02, responsiveness: 0.3, promiseRate: 0.5, keepRate: 0.6 },
};

/** Behaviour from the demo profile (attributes.demoProfile), else from history, else an average payer. */
export function behaviourOf(
  attributes: Record<string, unknown>,
  history: { p25: number; p75: number; unpaidShare: number } | null,
): Behaviour {
  const demo = attributes.demoProfile as { profile?: string; lateDays?: [number, number] } | undefined;
  if (demo?.profile && PROFILE_TRAITS[demo.profile]) {
    const lateDays =
      Array.isArray(demo.lateDays) && demo.lateDays.length === 2
        ? demo.lateDays
        : ([0, 15] as [number, number]);
    return {
      profile: demo.profile,
      lateDays: [lateDays[0], Math.max(lateDays[0], lateDays[1])],
      ...PROFILE_TRAITS[demo.profile],
    };
  }
  if (history) {
    return {
      profile: 'fitted',
      lateDays: [Math.round(history.p25), Math.round(Math.max(history.p25, history.p75))],
      ...PROFILE_TRAITS.fitted,
      neverPays: Math.min(0.8, Math.max(0, history.unpaidShare)),
    };
  }
  return { profile: 'fitted', lateDays: [0, 20], ...PROFILE_TRAITS.fitted };
}

/** Day number (UTC days) on which an invoice would be paid if nobody chased it; Infinity: never. */
export function naturalPayDay(b: Behaviour, seed: number, invoiceId: number, dueDay: number): number {
  if (draw(seed, invoiceId, 1) < b.neverPays) return Number.POSITIVE_INFINITY;
  const [min, max] = b.lateDays;
  return dueDay + min + Math.floor(draw(seed, invoiceId, 2) * (max - min + 1));
}

/**
 * The natural payment day of an invoice that is still unpaid on the first simulated day (`startDay`): the
 * profile's draw, conditioned on that. An invoice whose drawn day is still ahead keeps it (the same draw as
 * any other invoice, so strategies still face the same customers). One whose drawn day has passed was
 * evidently not paid on it: the rest of its delay is drawn again from the start date — uniformly over the
 * days the profile still allows, or, for an invoice older than the profile's latest day, as if it fell due
 * on the start date. (Taking the passed day as it was paid every such invoice on the first day, most of a
 * simulation's collections, whatever the strategy.)
 */
export function payDayFrom(
  b: Behaviour,
  seed: number,
  invoiceId: number,
  dueDay: number,
  startDay: number,
): number {
  const natural = naturalPayDay(b, seed, invoiceId, dueDay);
  if (natural >= startDay) return natural; // also never (Infinity)
  const [min, max] = b.lateDays;
  const u = draw(seed, invoiceId, 3);
  const latest = dueDay + max;
  if (latest >= startDay) return startDay + Math.floor(u * (latest - startDay + 1));
  return startDay + min + Math.floor(u * (max - min + 1));
}

export const TOUCH_WEIGHT: Record<string, number> = {
  statement: 0.05,
  email: 0.1,
  sms: 0.1,
  letter: 0.2,
  call: 0.25,
  escalation: 0.15,
  legal_review: 0.3,
  agency_referral: 0.35,
  visit: 0.4,
  credit_hold: 0.5,
};

/** The planned payment day after a touch on `day`: the remaining delay shrinks, never before tomorrow. */
export function afterTouch(planned: number, day: number, b: Behaviour, weight: number): number {
  // A customer who would never pay starts from a year's delay: pressure can still bring money in.
  const remaining = Number.isFinite(planned) ? planned - day : 365;
  if (remaining <= 1) return planned;
  const shrunk = Math.ceil(remaining * (1 - b.responsiveness * weight));
  return day + Math.max(1, shrunk);
}
