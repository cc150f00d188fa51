// Amounts as text: parsing and formatting. Amounts are integers of the currency's minor unit (分, cents);
// parsing goes from text to integer digit by digit, never through a float.
import { minorUnitsOf } from './currencies';

export interface Money {
  amount: number; // minor units
  currency: string; // ISO 4217
}

const CURRENCY_SIGNS = /[¥￥$€£₩₫]|RMB|CNY|USD|EUR|HKD|GBP|JPY|元/gi;

// Compiled once: imports parse millions of amounts.
const NOT_PLAIN = /[^\d.,()+-]/;
const DECIMAL_POINT_AMOUNT = /^(\d{1,3}(,\d{3})+|\d+)(\.(\d*))?$/;
const DECIMAL_COMMA_AMOUNT = /^(\d{1,3}(\.\d{3})+|\d+)(,(\d*))?$/;

/**
 * The common case without allocating: unsigned digits, optional thousands groups of three, an optional
 * fraction no longer than the currency allows (trailing zeros aside). Anything else — signs, symbols,
 * malformed groups, too many decimals, huge values — returns undefined for the general parser to
 * accept or explain.
 */
function plainAmount(s: string, minorUnits: number, decimalComma: boolean): number | undefined {
  const groupCode = decimalComma ? 46 : 44; // '.' or ','
  const pointCode = decimalComma ? 44 : 46;
  const length = s.length;
  let whole = 0;
  let digits = 0; // digits in the current group
  let grouped = false;
  let i = 0;
  for (; i < length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      whole = whole * 10 + (code - 48);
      digits++;
    } else if (code === groupCode) {
      if (digits === 0 || (grouped ? digits !== 3 : digits > 3)) return undefined;
      grouped = true;
      digits = 0;
    } else if (code === pointCode) {
      break;
    } else return undefined;
  }
  if (digits === 0 || (grouped && digits !== 3)) return undefined;
  let fraction = 0;
  let places = 0;
  for (i++; i < length; i++) {
    const code = s.charCodeAt(i);
    if (code < 48 || code > 57) return undefined;
    if (places < minorUnits) {
      fraction = fraction * 10 + (code - 48);
      places++;
    } else if (code !== 48) return undefined; // zeros beyond the currency's decimals are harmless (1234.500)
  }
  for (; places < minorUnits; places++) fraction *= 10;
  const minor = whole * 10 ** minorUnits + fraction;
  return Number.isSafeInteger(minor) && Number.isSafeInteger(whole) ? minor : undefined;
}

/** Why text is not an amount: a code for screens to translate, and a reason in English for logs and files. */
export type AmountProblem = 'empty' | 'format' | 'decimals' | 'range';

export type ParseAmountResult =
  | { ok: true; minor: number }
  | { ok: false; reason: string; code?: AmountProblem };

/**
 * Parses what ERP exports and people write: `1,234.50`, `¥1,234.50`, `1234.5`, `-12.00`, `(12.00)`,
 * `1 234,50` (European, when `decimalComma`), `1,234.50元`. More decimals than the currency has is an
 * error rather than silent rounding: a cent lost in an import is a reconciliation problem later.
 */
export function parseAmount(
  text: string,
  minorUnits: number,
  options: { decimalComma?: boolean } = {},
): ParseAmountResult {
  let s = text.trim();
  const fast = plainAmount(s, minorUnits, options.decimalComma === true);
  if (fast !== undefined) return { ok: true, minor: fast };
  // Signs, codes and spaces are rare in bulk exports: only clean when something other than digits is there.
  if (NOT_PLAIN.test(s)) s = s.replace(CURRENCY_SIGNS, '').replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return { ok: false, code: 'empty', reason: 'amount is empty' };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (s.endsWith('-')) {
    // SAP style trailing minus: 1.234,50-
    negative = !negative;
    s = s.slice(0, -1);
  }
  const group = options.decimalComma ? '.' : ',';
  const match = (options.decimalComma ? DECIMAL_COMMA_AMOUNT : DECIMAL_POINT_AMOUNT).exec(s);
  if (!match) return { ok: false, code: 'format', reason: `"${text}" is not an amount` };
  const whole = match[1].split(group).join('');
  const fraction = (match[4] ?? '').replace(/0+$/, '');
  if (fraction.length > minorUnits) {
    return {
      ok: false,
      code: 'decimals',
      reason: `"${text}" has more decimals than the currency's ${minorUnits}`,
    };
  }
  const digits = (whole + fraction.padEnd(minorUnits, '0')).replace(/^0+(?=\d)/, '');
  const minor = Number(digits);
  if (!Number.isSafeInteger(minor)) return { ok: false, code: 'range', reason: `"${text}" is too large` };
  return { ok: true, minor: negative && minor !== 0 ? -minor : minor };
}

/** Minor units to a plain decimal string: 123450, 2 → "1234.50". */
export function toDecimalString(minor: number, minorUnits: number): string {
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(minorUnits + 1, '0');
  const whole = minorUnits === 0 ? digits : digits.slice(0, -minorUnits);
  const fraction = minorUnits === 0 ? '' : `.${digits.slice(-minorUnits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Minor units to a grouped display string: 123450, CNY → "1,234.50". */
export function formatMoney(minor: number, currency: string): string {
  const plain = toDecimalString(minor, minorUnitsOf(currency));
  const [whole, fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Sums integer amounts, failing loudly instead of losing precision. */
export function sumMinor(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) {
    total += value;
    if (!Number.isSafeInteger(total)) throw new Error('sum of amounts is beyond the exact integer range');
  }
  return total;
}
