// Money on screen: amounts arrive as integers of the currency's minor unit (分, cents) and are shown by
// string manipulation, never by dividing floats; typed amounts are parsed digit by digit the same way.

const MINOR_UNITS: Record<string, number> = {
  CNY: 2,
  USD: 2,
  EUR: 2,
  HKD: 2,
  GBP: 2,
  JPY: 0,
  KRW: 0,
  VND: 0,
  SGD: 2,
  AUD: 2,
  CAD: 2,
  CHF: 2,
  TWD: 2,
  BHD: 3,
  KWD: 3,
};

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

/** Learns minor units from GET /api/currencies so new currencies display right. */
export function registerCurrencies(items: Array<{ code: string; minorUnits: number }>): void {
  for (const item of items) MINOR_UNITS[item.code] = item.minorUnits;
}

export function minorUnitsOf(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}

/** 123450, 2 → "1234.50"; -5, 2 → "-0.05". */
export function toDecimalString(minor: number, minorUnits: number): string {
  const negative = minor < 0;
  const digits = String(Math.abs(Math.trunc(minor))).padStart(minorUnits + 1, '0');
  const whole = minorUnits === 0 ? digits : digits.slice(0, -minorUnits);
  const fraction = minorUnits === 0 ? '' : `.${digits.slice(-minorUnits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** 123450, CNY → "1,234.50". */
export function formatAmount(minor: number, currency: string): string {
  const plain = toDecimalString(minor, minorUnitsOf(currency));
  const [whole, fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** 123450, CNY → "CNY 1,234.50" (the ISO code is unambiguous, unlike ¥ for CNY and JPY). */
export function formatMoney(minor: number, currency: string): string {
  return `${currency} ${formatAmount(minor, currency)}`;
}

export function currencySymbol(currency: string): string {
  return SYMBOLS[currency] ?? currency;
}

export type ParsedAmount =
  | { ok: true; minor: number }
  | { ok: false; reason: 'empty' | 'format' | 'decimals' | 'range' };

/** "1,234.5" → 123450 for a 2-decimal currency. Rejects more decimals than the currency has. */
export function parseAmount(text: string, currency: string): ParsedAmount {
  const minorUnits = minorUnitsOf(currency);
  let s = text.trim().replace(/[\s,，¥￥$€£]/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!match) return { ok: false, reason: 'format' };
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > minorUnits) return { ok: false, reason: 'decimals' };
  const digits = (match[1] + fraction.padEnd(minorUnits, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: 'range' };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
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
