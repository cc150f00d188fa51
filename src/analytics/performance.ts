// DSO and CEI (pure formulas). Inputs are integer amounts; outputs are days or percentages rounded to two
// decimals (ratios, not money). null when the denominator is zero.

const round2 = (value: number) => Math.round(value * 100) / 100;

/** DSO (standard) = ending AR / credit sales of the period × days in the period. */
export function standardDso(endingAr: number, creditSales: number, days: number): number | null {
  return creditSales > 0 ? round2((endingAr / creditSales) * days) : null;
}

/** Best possible DSO = current (not yet due) AR / credit sales × days. */
export function bestPossibleDso(currentAr: number, creditSales: number, days: number): number | null {
  return creditSales > 0 ? round2((currentAr / creditSales) * days) : null;
}

/** ADD (average days delinquent) = DSO − best possible DSO. */
export function averageDaysDelinquent(dso: number | null, best: number | null): number | null {
  return dso === null || best === null ? null : round2(dso - best);
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
    if (left <= month.sales) return round2(days + (left / month.sales) * month.days);
    left -= month.sales;
    days += month.days;
  }
  return null;
}

/**
 * CEI (Credit Research Foundation) = (opening AR + credit sales / N − closing total AR) /
 * (opening AR + credit sales / N − closing current AR) × 100, N = months in the period.
 */
export function collectionEffectivenessIndex(
  openingAr: number,
  creditSales: number,
  months: number,
  closingAr: number,
  closingCurrentAr: number,
): number | null {
  const base = openingAr + creditSales / months;
  const denominator = base - closingCurrentAr;
  if (denominator <= 0) return null;
  return round2(((base - closingAr) / denominator) * 100);
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
  let weight = 0;
  let toPay = 0;
  let late = 0;
  for (const item of items) {
    weight += item.amount;
    toPay += item.amount * item.daysToPay;
    late += item.amount * Math.max(0, item.daysLate);
  }
  if (weight <= 0) return { avgDaysToPay: null, avgDaysLate: null };
  return { avgDaysToPay: round2(toPay / weight), avgDaysLate: round2(late / weight) };
}
