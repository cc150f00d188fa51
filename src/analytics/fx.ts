// Converting multi-currency figures into one reporting currency (折算), exactly: each part is
// amount × rate as a fraction, the parts are added as fractions, and the figure is rounded half to even
// once, to the target currency's minor unit. The rate on a date is the latest direct quote on or before it,
// else the latest reverse quote (the same rule as the ledger's convert_amount()).
import { type ExchangeRate, parseRate, pickRate } from '../ledger/reference/convert';
import { minorUnitsOf } from '../shared/money';
import { type Rational, rational, roundHalfEven } from './rational';

export interface CurrencyAmount {
  currency: string;
  amount: number;
}

export class Converter {
  private readonly factors = new Map<string, Rational | null>();
  readonly missing = new Set<string>();

  constructor(
    readonly target: string,
    readonly date: string,
    private readonly rates: readonly ExchangeRate[],
  ) {}

  /** minor units of `from` → minor units of the target, as an exact factor; null when no rate. */
  factor(from: string): Rational | null {
    if (this.factors.has(from)) return this.factors.get(from) ?? null;
    let factor: Rational | null = null;
    if (from === this.target) factor = rational(1n);
    else {
      const found = pickRate(this.rates, from, this.target, this.date);
      if (found) {
        const { numerator, scale } = parseRate(found.rate);
        const ten = (k: number) => 10n ** BigInt(k);
        const t = minorUnitsOf(this.target);
        const f = minorUnitsOf(from);
        factor = found.inverse
          ? rational(ten(scale) * ten(t), numerator * ten(f))
          : rational(numerator * ten(t), ten(scale) * ten(f));
      } else this.missing.add(from);
    }
    this.factors.set(from, factor);
    return factor;
  }

  /** The parts converted and added, rounded once; null when a part has no rate. */
  sum(parts: Iterable<CurrencyAmount>): number | null {
    // Σ amount × n / d over a common denominator (the product of the distinct d), then one rounding.
    let plain = 0;
    let terms: { amount: number; factor: Rational }[] | null = null;
    for (const part of parts) {
      if (part.amount === 0) continue;
      if (part.currency === this.target) {
        plain += part.amount;
        continue;
      }
      const factor = this.factor(part.currency);
      if (!factor) return null;
      if (terms) terms.push({ amount: part.amount, factor });
      else terms = [{ amount: part.amount, factor }];
    }
    if (!terms) return plain;
    let denominator = 1n;
    const seen = new Set<bigint>();
    for (const term of terms) {
      if (!seen.has(term.factor.d)) {
        seen.add(term.factor.d);
        denominator *= term.factor.d;
      }
    }
    let numerator = BigInt(plain) * denominator;
    for (const term of terms)
      numerator += BigInt(term.amount) * term.factor.n * (denominator / term.factor.d);
    return roundHalfEven({ n: numerator, d: denominator });
  }
}

/** How conversions are done, for report footers. */
export const CONVERSION_NOTE =
  'Amounts in other currencies are converted at the latest rate dated on or before the report date ' +
  '(direct quote, else the inverse of the reverse quote), summed as exact fractions and rounded half to ' +
  "even once per figure to the reporting currency's minor unit.";
