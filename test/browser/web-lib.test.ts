// Pure parts of the web app, without a browser: money parsing/formatting by string arithmetic, the i18n
// dictionaries (same keys in both languages, every literal key used in the code defined), the menu built
// from the route registry.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENCY_MINOR_UNITS as SHARED_MINOR_UNITS } from '../../src/shared/money';
import { dictionaries, translate } from '../../web/src/i18n';
import {
  CURRENCY_MINOR_UNITS,
  formatAmount,
  formatMoney,
  minorUnitsOf,
  parseAmount,
  sumByCurrency,
  toDecimalString,
} from '../../web/src/lib/money';

describe('web money helpers', () => {
  it('formats minor units with the currency’s decimals', () => {
    expect(formatAmount(123450, 'CNY')).toBe('1,234.50');
    expect(formatAmount(-5, 'CNY')).toBe('-0.05');
    expect(formatAmount(1234567, 'JPY')).toBe('1,234,567');
    expect(formatAmount(-1234567, 'KRW')).toBe('-1,234,567');
    expect(formatMoney(100000000000, 'USD')).toBe('USD 1,000,000,000.00');
    expect(toDecimalString(7, 2)).toBe('0.07');
    expect(toDecimalString(0, 0)).toBe('0');
  });

  it('parses typed amounts digit by digit, never through floats', () => {
    expect(parseAmount('4,000.50', 'CNY')).toEqual({ ok: true, minor: 400050 });
    expect(parseAmount('¥ 0.1', 'CNY')).toEqual({ ok: true, minor: 10 });
    // 0.1 + 0.2 style traps: 1.15 * 100 is 114.99999999999999 in floats.
    expect(parseAmount('1.15', 'CNY')).toEqual({ ok: true, minor: 115 });
    expect(parseAmount('8,800', 'CNY')).toEqual({ ok: true, minor: 880000 });
    expect(parseAmount('1000', 'JPY')).toEqual({ ok: true, minor: 1000 });
    expect(parseAmount('1.50', 'JPY')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseAmount('1.0', 'JPY')).toEqual({ ok: true, minor: 1 });
    expect(parseAmount('12.345', 'CNY')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseAmount('12a', 'CNY')).toEqual({ ok: false, reason: 'format' });
    expect(parseAmount('  ', 'CNY')).toEqual({ ok: false, reason: 'empty' });
    expect(parseAmount('99999999999999999', 'CNY')).toEqual({ ok: false, reason: 'range' });
    expect(parseAmount('-3.5', 'CNY')).toEqual({ ok: true, minor: -350 });
    expect(parseAmount('1，234.50', 'CNY')).toEqual({ ok: true, minor: 123450 });
    expect(parseAmount('1,23.4', 'CNY')).toEqual({ ok: false, reason: 'format' });
  });

  it('take the currencies and their minor units from the one money module', () => {
    expect(CURRENCY_MINOR_UNITS).toBe(SHARED_MINOR_UNITS);
    expect(minorUnitsOf('THB')).toBe(2);
    expect(minorUnitsOf('VND')).toBe(0);
    // A code outside the list (never stored) shows with two decimals rather than failing the screen.
    expect(formatAmount(12345, 'XXX')).toBe('123.45');
  });

  it('sums per currency', () => {
    const rows = [
      { c: 'CNY', a: 100 },
      { c: 'USD', a: 5 },
      { c: 'CNY', a: 250 },
    ];
    expect(
      sumByCurrency(
        rows,
        (r) => r.c,
        (r) => r.a,
      ),
    ).toEqual([
      { currency: 'CNY', amount: 350 },
      { currency: 'USD', amount: 5 },
    ]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('web i18n', () => {
  it('has the same keys in zh-CN and en', () => {
    const zh = Object.keys(dictionaries['zh-CN']).sort();
    const en = Object.keys(dictionaries.en).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
  });

  it('defines every literal key the code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('web/src')) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*\.[\w.-]+)'/g)) used.add(match[1]);
      for (const match of text.matchAll(/labelKey: '([\w.-]+)'|group: '([\w.-]+)'/g))
        used.add(match[1] ?? match[2]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((key) => !(key in dictionaries['zh-CN']))).toEqual([]);
  });

  it('fills placeholders and falls back to the key', () => {
    expect(translate('zh-CN', 'invoices.daysOverdue', { days: 45 })).toBe('逾期 45 天');
    expect(translate('en', 'invoices.daysOverdue', { days: 45 })).toBe('45 days late');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
