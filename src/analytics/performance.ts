// DSO, ADD and CEI (pure formulas). Inputs are integer amounts; each figure is computed as an exact
// fraction and rounded once, half to even, to one decimal: days for DSO and ADD, percent for CEI (ratios,
// not money). A figure built from others (ADD = DSO − best possible DSO) is computed from the unrounded
// values, so that it never differs from its parts by a rounding step. null when a denominator is zero.
import { add, type Fraction, fraction, roundToPlaces } from '../shared/money';

/** Days and percentages are shown with one decimal everywhere (API, CLI, exports, web). */
export const FIGURE_DECIMALS = 1;

export const roundFigure = (value: Fraction) => roundToPlaces(value, FIGURE_DECIMALS);

const big = (value: number) => BigInt(value);

/** AR / credit sales × days, exactly; null without sales. */
function daysOfSales(ar: number, creditSales: number, days: number): Fraction | null {
  return creditSales > 0 ? fraction(big(ar) * big(days), big(creditSales)) : null;
}

/** DSO (standard) = ending AR / credit sales of the period × days in the period. */
export function standardDso(endingAr: number, creditSales: number, days: number): number | null {
  const value = daysOfSales(endingAr, creditSales, days);
  return value && roundFigure(value);
}

/** Best possible DSO = current (not yet due) AR / credit sales × days. */
export function bestPossibleDso(currentAr: number, creditSales: number, days: number): number | null {
  const value = daysOfSales(currentAr, creditSales, days);
  return value && roundFigure(value);
}

/**
 * ADD (average days delinquent) = DSO − best possible DSO = (ending AR − current AR) / credit sales × days,
 * from the unrounded figures.
 */
export function averageDaysDelinquent(
  endingAr: number,
  currentAr: number,
  creditSales: number,
  days: number,
): number | null {
  const value = daysOfSales(endingAr - currentAr, creditSales, days);
  return value && roundFigure(value);
}

export interface MonthSales {
  /** Credit sales of the month (invoices issued in it); null when unknown (no exchange rate). */
  sales: number | null;
  days: number;
}

/**
 * Countback DSO: walk back month by month from the latest, subtracting each month's credit sales from
 * the ending AR and counting its days, until the AR left is smaller than a month's sales; that month
 * counts for the fraction AR left / its sales. `months` is newest first. null when sales run out first
 * (the AR is older than the months given) or the walk reaches a month whose sales are unknown.
 */
export function countbackDso(endingAr: number, months: readonly MonthSales[]): number | null {
  if (endingAr <= 0) return 0;
  let left = endingAr;
  let days = 0;
  for (const month of months) {
    if (month.sales === null) return null;
    if (month.sales <= 0) {
      days += month.days;
      continue;
    }
    if (left <= month.sales) {
      return roundFigure(add(fraction(days), fraction(big(left) * big(month.days), big(month.sales))));
    }
    left -= month.sales;
    days += month.days;
  }
  return null;
}

/** Why a CEI figure is not meaningful, or null when it is. */
export type CeiNote = 'arGrew' | 'notDefined' | 'aboveHundred' | null;

export interface CeiFigure {
  /** Percent, one decimal; null when the denominator is not positive. */
  value: number | null;
  /** The exact value, for averages of several figures. */
  exact: Fraction | null;
  note: CeiNote;
}

/**
 * CEI (Credit Research Foundation) = (opening AR + credit sales / N − closing total AR) /
 * (opening AR + credit sales / N − closing current AR) × 100, N = months in the period. Over several
 * months the formula counts one average month of sales as what was there to collect: when AR grew by more
 * than that, the numerator is negative and the figure says nothing about collections (`arGrew`).
 */
export function ceiFigure(
  openingAr: number,
  creditSales: number,
  months: number,
  closingAr: number,
  closingCurrentAr: number,
): CeiFigure {
  // × N throughout: (N·opening + sales − N·closing) / (N·opening + sales − N·current), exactly.
  const n = big(months);
  const base = n * big(openingAr) + big(creditSales);
  const numerator = base - n * big(closingAr);
  const denominator = base - n * big(closingCurrentAr);
  if (denominator <= 0n) return { value: null, exact: null, note: 'notDefined' };
  const exact = fraction(numerator * 100n, denominator);
  const note: CeiNote = numerator < 0n ? 'arGrew' : numerator > denominator ? 'aboveHundred' : null;
  return { value: roundFigure(exact), exact, note };
}

/** The CEI figure alone (see ceiFigure). */
export function collectionEffectivenessIndex(
  openingAr: number,
  creditSales: number,
  months: number,
  closingAr: number,
  closingCurrentAr: number,
): number | null {
  return ceiFigure(openingAr, creditSales, months, closingAr, closingCurrentAr).value;
}

/** The average of figures, exactly, rounded once; null when there are none. */
export function averageFigure(values: readonly (Fraction | null)[]): number | null {
  const known = values.filter((v): v is Fraction => v !== null);
  if (known.length === 0) return null;
  const sum = known.reduce((s, v) => add(s, v), fraction(0n));
  return roundFigure(fraction(sum.n, sum.d * big(known.length)));
}

export interface PaidItem {
  /** Amount paid (allocated from a payment). */
  amount: number;
  daysToPay: number;
  daysLate: number;
}

/** Amount-weighted average days to pay and days late (late = max(0, paid − due)). */
export function weightedPaymentDays(items: readonly PaidItem[]): {
  avgDaysToPay: number | null;
  avgDaysLate: number | null;
} {
  let weight = 0n;
  let toPay = 0n;
  let late = 0n;
  for (const item of items) {
    weight += big(item.amount);
    toPay += big(item.amount) * big(item.daysToPay);
    late += big(item.amount) * big(Math.max(0, item.daysLate));
  }
  if (weight <= 0n) return { avgDaysToPay: null, avgDaysLate: null };
  return {
    avgDaysToPay: roundFigure(fraction(toPay, weight)),
    avgDaysLate: roundFigure(fraction(late, weight)),
  };
}
