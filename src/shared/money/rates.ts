// Exchange rates (汇率) as exact fractions, and which quote is in force on a date. Rates are decimal
// strings ("7.1234"; at most 12 decimals, as the `exchange_rate.rate numeric(24, 12)` column holds):
// 1 unit of fromCurrency = rate units of toCurrency.
import { invalid, msg } from '../../platform/errors';
import { type Fraction, fraction } from './fraction';

export interface ExchangeRate {
  fromCurrency: string;
  toCurrency: string;
  rateDate: string;
  /** Decimal string: 1 unit of fromCurrency = rate units of toCurrency. */
  rate: string;
}

/** The quote to use and whether it is quoted the other way round (to → from), so divided by. */
export interface FoundRate {
  rate: string;
  rateDate: string;
  inverse: boolean;
}

const RATE_PATTERN = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

/** A positive decimal rate as an exact fraction numerator / 10^scale. */
export function parseRate(text: string): { numerator: bigint; scale: number } {
  const match = RATE_PATTERN.exec(text.trim());
  if (!match) throw invalid(msg('rateNotDecimal', { rate: text }));
  const fractionDigits = (match[2] ?? '').replace(/0+$/, '');
  const numerator = BigInt(match[1] + fractionDigits);
  if (numerator <= 0n) throw invalid(msg('rateNotPositive', { rate: text }));
  return { numerator, scale: fractionDigits.length };
}

/** Canonical text of a rate: no trailing zeros ("7.123400000000" → "7.1234", "8.000" → "8"). */
export function normalizeRate(text: string): string {
  const { numerator, scale } = parseRate(text);
  const digits = numerator.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/**
 * The factor that turns minor units of `from` into minor units of `to`: with minor units f and t and the
 * rate R / 10^s it is R × 10^t / (10^s × 10^f), or 10^s × 10^t / (R × 10^f) for a reverse quote.
 */
export function rateFactor(
  rate: string,
  fromMinorUnits: number,
  toMinorUnits: number,
  inverse = false,
): Fraction {
  const { numerator, scale } = parseRate(rate);
  const tenS = 10n ** BigInt(scale);
  const tenT = 10n ** BigInt(toMinorUnits);
  const tenF = 10n ** BigInt(fromMinorUnits);
  return inverse ? fraction(tenS * tenT, numerator * tenF) : fraction(numerator * tenT, tenS * tenF);
}

/**
 * The rate to use on a date: the latest direct quote (from → to) on or before it; failing that, the
 * latest reverse quote (to → from), divided. Same rule as the SQL `convert_amount()`.
 */
export function pickRate(
  rates: readonly ExchangeRate[],
  from: string,
  to: string,
  date: string,
): FoundRate | null {
  let direct: ExchangeRate | null = null;
  let reverse: ExchangeRate | null = null;
  for (const rate of rates) {
    if (rate.rateDate > date) continue;
    if (rate.fromCurrency === from && rate.toCurrency === to) {
      if (!direct || rate.rateDate > direct.rateDate) direct = rate;
    } else if (rate.fromCurrency === to && rate.toCurrency === from) {
      if (!reverse || rate.rateDate > reverse.rateDate) reverse = rate;
    }
  }
  if (direct) return { rate: direct.rate, rateDate: direct.rateDate, inverse: false };
  if (reverse) return { rate: reverse.rate, rateDate: reverse.rateDate, inverse: true };
  return null;
}

/** The error for a conversion that has no rate, naming the pair and the date. */
export function missingRate(from: string, to: string, date: string) {
  return invalid(msg('noRate', { from, to, date }), [
    { field: 'exchangeRate', value: `${from}/${to}`, reason: `no rate on or before ${date}` },
  ]);
}
