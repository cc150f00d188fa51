// How an import reads a/b/yyyy dates (1/6/2013: 6 January or 1 June?) when the mapping gives no dateFormat.
// The first rows decide for the whole file, and never silently: a value that fits day first only (13/6/2013)
// makes it day first, one that fits month first only (1/13/2013) month first, both at once are refused, and
// with neither it is month first (Excel's export). The outcome names the format and the value that decided.
import type { ImportError } from '../../platform/db/schema';
import { type SlashOrder, slashOrderOf } from '../../shared/dates';

export interface DateSample {
  line: number;
  field: string;
  value: string;
}

export interface DateReading {
  format: string;
  /** mapping: its dateFormat; inferred: `evidence` fits this order only; assumed: no value tells. */
  basis: 'mapping' | 'inferred' | 'assumed';
  /** The value that decided, or for `assumed` the first a/b/yyyy value read that way. */
  evidence: DateSample | null;
}

export const SLASH_FORMATS: Record<SlashOrder, string> = { MDY: 'M/D/YYYY', DMY: 'D/M/YYYY' };

const ORDER_NAMES: Record<SlashOrder, string> = { MDY: 'month first', DMY: 'day first' };

/** The reading for a file (null when it has no a/b/yyyy dates), or the problem of a sample holding both orders. */
export function decideDateOrder(
  samples: Iterable<DateSample>,
  mappingFormat?: string,
): { reading: DateReading | null; problem: ImportError | null } {
  if (mappingFormat)
    return { reading: { format: mappingFormat, basis: 'mapping', evidence: null }, problem: null };
  let first: { order: SlashOrder; sample: DateSample } | null = null;
  let either: DateSample | null = null;
  for (const sample of samples) {
    const order = slashOrderOf(sample.value);
    if (order === 'either') either ??= sample;
    else if (order && !first) first = { order, sample };
    else if (order && first && order !== first.order) {
      const { line, field, value } = first.sample;
      const reason = `this date is ${ORDER_NAMES[order]}, but line ${line} ${field} "${value}" is ${ORDER_NAMES[first.order]}: set "dateFormat" in the mapping ("D/M/YYYY" or "M/D/YYYY")`;
      return { reading: null, problem: { ...sample, reason } };
    }
  }
  if (first) {
    return {
      reading: { format: SLASH_FORMATS[first.order], basis: 'inferred', evidence: first.sample },
      problem: null,
    };
  }
  if (either)
    return { reading: { format: SLASH_FORMATS.MDY, basis: 'assumed', evidence: either }, problem: null };
  return { reading: null, problem: null };
}

/** The order a reading gives to a/b/yyyy values parsed without a format. */
export function slashOrderFor(reading: DateReading | null): SlashOrder {
  return reading?.format === SLASH_FORMATS.DMY ? 'DMY' : 'MDY';
}
