// The CEI of a period beside the average of its monthly figures, with the formula and, when the period
// figure says nothing about collections, why (pure).
import type { Fraction } from '../shared/money';
import type { PerformanceFigures } from './get-performance-report';
import { averageFigure, type CeiNote, ceiFigure } from './performance';

/** The period's CEI beside the average of its months, with the formula and, when needed, why not to use it. */
export interface CeiSummary {
  formula: string;
  /** N of the formula: months in the period. */
  months: number;
  period: number | null;
  note: CeiNote;
  /** The period figure can be read as the share collected of what there was to collect. */
  meaningful: boolean;
  /** Average of the monthly figures (exact, rounded once); null when a month is unknown (missing rate). */
  monthlyAverage: number | null;
  /** The note in words (English, for the command line and exports; screens translate `note`). */
  explanation: string | null;
}

export const CEI_FORMULA =
  'CEI = (opening AR + credit sales / N − closing AR) / (opening AR + credit sales / N − closing current AR) × 100, N = months';

const CEI_EXPLANATIONS: Record<Exclude<CeiNote, null>, string> = {
  arGrew:
    'Closing AR is more than opening AR plus one average month of credit sales (AR grew in the period), so the ' +
    'formula gives a figure that says nothing about collections; read the average of the monthly figures.',
  notDefined:
    'Opening AR plus one average month of credit sales is not more than closing current AR: the formula has no meaning here.',
  aboveHundred:
    'Closing current AR exceeds closing total AR (credit balances), so the figure is above 100 % and not meaningful.',
};

/** The exact CEI of a month row, for the average; null when unknown. */
function exactCei(m: PerformanceFigures): Fraction | null | 'unknown' {
  if (m.openingAr === null || m.creditSales === null || m.closingAr === null || m.closingCurrentAr === null)
    return 'unknown';
  return ceiFigure(m.openingAr, m.creditSales, 1, m.closingAr, m.closingCurrentAr).exact;
}

export function summariseCei(period: PerformanceFigures, months: readonly PerformanceFigures[]): CeiSummary {
  const exact = months.map(exactCei);
  const note = period.cei === null && period.ceiNote === null ? null : period.ceiNote;
  return {
    formula: CEI_FORMULA,
    months: months.length,
    period: period.cei,
    note,
    meaningful: period.cei !== null && note === null,
    monthlyAverage: exact.includes('unknown') ? null : averageFigure(exact as (Fraction | null)[]),
    explanation: note ? CEI_EXPLANATIONS[note] : null,
  };
}
