// Exact fractions on BigInt: conversion factors, sums of converted amounts, and rates that are ratios of
// amounts (roll rates, loss rates, DSO). Money is rounded once, at the end, half to even (banker's
// rounding) — the one rounding rule of huikuan, here and in the SQL function div_half_even().

export interface Fraction {
  n: bigint;
  d: bigint; // always > 0
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};

/** n / d in lowest terms, with a positive denominator. */
export function fraction(n: bigint | number, d: bigint | number = 1n): Fraction {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new Error('division by zero');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return { n: num / g, d: den / g };
}

export const add = (a: Fraction, b: Fraction) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction) => fraction(a.n * b.d, a.d * b.n);
export const min = (a: Fraction, b: Fraction) => (a.n * b.d <= b.n * a.d ? a : b);
export const compare = (a: Fraction, b: Fraction) => {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
};

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

/** Rounded half to even to an integer (minor units); refuses what a number cannot hold exactly. */
export function roundHalfEven(value: Fraction): number {
  const result = divideHalfEven(value.n, value.d);
  const number = Number(result);
  if (!Number.isSafeInteger(number)) throw new Error(`amount ${result} is beyond the exact integer range`);
  return number;
}

/** Rounded half to even to `places` decimals, as a number (for ratios shown with a fixed precision). */
export function roundToPlaces(value: Fraction, places: number): number {
  return Number(toDecimal(value, places));
}

/** A decimal string with `places` decimals, rounded half to even (for showing rates). */
export function toDecimal(value: Fraction, places = 6): string {
  const scaled = divideHalfEven(value.n * 10n ** BigInt(places), value.d);
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return `${negative ? '-' : ''}${text}`;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal string such as "0.05", "-1.5" or "7" as an exact fraction. */
export function fromDecimal(text: string): Fraction {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a decimal number`);
  const decimals = match[3] ?? '';
  const digits = BigInt(match[2] + decimals);
  return fraction(match[1] ? -digits : digits, 10n ** BigInt(decimals.length));
}

/** amount × rate, rounded half to even once. */
export function applyRate(amount: number, rate: Fraction): number {
  return roundHalfEven(mul(fraction(amount), rate));
}
