// The CEI of a period beside the average of its monthly figures, with the formula and, when the period
// figure says nothing about collections, why (pure).
import { formatMessage, type MessageCode } from '../shared/messages';
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

export const CEI_FORMULA = formatMessage('en', 'ceiFormula');

/** The catalog's message for each note (src/shared/messages). */
export const CEI_NOTE_MESSAGES = {
  arGrew: 'ceiNoteArGrew',
  notDefined: 'ceiNoteNotDefined',
  aboveHundred: 'ceiNoteAboveHundred',
} as const satisfies Record<Exclude<CeiNote, null>, MessageCode>;

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
    explanation: note ? formatMessage('en', CEI_NOTE_MESSAGES[note]) : null,
  };
}
