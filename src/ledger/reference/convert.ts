// Exact currency conversion (汇率折算) for reports: integer minor units in, integer minor units out, with
// rounding half-even (banker's rounding) to the target currency's minor unit. Rates are decimal strings
// and all arithmetic is on BigInt, so no float ever touches an amount. The SQL function
// `convert_amount()` (migration 0005) computes the same result inside queries.
import { invalid } from '../../platform/errors';
import { minorUnitsOf } from '../../shared/money';

export interface ExchangeRate {
  fromCurrency: string;
  toCurrency: string;
  rateDate: string;
  /** Decimal string: 1 unit of fromCurrency = rate units of toCurrency. */
  rate: string;
}

/** Up to 12 decimals, as the `exchange_rate.rate numeric(24, 12)` column holds. */
const RATE_PATTERN = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

/** A positive decimal rate as an exact fraction numerator / 10^scale. */
export function parseRate(text: string): { numerator: bigint; scale: number } {
  const match = RATE_PATTERN.exec(text.trim());
  if (!match) throw invalid(`rate "${text}" is not a positive decimal with at most 12 decimals`);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const numerator = BigInt(match[1] + fraction);
  if (numerator <= 0n) throw invalid(`rate "${text}" must be greater than zero`);
  return { numerator, scale: fraction.length };
}

/** Canonical text of a rate: no trailing zeros ("7.123400000000" → "7.1234", "8.000" → "8"). */
export function normalizeRate(text: string): string {
  const { numerator, scale } = parseRate(text);
  const digits = numerator.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** n / d rounded half to even; d must be positive. */
export function divideHalfEven(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new Error('divisor must be positive');
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  let quotient = magnitude / d;
  const twiceRemainder = (magnitude % d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) quotient += 1n;
  return negative ? -quotient : quotient;
}

export interface ConvertOptions {
  fromMinorUnits?: number;
  toMinorUnits?: number;
  /** The rate is quoted the other way round (to → from), so divide by it. */
  inverse?: boolean;
}

/**
 * amount (minor units of `from`) × rate → minor units of `to`. With minor units f and t and the rate
 * R / 10^s: result = amount × R × 10^t / (10^s × 10^f), or amount × 10^s × 10^t / (R × 10^f) when inverse.
 */
export function convertWithRate(
  amount: number,
  from: string,
  to: string,
  rate: string,
  options: ConvertOptions = {},
): number {
  if (!Number.isSafeInteger(amount)) throw invalid(`amount ${amount} is not an integer of minor units`);
  const f = BigInt(options.fromMinorUnits ?? minorUnitsOf(from));
  const t = BigInt(options.toMinorUnits ?? minorUnitsOf(to));
  const { numerator, scale } = parseRate(rate);
  const tenS = 10n ** BigInt(scale);
  const [rateNum, rateDen] = options.inverse ? [tenS, numerator] : [numerator, tenS];
  const result = divideHalfEven(BigInt(amount) * rateNum * 10n ** t, rateDen * 10n ** f);
  const value = Number(result);
  if (!Number.isSafeInteger(value)) throw invalid(`converted amount ${result} is beyond the exact range`);
  return value;
}

export interface FoundRate {
  rate: string;
  rateDate: string;
  inverse: boolean;
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

/**
 * In-memory conversion for reports that convert many amounts: load the rates once (`loadRateBook`), then
 * convert each amount without a query.
 */
export class RateBook {
  private readonly byPair = new Map<string, ExchangeRate[]>();

  constructor(
    rates: readonly ExchangeRate[],
    private readonly minorUnits: Record<string, number> = {},
  ) {
    for (const rate of rates) {
      const key = [rate.fromCurrency, rate.toCurrency].sort().join('/');
      const list = this.byPair.get(key) ?? [];
      list.push(rate);
      this.byPair.set(key, list);
    }
  }

  find(from: string, to: string, date: string): FoundRate | null {
    return pickRate(this.byPair.get([from, to].sort().join('/')) ?? [], from, to, date);
  }

  /** Converts, or returns null when no rate is known on or before the date. */
  tryConvert(amount: number, from: string, to: string, date: string): number | null {
    if (from === to) return amount;
    const found = this.find(from, to, date);
    if (!found) return null;
    return convertWithRate(amount, from, to, found.rate, {
      inverse: found.inverse,
      fromMinorUnits: this.minorUnits[from],
      toMinorUnits: this.minorUnits[to],
    });
  }

  convert(amount: number, from: string, to: string, date: string): number {
    const result = this.tryConvert(amount, from, to, date);
    if (result === null) throw missingRate(from, to, date);
    return result;
  }
}

export function missingRate(from: string, to: string, date: string) {
  return invalid(`No exchange rate ${from}→${to} (or ${to}→${from}) on or before ${date}`, [
    { field: 'exchangeRate', value: `${from}/${to}`, reason: `no rate on or before ${date}` },
  ]);
}
