// Seeded randomness for property tests, so that a failing run can be repeated from the seed in its name.
import { addDays, type IsoDate } from '../../src/shared/dates';

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded generator with the choices ledger tests make: an element of a list, a day in a span. */
export function seededChoices(seed: number) {
  const random = prng(seed);
  /** One element of `list`. */
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  /** A day from `from` to `span - 1` days after it. */
  const day = (from: IsoDate, span: number) => addDays(from, Math.floor(random() * span));
  return { random, pick, day };
}
