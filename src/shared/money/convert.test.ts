import { describe, expect, it } from 'vitest';
import { convertWithRate, divideHalfEven, normalizeRate, parseRate, RateBook } from '.';

describe('divideHalfEven', () => {
  it('rounds halves to the even neighbour, both signs', () => {
    expect([1n, 3n, 5n, 7n].map((n) => divideHalfEven(n, 2n))).toEqual([0n, 2n, 2n, 4n]);
    expect([-1n, -3n, -5n].map((n) => divideHalfEven(n, 2n))).toEqual([0n, -2n, -2n]);
    expect(divideHalfEven(7n, 3n)).toBe(2n); // 2.33
    expect(divideHalfEven(8n, 3n)).toBe(3n); // 2.67
    expect(divideHalfEven(-8n, 3n)).toBe(-3n);
  });
});

describe('convertWithRate', () => {
  it('converts exactly at a decimal rate', () => {
    // 100.00 USD × 7.1234 = 712.34 CNY
    expect(convertWithRate(10_000, 'USD', 'CNY', '7.1234')).toBe(71_234);
    // 0.01 USD × 7.1234 = 0.071234 CNY → 0.07
    expect(convertWithRate(1, 'USD', 'CNY', '7.1234')).toBe(7);
  });

  it('rounds half-even to the target minor unit', () => {
    expect(convertWithRate(1, 'USD', 'CNY', '0.5')).toBe(0); // 0.5 fen → 0
    expect(convertWithRate(3, 'USD', 'CNY', '0.5')).toBe(2); // 1.5 → 2
    expect(convertWithRate(5, 'USD', 'CNY', '0.5')).toBe(2); // 2.5 → 2
    expect(convertWithRate(-3, 'USD', 'CNY', '0.5')).toBe(-2);
    expect(convertWithRate(-5, 'USD', 'CNY', '0.5')).toBe(-2);
  });

  it('moves between currencies with different minor units', () => {
    // 1,000 JPY × 0.0478 = 47.80 CNY; 1 JPY × 0.04785 = 4.785 fen → 5
    expect(convertWithRate(1_000, 'JPY', 'CNY', '0.0478')).toBe(4_780);
    expect(convertWithRate(1, 'JPY', 'CNY', '0.04785')).toBe(5);
    // 1.00 CNY × 20.915 = 20.915 JPY → 21; 1.50 × 21 = 31.5 → 32; 2.50 × 21 = 52.5 → 52
    expect(convertWithRate(100, 'CNY', 'JPY', '20.915')).toBe(21);
    expect(convertWithRate(150, 'CNY', 'JPY', '21')).toBe(32);
    expect(convertWithRate(250, 'CNY', 'JPY', '21')).toBe(52);
  });

  it('divides by a reverse quote exactly', () => {
    // CNY → USD with the USD→CNY quote 7.2: 7.20 CNY = 1.00 USD; 0.36 CNY = 0.05 USD
    expect(convertWithRate(720, 'CNY', 'USD', '7.2', { inverse: true })).toBe(100);
    expect(convertWithRate(36, 'CNY', 'USD', '7.2', { inverse: true })).toBe(5);
    // 1 fen / 7.2 = 0.139 cents → 0; at rate 8: 4 → 0.5 → 0, 12 → 1.5 → 2, 20 → 2.5 → 2
    expect(convertWithRate(1, 'CNY', 'USD', '7.2', { inverse: true })).toBe(0);
    expect([4, 12, 20].map((n) => convertWithRate(n, 'CNY', 'USD', '8', { inverse: true }))).toEqual([
      0, 2, 2,
    ]);
  });

  it('refuses results beyond exact integers and unknown currencies', () => {
    expect(() => convertWithRate(9_000_000_000_000_000, 'USD', 'CNY', '7')).toThrow(/exact/);
    expect(() => convertWithRate(1.5, 'USD', 'CNY', '7')).toThrow(/integer/);
    expect(() => convertWithRate(1, 'XYZ', 'CNY', '7')).toThrow(/Unknown currency/);
  });
});

describe('rates', () => {
  it('parse as exact fractions and refuse what the column cannot hold', () => {
    expect(parseRate('7.123400')).toEqual({ numerator: 71_234n, scale: 4 });
    expect(normalizeRate('7.123400000000')).toBe('7.1234');
    expect(normalizeRate('8.000')).toBe('8');
    expect(normalizeRate('0.05')).toBe('0.05');
    for (const bad of ['0', '0.000', '-1', '1e3', '1.1234567890123', 'abc', '']) {
      expect(() => parseRate(bad), bad).toThrow();
    }
  });
});

describe('RateBook', () => {
  const book = new RateBook([
    { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-01-01', rate: '7' },
    { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-02-01', rate: '7.2' },
    { fromCurrency: 'CNY', toCurrency: 'USD', rateDate: '2026-03-01', rate: '0.125' },
  ]);

  it('uses the latest rate on or before the date', () => {
    expect(book.convert(100, 'USD', 'CNY', '2026-01-31')).toBe(700);
    expect(book.convert(100, 'USD', 'CNY', '2026-02-01')).toBe(720);
    // The direct quote wins over a newer reverse quote.
    expect(book.find('USD', 'CNY', '2026-03-10')).toEqual({
      rate: '7.2',
      rateDate: '2026-02-01',
      inverse: false,
    });
  });

  it('falls back to the reverse quote, and to nothing before the first rate', () => {
    expect(book.find('CNY', 'USD', '2026-03-01')).toEqual({
      rate: '0.125',
      rateDate: '2026-03-01',
      inverse: false,
    });
    expect(book.find('CNY', 'USD', '2026-02-15')).toEqual({
      rate: '7.2',
      rateDate: '2026-02-01',
      inverse: true,
    });
    expect(book.convert(720, 'CNY', 'USD', '2026-02-15')).toBe(100);
    expect(book.tryConvert(100, 'USD', 'CNY', '2025-12-31')).toBeNull();
    expect(() => book.convert(100, 'USD', 'CNY', '2025-12-31')).toThrow(/No exchange rate USD→CNY/);
    expect(book.convert(123, 'EUR', 'EUR', '2000-01-01')).toBe(123);
  });
});
