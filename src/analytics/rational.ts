// Exact fractions on BigInt for rates that come from ratios of amounts (roll rates, loss rates) and for
// sums of converted amounts, so that money is rounded once, at the end, half to even.
import { divideHalfEven, parseRate } from '../ledger/reference/convert';

export interface Rational {
  n: bigint;
  d: bigint; // always > 0
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};

export function rational(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new Error('division by zero');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return { n: num / g, d: den / g };
}

/** A decimal string such as "0.05" or "1" as an exact fraction. */
export function fromDecimal(text: string): Rational {
  if (/^0*(\.0*)?$/.test(text.trim())) return rational(0n);
  const { numerator, scale } = parseRate(text);
  return rational(numerator, 10n ** BigInt(scale));
}

export const add = (a: Rational, b: Rational) => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational) => rational(a.n * b.n, a.d * b.d);
export const min = (a: Rational, b: Rational) => (a.n * b.d <= b.n * a.d ? a : b);

/** Rounded half to even to an integer (minor units). */
export function roundHalfEven(value: Rational): number {
  const result = Number(divideHalfEven(value.n, value.d));
  if (!Number.isSafeInteger(result)) throw new Error('amount beyond the exact integer range');
  return result;
}

/** A decimal string with `places` decimals, rounded half to even (for showing rates). */
export function toDecimal(value: Rational, places = 6): string {
  const scaled = divideHalfEven(value.n * 10n ** BigInt(places), value.d);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return `${negative ? '-' : ''}${text}`;
}

/** amount × rate, rounded half to even once. */
export function applyRate(amount: number, rate: Rational): number {
  return roundHalfEven(mul(rational(amount), rate));
}
