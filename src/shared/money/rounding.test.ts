// Properties of the one rounding rule (half to even on exact fractions), checked on many seeded random
// cases; a failure names its seed and case so that it can be repeated.
import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/support/random';
import {
  Converter,
  convertMinor,
  convertWithRate,
  divideHalfEven,
  type ExchangeRate,
  fraction,
  minorUnitsOf,
  rateFactor,
  totalIn,
} from '.';

const SEED = 7_140;
const random = prng(SEED);
const int = (max: number) => Math.floor(random() * max);
const signed = (max: number) => (random() < 0.5 ? -1 : 1) * int(max);

function randomRate(): string {
  const places = int(7);
  const digits = String(1 + int(10 ** (places + 2)));
  const text = places
    ? `${digits.slice(0, -places) || '0'}.${digits.slice(-places).padStart(places, '0')}`
    : digits;
  return text.startsWith('.') ? `0${text}` : text;
}

describe(`half to even (seed ${SEED})`, () => {
  it('rounds to the nearest integer, a tie to the even one, symmetrically in sign', () => {
    for (let k = 0; k < 5000; k++) {
      const n = BigInt(signed(1_000_000));
      const d = BigInt(1 + int(1000));
      const q = divideHalfEven(n, d);
      const twiceError = 2n * (n - q * d); // 2 × (exact − rounded) × d
      const abs = twiceError < 0n ? -twiceError : twiceError;
      expect(abs <= d, `${n}/${d} → ${q}`).toBe(true);
      if (abs === d) expect(q % 2n, `tie ${n}/${d} → ${q}`).toBe(0n);
      expect(divideHalfEven(-n, d), `${n}/${d} mirrored`).toBe(-q);
    }
  });

  it('the ties of a two-decimal currency at rate 0.5: 0.5 → 0, 1.5 → 2, 2.5 → 2, −2.5 → −2', () => {
    expect([1, 3, 5, 7, -1, -3, -5, -7].map((a) => convertWithRate(a, 'USD', 'CNY', '0.5'))).toEqual([
      0, 2, 2, 4, 0, -2, -2, -4,
    ]);
  });

  it('never truncates a negative amount: −x converts to −(x converted)', () => {
    for (let k = 0; k < 2000; k++) {
      const amount = int(10_000_000);
      const rate = randomRate();
      const [from, to] = random() < 0.5 ? ['USD', 'CNY'] : ['JPY', 'CNY'];
      const inverse = random() < 0.5;
      const plus = convertWithRate(amount, from, to, rate, { inverse });
      expect(convertWithRate(-amount, from, to, rate, { inverse }), `${amount} ${from}→${to} @${rate}`).toBe(
        -plus,
      );
    }
    // The case of the issue: −0.10 USD at 7.14 is −0.714 CNY → −0.71.
    expect(convertMinor(-10, 'USD', 'CNY', new Map([['USD>CNY', '7.14']]))).toBe(-71);
  });

  it('a converted amount is within half a minor unit of the exact product', () => {
    for (let k = 0; k < 2000; k++) {
      const amount = signed(100_000_000);
      const rate = randomRate();
      const from = ['USD', 'JPY', 'EUR', 'KRW'][int(4)];
      const inverse = random() < 0.3;
      const f = rateFactor(rate, minorUnitsOf(from), minorUnitsOf('CNY'), inverse);
      const result = BigInt(convertWithRate(amount, from, 'CNY', rate, { inverse }));
      const twiceError = 2n * (BigInt(amount) * f.n - result * f.d);
      expect((twiceError < 0n ? -twiceError : twiceError) <= f.d, `${amount} ${from} @${rate}`).toBe(true);
    }
  });

  it('a sum in several currencies is rounded once, and the engine and the reports agree on it', () => {
    for (let k = 0; k < 500; k++) {
      const quotes = new Map([
        ['USD>CNY', randomRate()],
        ['CNY>JPY', randomRate()],
        ['EUR>CNY', randomRate()],
      ]);
      const rates: ExchangeRate[] = [...quotes].map(([pair, rate]) => ({
        fromCurrency: pair.slice(0, 3),
        toCurrency: pair.slice(4),
        rateDate: '2026-01-01',
        rate,
      }));
      const parts = Array.from({ length: 1 + int(6) }, () => ({
        currency: ['USD', 'JPY', 'EUR', 'CNY'][int(4)],
        amount: signed(10_000_000),
      }));
      const engine = totalIn(parts, 'CNY', quotes);
      const report = new Converter('CNY', '2026-06-30', rates).sum(parts);
      expect(engine, JSON.stringify({ parts, quotes: [...quotes] })).toBe(report);
      // Within half a fen of the exact sum of the exact products.
      let exact = fraction(0n);
      for (const p of parts) {
        const f =
          p.currency === 'CNY'
            ? fraction(1n)
            : p.currency === 'JPY'
              ? rateFactor(quotes.get('CNY>JPY')!, 0, 2, true)
              : rateFactor(quotes.get(`${p.currency}>CNY`)!, 2, 2);
        exact = fraction(exact.n * f.d + BigInt(p.amount) * f.n * exact.d, exact.d * f.d);
      }
      const twiceError = 2n * (exact.n - BigInt(engine!) * exact.d);
      expect((twiceError < 0n ? -twiceError : twiceError) <= exact.d).toBe(true);
    }
  });
});
