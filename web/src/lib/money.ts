// Money on screen. The arithmetic, the currencies' minor units, parsing and grouping come from the one
// money module (src/shared/money, pure code shared with the server); this file only adapts it to the
// screens: the ISO code beside amounts, reasons as codes to translate, and totals per currency.
import {
  type AmountProblem,
  CURRENCY_MINOR_UNITS,
  formatMoney as groupedAmount,
  isKnownCurrency,
  parseAmount as parseMinor,
  toDecimalString,
} from '../../../src/shared/money';

export { CURRENCY_MINOR_UNITS, toDecimalString };

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

/** The currency's decimals; an unknown code (never stored: the currency table is the same list) shows 2. */
export function minorUnitsOf(currency: string): number {
  return isKnownCurrency(currency) ? CURRENCY_MINOR_UNITS[currency] : 2;
}

/** 123450, CNY → "1,234.50". */
export function formatAmount(minor: number, currency: string): string {
  return isKnownCurrency(currency)
    ? groupedAmount(minor, currency)
    : toDecimalString(minor, 2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 123450, CNY → "CNY 1,234.50" (the ISO code is unambiguous, unlike ¥ for CNY and JPY). */
export function formatMoney(minor: number, currency: string): string {
  return `${currency} ${formatAmount(minor, currency)}`;
}

export function currencySymbol(currency: string): string {
  return SYMBOLS[currency] ?? currency;
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; reason: AmountProblem };

/** "1,234.5" → 123450 for a 2-decimal currency. Rejects more decimals than the currency has. */
export function parseAmount(text: string, currency: string): ParsedAmount {
  // A Chinese keyboard types the full-width comma (，) as a thousands separator.
  const parsed = parseMinor(text.replace(/，/g, ','), minorUnitsOf(currency));
  return parsed.ok ? parsed : { ok: false, reason: parsed.code ?? 'format' };
}

/** Adds integer amounts per currency, e.g. for totals rows. */
export function sumByCurrency<T>(
  rows: T[],
  currencyOf: (row: T) => string,
  amountOf: (row: T) => number,
): Array<{ currency: string; amount: number }> {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(currencyOf(row), (totals.get(currencyOf(row)) ?? 0) + amountOf(row));
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}
