// Currency conversion (汇率折算), the one way: amount (minor units of one currency) × the rate as an exact
// fraction → minor units of another, rounded half to even to the target's minor unit. A sum of amounts
// in several currencies is added as exact fractions and rounded once. No float ever touches an amount.
// The SQL function `convert_amount()` (migration 0022) gives the same result inside queries.
import { invalid, msg } from '../../platform/errors';
import { minorUnitsOf } from './currencies';
import { type Fraction, fraction, roundHalfEven } from './fraction';
import { type ExchangeRate, type FoundRate, missingRate, pickRate, rateFactor } from './rates';

export interface CurrencyAmount {
  currency: string;
  amount: number;
}

export interface ConvertOptions {
  /** The rate is quoted the other way round (to → from), so divide by it. */
  inverse?: boolean;
}

function checkAmount(amount: number): void {
  if (!Number.isSafeInteger(amount)) throw invalid(msg('amountNotMinorUnits', { amount: String(amount) }));
}

/** n / d (d > 0) rounded half to even to minor units. */
function toMinor(n: bigint, d: bigint): number {
  try {
    return roundHalfEven({ n, d });
  } catch {
    throw invalid(msg('convertedTooLarge', { amount: String(n / d) }));
  }
}

/** amount (minor units of `from`) × rate → minor units of `to`, rounded half to even. */
export function convertWithRate(
  amount: number,
  from: string,
  to: string,
  rate: string,
  options: ConvertOptions = {},
): number {
  checkAmount(amount);
  const factor = rateFactor(rate, minorUnitsOf(from), minorUnitsOf(to), options.inverse);
  return toMinor(BigInt(amount) * factor.n, factor.d);
}

/**
 * Σ amount × factor(currency), added exactly over a common denominator and rounded once; amounts already
 * in the target have the factor 1 (`factorOf` returns undefined for them). null when a factor is null
 * (no rate).
 */
export function sumConverted(
  parts: Iterable<CurrencyAmount>,
  factorOf: (currency: string) => Fraction | null | undefined,
): number | null {
  let plain = 0n;
  const terms: { amount: bigint; factor: Fraction }[] = [];
  for (const part of parts) {
    if (part.amount === 0) continue;
    checkAmount(part.amount);
    const factor = factorOf(part.currency);
    if (factor === undefined) {
      plain += BigInt(part.amount);
      continue;
    }
    if (factor === null) return null;
    terms.push({ amount: BigInt(part.amount), factor });
  }
  if (terms.length === 0) return toMinor(plain, 1n);
  let denominator = 1n;
  const seen = new Set<bigint>();
  for (const term of terms) {
    if (!seen.has(term.factor.d)) {
      seen.add(term.factor.d);
      denominator *= term.factor.d;
    }
  }
  let numerator = plain * denominator;
  for (const term of terms) numerator += term.amount * term.factor.n * (denominator / term.factor.d);
  return toMinor(numerator, denominator);
}

/**
 * Conversion into one currency on one date, for reports: the rate of each currency is picked once
 * (latest direct quote on or before the date, else the reverse quote); currencies without one are
 * collected in `missing` and their amounts are unknown (null), never 0.
 */
export class Converter {
  private readonly factors = new Map<string, Fraction | null>();
  readonly missing = new Set<string>();

  constructor(
    readonly target: string,
    readonly date: string,
    private readonly rates: readonly ExchangeRate[],
  ) {}

  /** minor units of `from` → minor units of the target, as an exact factor; null when no rate. */
  factor(from: string): Fraction | null {
    if (from === this.target) return fraction(1n);
    const known = this.factors.get(from);
    if (known !== undefined) return known;
    const found = pickRate(this.rates, from, this.target, this.date);
    const factor = found
      ? rateFactor(found.rate, minorUnitsOf(from), minorUnitsOf(this.target), found.inverse)
      : null;
    if (!factor) this.missing.add(from);
    this.factors.set(from, factor);
    return factor;
  }

  /** One amount converted; null when no rate. */
  convert(amount: number, from: string): number | null {
    return this.sum([{ currency: from, amount }]);
  }

  /** The parts converted and added, rounded once; null when a part has no rate. */
  sum(parts: Iterable<CurrencyAmount>): number | null {
    return sumConverted(parts, (currency) => (currency === this.target ? undefined : this.factor(currency)));
  }
}

/**
 * Every quote between some currencies over some dates, for conversions on many dates without a query
 * each (`loadRateBook` in the ledger reads them).
 */
export class RateBook {
  private readonly byPair = new Map<string, ExchangeRate[]>();

  constructor(rates: readonly ExchangeRate[]) {
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
    return convertWithRate(amount, from, to, found.rate, { inverse: found.inverse });
  }

  convert(amount: number, from: string, to: string, date: string): number {
    const result = this.tryConvert(amount, from, to, date);
    if (result === null) throw missingRate(from, to, date);
    return result;
  }
}

/** The latest quote of each pair, keyed `FROM>TO` (the collections engine's view: rates as of its run). */
export type RateMap = ReadonlyMap<string, string>;

function latestFactor(from: string, to: string, rates: RateMap): Fraction | null {
  const direct = rates.get(`${from}>${to}`);
  if (direct) return rateFactor(direct, minorUnitsOf(from), minorUnitsOf(to));
  const inverse = rates.get(`${to}>${from}`);
  if (inverse) return rateFactor(inverse, minorUnitsOf(from), minorUnitsOf(to), true);
  return null;
}

/** Converts minor units of `from` into minor units of `to` at the latest rates; null when none is known. */
export function convertMinor(amount: number, from: string, to: string, rates: RateMap): number | null {
  return totalIn([{ currency: from, amount }], to, rates);
}

/** Sum of amounts in several currencies in one currency (exact, rounded once); null if a rate is missing. */
export function totalIn(amounts: Iterable<CurrencyAmount>, to: string, rates: RateMap): number | null {
  const factors = new Map<string, Fraction | null>();
  return sumConverted(amounts, (currency) => {
    if (currency === to) return undefined;
    if (!factors.has(currency)) factors.set(currency, latestFactor(currency, to, rates));
    return factors.get(currency) ?? null;
  });
}

/** How reports convert, for their footers. */
export const CONVERSION_NOTE =
  'Amounts in other currencies are converted at the latest rate dated on or before the report date ' +
  '(direct quote, else the inverse of the reverse quote), summed as exact fractions and rounded half to ' +
  "even once per figure to the reporting currency's minor unit.";
