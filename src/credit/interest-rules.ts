// Late-payment interest or penalty (逾期利息 / 违约金) on one invoice as of a date. Pure, exact: rates are
// decimal strings (万分之五 = "0.0005" a day), amounts integer minor units, the sum over the days is an exact
// fraction and is rounded once, half to even, by the money module.
//
// The rules, as sales contracts commonly word them ("自到期日次日起按日万分之五计收违约金"):
//  - Interest accrues for each calendar day from the day after the due date up to and including the as-of
//    date. With grace days (宽限期) the start only moves later: a payment within grace owes nothing, and
//    after grace interest counts from the day after grace ends, not back to the due date.
//  - The base of a day is the invoice amount less what was applied to it (payments, credit notes,
//    write-offs) effective on or before that day: a payment on day P stops interest from day P on.
//  - Daily rate: base × rate per day. Annual rate: base × rate / basis per day, basis 365 (actual/365, also
//    in leap years: 29 February is one more day at 1/365) or 360 (actual/360).
//  - Cap (optional): interest not above a percentage of the invoice amount (e.g. "30" = 30 %).
import { addDays, daysBetween, type IsoDate } from '../shared/dates';
import { compare, type Fraction, fraction, fromDecimal, min, mul, roundHalfEven } from '../shared/money';

export const INTEREST_KINDS = ['none', 'daily', 'annual'] as const;
export type InterestKind = (typeof INTEREST_KINDS)[number];
export const DAY_COUNT_BASES = [365, 360] as const;
export type DayCountBasis = (typeof DAY_COUNT_BASES)[number];

export interface InterestTerms {
  kind: InterestKind;
  /** Decimal string: a day's rate for `daily` ("0.0005"), a year's for `annual` ("0.12"); null for none. */
  rate: string | null;
  /** Only for `annual`. */
  basis: DayCountBasis;
  graceDays: number;
  /** Decimal string, percent of the invoice amount; null: no cap. */
  capPercent: string | null;
}

export interface Reduction {
  /** The day from which the amount no longer bears interest. */
  effectiveOn: IsoDate;
  amount: number;
}

export interface InvoiceForInterest {
  dueDate: IsoDate;
  amount: number;
  reductions: readonly Reduction[];
}

export interface InterestResult {
  /** Minor units, rounded half to even once. */
  interest: number;
  /** The first day that bears interest (null: no interest terms). */
  accruesFrom: IsoDate | null;
  /** Days that bore interest on a non-zero base. */
  days: number;
  /** Σ base × days (minor-unit days): what the rate was applied to. */
  baseDays: number;
  capped: boolean;
}

/** A rate is a plain non-negative decimal with at most 10 decimals. */
export const RATE_PATTERN = '^[0-9]{1,4}(\\.[0-9]{1,10})?$';
const RATE = new RegExp(RATE_PATTERN);

export function termsProblems(terms: InterestTerms): string[] {
  const problems: string[] = [];
  if (terms.kind === 'none') {
    if (terms.rate !== null) problems.push('rate must be empty when there is no interest');
  } else if (terms.rate === null || !RATE.test(terms.rate)) problems.push('rate must be a decimal number');
  else if (terms.kind === 'daily' && compare(fromDecimal(terms.rate), fraction(1, 100)) > 0)
    problems.push('a daily rate above 0.01 (1 % a day) is not plausible');
  else if (terms.kind === 'annual' && compare(fromDecimal(terms.rate), fraction(1)) > 0)
    problems.push('an annual rate above 1 (100 %) is not plausible');
  if (!Number.isInteger(terms.graceDays) || terms.graceDays < 0 || terms.graceDays > 365)
    problems.push('grace days must be between 0 and 365');
  if (terms.capPercent !== null && !RATE.test(terms.capPercent))
    problems.push('cap must be a decimal percentage');
  if (!(DAY_COUNT_BASES as readonly number[]).includes(terms.basis))
    problems.push('basis must be 365 or 360');
  return problems;
}

/** The rate per day as an exact fraction. */
export function dailyRate(terms: InterestTerms): Fraction {
  if (terms.kind === 'none' || terms.rate === null) return fraction(0);
  const rate = fromDecimal(terms.rate);
  return terms.kind === 'daily' ? rate : mul(rate, fraction(1, terms.basis));
}

/** The first day bearing interest: the day after the due date, moved later by the grace days. */
export function accrualStart(dueDate: IsoDate, graceDays: number): IsoDate {
  return addDays(dueDate, 1 + graceDays);
}

export function accruedInterest(
  invoice: InvoiceForInterest,
  terms: InterestTerms,
  asOf: IsoDate,
): InterestResult {
  if (terms.kind === 'none') return { interest: 0, accruesFrom: null, days: 0, baseDays: 0, capped: false };
  const start = accrualStart(invoice.dueDate, terms.graceDays);
  const result = { interest: 0, accruesFrom: start, days: 0, baseDays: 0, capped: false };
  if (asOf < start) return result;
  // The base is a step function: it changes only on the days reductions take effect.
  const changes = [...invoice.reductions]
    .filter((reduction) => reduction.effectiveOn <= asOf)
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
  let base = invoice.amount;
  let cursor = start;
  let baseDays = 0n;
  let days = 0;
  const end = addDays(asOf, 1); // exclusive
  for (const change of [...changes, { effectiveOn: end, amount: 0 }]) {
    const until = change.effectiveOn; // never after `end`: later reductions were filtered out
    if (until > cursor) {
      const span = daysBetween(cursor, until);
      if (base > 0) {
        baseDays += BigInt(base) * BigInt(span);
        days += span;
      }
      cursor = until;
    }
    base -= change.amount;
  }
  let interest: Fraction = mul(fraction(baseDays), dailyRate(terms));
  if (terms.capPercent !== null) {
    const cap = mul(fraction(invoice.amount), mul(fromDecimal(terms.capPercent), fraction(1, 100)));
    if (compare(interest, cap) > 0) result.capped = true;
    interest = min(interest, cap);
  }
  result.interest = roundHalfEven(interest);
  result.days = days;
  result.baseDays = Number(baseDays);
  return result;
}
