import { describe, expect, it } from 'vitest';
import { formatMoney, parseAmount, sumMinor, toDecimalString } from './amounts';

const minor = (text: string, units = 2, options = {}) => {
  const result = parseAmount(text, units, options);
  return result.ok ? result.minor : result.reason;
};

describe('parseAmount', () => {
  it('reads the forms ERP exports write, exactly', () => {
    expect(minor('1,234.50')).toBe(123_450);
    expect(minor('¥1,234.50')).toBe(123_450);
    expect(minor('￥1,234.50')).toBe(123_450);
    expect(minor('1234.5')).toBe(123_450);
    expect(minor('1234')).toBe(123_400);
    expect(minor(' 1 234.50 ')).toBe(123_450);
    expect(minor('1,234.50元')).toBe(123_450);
    expect(minor('CNY 88.10')).toBe(8_810);
    expect(minor('0.07')).toBe(7);
    expect(minor('1234.500')).toBe(123_450);
    // 0.1 + 0.2 style float trouble cannot happen: digits are joined, not multiplied.
    expect(minor('1.15')).toBe(115);
    expect(minor('4.35')).toBe(435);
    expect(minor('90071992547409.91')).toBe(9_007_199_254_740_991);
  });

  it('reads negative amounts in their usual notations', () => {
    expect(minor('-12.00')).toBe(-1_200);
    expect(minor('(12.00)')).toBe(-1_200);
    expect(minor('12.00-')).toBe(-1_200);
    expect(minor('−12')).toBe(-1_200);
    expect(minor('-¥5')).toBe(-500);
  });

  it('reads decimal-comma amounts only when told to', () => {
    expect(minor('1.234,50', 2, { decimalComma: true })).toBe(123_450);
    expect(minor('1 234,50', 2, { decimalComma: true })).toBe(123_450);
    expect(minor('1.234,50')).toMatch(/not an amount/);
    expect(minor('12,34')).toMatch(/not an amount/);
  });

  it('refuses what is not exact', () => {
    expect(minor('12.345')).toMatch(/more decimals/);
    expect(minor('12.5', 0)).toMatch(/more decimals/);
    expect(minor('1,234', 0)).toBe(1_234);
    expect(minor('')).toMatch(/empty/);
    expect(minor('abc')).toMatch(/not an amount/);
    expect(minor('1,23,456.00')).toMatch(/not an amount/);
    expect(minor('1e5')).toMatch(/not an amount/);
    expect(minor('99999999999999999')).toMatch(/too large/);
  });
});

describe('parseAmount fast path', () => {
  it('agrees with the general parser on every plain form', () => {
    const samples = [
      '0',
      '7',
      '0.07',
      '1234.',
      '1,234',
      '1,234.5',
      '12,345,678.90',
      '1234.500',
      '12,34',
      '1,2345',
      '1234,567',
      '.5',
      '12.345',
      '007.10',
      '9007199254740991',
      '90071992547409.92',
    ];
    for (const sample of samples) {
      for (const units of [0, 2, 3]) {
        // A currency code forces the general parser; the result must be the same.
        expect(parseAmount(sample, units), sample).toEqual(
          parseAmount(`RMB ${sample}`, units).ok
            ? parseAmount(`RMB ${sample}`, units)
            : expect.objectContaining({ ok: false }),
        );
      }
    }
    expect(parseAmount('1.234,500', 2, { decimalComma: true })).toEqual({ ok: true, minor: 123_450 });
  });
});

describe('formatting', () => {
  it('prints minor units with the currency decimals', () => {
    expect(toDecimalString(123_450, 2)).toBe('1234.50');
    expect(toDecimalString(-5, 2)).toBe('-0.05');
    expect(toDecimalString(1_234, 0)).toBe('1234');
    expect(formatMoney(123_456_789, 'CNY')).toBe('1,234,567.89');
    expect(formatMoney(1_234_567, 'JPY')).toBe('1,234,567');
  });

  it('sums exactly and refuses to lose precision', () => {
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(/exact integer range/);
  });
});
