// Limitation periods (诉讼时效) per invoice, pure. PRC Civil Code: three years (art. 188) from the day the
// creditor knows the debt is unpaid (the due date); restarted (art. 195) by a demand that reached the debtor,
// the debtor agreeing to pay (promise, plan, partial payment, acknowledgement) or a suit/arbitration; after
// expiry a debtor's promise waives the defence (art. 192). Counting (arts. 201–203): the day of the event is not
// counted, a period in years ends on the corresponding day of its last month (its last day where there is none),
// and a last day that is a statutory holiday or rest day moves to the first working day after it.
// Invoices carry one due date (no installments in the ledger), so art. 189 reduces to that date.
import chineseDays from 'chinese-days';
import { addDays, daysBetween, toDayNumber } from '../shared/dates';

export type HolidayRule = 'cn' | 'weekends';

export interface Jurisdiction {
  code: string;
  periodYears: number;
  holidays: HolidayRule;
}

/** The jurisdictions a selling entity may be under; 'CN' is the default. */
export const JURISDICTIONS: Record<string, Jurisdiction> = {
  CN: { code: 'CN', periodYears: 3, holidays: 'cn' },
  GENERIC: { code: 'GENERIC', periodYears: 3, holidays: 'weekends' },
};

/** A selling entity's country → its jurisdiction; countries not listed get the generic one. */
export const COUNTRY_JURISDICTIONS: Record<string, string> = { CN: 'CN' };

export function jurisdictionForCountry(country: string): Jurisdiction {
  return jurisdictionOf(COUNTRY_JURISDICTIONS[country.trim().toUpperCase()] ?? 'GENERIC');
}

export function jurisdictionOf(code: string | undefined, periodYears?: number): Jurisdiction {
  const base = JURISDICTIONS[code ?? 'CN'] ?? JURISDICTIONS.CN;
  return periodYears ? { ...base, periodYears } : base;
}

export type RestartKind =
  | 'payment' // partial payment allocated to the invoice
  | 'promise'
  | 'plan'
  | 'acknowledgement' // signed confirmation (询证函, 对账单)
  | 'demand' // a letter, email or SMS sent to the debtor
  | 'suit';

/** Kinds by which the debtor agrees to pay: after expiry they waive the defence (art. 192). */
const AGREES_TO_PAY: ReadonlySet<RestartKind> = new Set(['promise', 'plan', 'acknowledgement']);

export interface RestartEvent {
  kind: RestartKind;
  on: string;
  /** What proves it (payment reference, signed document, delivery receipt); null: nothing on file. */
  evidence: string | null;
  /** Proven that it happened and reached the debtor; unproven events are "weak". */
  proven: boolean;
  /** Source row, for the report (e.g. 'payment:12', 'promise:3', 'outbox:9'). */
  ref: string;
}

// ---- Period arithmetic -------------------------------------------------------------------------------

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number) =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The last day of a period of `years` years counted from the day after `eventDay` (arts. 201, 202). */
export function periodLastDay(eventDay: string, years: number): string {
  const y = Number(eventDay.slice(0, 4)) + years;
  const m = Number(eventDay.slice(5, 7));
  const d = Math.min(Number(eventDay.slice(8, 10)), monthLength(y, m));
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const coveredYears = new Map<number, boolean>();
/** Whether chinese-days has the State Council's holiday schedule for this year. */
export function calendarCovers(year: number): boolean {
  let covered = coveredYears.get(year);
  if (covered === undefined) {
    covered = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    coveredYears.set(year, covered);
  }
  return covered;
}

const isWeekend = (date: string) => {
  const dow = (toDayNumber(date) + 4) % 7; // day 0 = 1970-01-01, a Thursday
  return dow === 0 || dow === 6;
};

export interface WorkingDay {
  date: string;
  /** A day was judged on Saturday/Sunday alone: the holiday calendar does not cover its year. */
  fallback: boolean;
}

/** The day itself when it is a working day, else the first working day after it (art. 203). */
export function firstWorkingDayFrom(date: string, rule: HolidayRule): WorkingDay {
  let day = date;
  let fallback = false;
  for (let k = 0; k < 60; k++) {
    let working: boolean;
    if (rule === 'cn' && calendarCovers(Number(day.slice(0, 4)))) {
      working = chineseDays.isWorkday(day); // 调休 working weekend days count as working days
    } else {
      if (rule === 'cn') fallback = true;
      working = !isWeekend(day);
    }
    if (working) return { date: day, fallback };
    day = addDays(day, 1);
  }
  throw new Error(`no working day within 60 days of ${date}`);
}

export interface PeriodEnd {
  lastDay: string; // before moving off rest days
  expiry: string;
  fallback: boolean;
}

export function periodEnd(eventDay: string, j: Jurisdiction): PeriodEnd {
  const lastDay = periodLastDay(eventDay, j.periodYears);
  const moved = firstWorkingDayFrom(lastDay, j.holidays);
  return { lastDay, expiry: moved.date, fallback: moved.fallback };
}

// ---- Invoice limitation ------------------------------------------------------------------------------

export interface LimitationRun {
  /** The event the current period runs from: the due date or the last restart. */
  from: { kind: 'due' | RestartKind; on: string; evidence: string | null; ref: string | null };
  start: string; // first counted day
  expiry: string;
  lastDay: string;
  fallback: boolean;
  /** A promise (or plan, acknowledgement) after expiry: the debtor may no longer refuse (art. 192). */
  waivedBy: RestartEvent | null;
  restarts: RestartEvent[];
}

function run(dueDate: string, events: readonly RestartEvent[], j: Jurisdiction, asOf: string): LimitationRun {
  let from: LimitationRun['from'] = { kind: 'due', on: dueDate, evidence: null, ref: null };
  let end = periodEnd(dueDate, j);
  let waivedBy: RestartEvent | null = null;
  let fallback = end.fallback;
  const restarts: RestartEvent[] = [];
  const sorted = [...events]
    .filter((e) => e.on > dueDate && e.on <= asOf)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const event of sorted) {
    const expired = event.on > end.expiry;
    if (expired) {
      // Only the debtor agreeing to pay revives the claim; a demand or a payment of part does not.
      if (!AGREES_TO_PAY.has(event.kind)) continue;
      waivedBy = event;
    }
    from = { kind: event.kind, on: event.on, evidence: event.evidence, ref: event.ref };
    end = periodEnd(event.on, j);
    fallback = fallback || end.fallback;
    restarts.push(event);
  }
  return {
    from,
    start: addDays(from.on, 1),
    expiry: end.expiry,
    lastDay: end.lastDay,
    fallback,
    waivedBy,
    restarts,
  };
}

export type AlertBand = 'ok' | '180' | '90' | '30' | 'expired';
export type SuggestedAction = 'none' | 'sendConfirmation' | 'seekPromise';

export const ALERT_DAYS = [180, 90, 30] as const;

export function alertBand(daysLeft: number): AlertBand {
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= 30) return '30';
  if (daysLeft <= 90) return '90';
  if (daysLeft <= 180) return '180';
  return 'ok';
}

export interface InvoiceLimitation {
  firm: LimitationRun;
  /** As if the unproven (weak) restarts counted too. */
  withWeak: LimitationRun;
  weakRestarts: RestartEvent[];
  daysLeft: number;
  band: AlertBand;
  action: SuggestedAction;
  /** The claim is past its firm expiry and no proven promise revived it. */
  expired: boolean;
}

export function invoiceLimitation(
  dueDate: string,
  events: readonly RestartEvent[],
  j: Jurisdiction,
  asOf: string,
): InvoiceLimitation {
  const firm = run(
    dueDate,
    events.filter((e) => e.proven),
    j,
    asOf,
  );
  const withWeak = run(dueDate, events, j, asOf);
  const daysLeft = daysBetween(asOf, firm.expiry);
  const band = alertBand(daysLeft);
  const action: SuggestedAction =
    band === 'expired' ? 'seekPromise' : band === 'ok' ? 'none' : 'sendConfirmation';
  return {
    firm,
    withWeak,
    weakRestarts: withWeak.restarts.filter((e) => !e.proven),
    daysLeft,
    band,
    action,
    expired: band === 'expired',
  };
}
