// Cell values to typed values. CSV cells are text; XLSX cells may also be numbers, booleans and dates.
// Money never goes through float arithmetic: a numeric cell is printed with the currency's decimals and
// parsed as text, and a number with more precision than the currency has is refused.

import {
  DATE_RANGE,
  fromDayNumber,
  isoFromUtcDate,
  outOfRangeReason,
  type ParseDateResult,
  parseDate,
  type SlashOrder,
} from '../../shared/dates';
import { type ParseAmountResult, parseAmount } from '../../shared/money';

export type Cell = string | number | boolean | Date | null;

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : isoFromUtcDate(cell);
  return String(cell);
}

export function cellAmount(cell: Cell, minorUnits: number, decimalComma = false): ParseAmountResult {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, reason: `${cell} is not an amount` };
    const fixed = cell.toFixed(minorUnits);
    // toFixed rounds; a cell such as 12.345 in CNY is refused, float noise such as 0.30000000000000004 is not.
    if (Math.abs(Number(fixed) - cell) > 1e-9 * Math.max(1, Math.abs(cell))) {
      return { ok: false, reason: `${cell} has more decimals than the currency's ${minorUnits}` };
    }
    return parseAmount(fixed, minorUnits);
  }
  return parseAmount(cellText(cell), minorUnits, { decimalComma });
}

// Excel's 1900 date system: serial 25569 is 1970-01-01.
const EXCEL_EPOCH_OFFSET = 25_569;

export function cellDate(cell: Cell, format: string | undefined, slashOrder: SlashOrder): ParseDateResult {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, reason: 'invalid date cell' };
    return inRange(isoFromUtcDate(cell));
  }
  if (typeof cell === 'number') {
    // A date cell without a date format arrives as its serial number.
    if (Number.isInteger(cell) && cell > 0 && cell < 2_958_466) {
      return inRange(fromDayNumber(cell - EXCEL_EPOCH_OFFSET));
    }
    return { ok: false, reason: `${cell} is not a date` };
  }
  return parseDate(cellText(cell), format, slashOrder);
}

function inRange(date: string): ParseDateResult {
  if (date < DATE_RANGE.from || date > DATE_RANGE.to) return { ok: false, reason: outOfRangeReason(date) };
  return { ok: true, date };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 't', 'x', '是', '有', '√', '✓', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'f', '否', '无', '没有', 'off', '-']);

/** true/false, or null when the text is not a yes/no word. Empty is false. */
export function cellBoolean(cell: Cell): boolean | null {
  if (typeof cell === 'boolean') return cell;
  const text = cellText(cell).toLowerCase();
  if (text === '' || FALSE_WORDS.has(text)) return false;
  if (TRUE_WORDS.has(text)) return true;
  return null;
}

/** A whole number of days, or null. */
export function cellInteger(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? cell : null;
  const text = cellText(cell).replace(/\s*(天|days?|d)$/i, '');
  return /^\d{1,6}$/.test(text) ? Number(text) : null;
}

const CURRENCY_NAMES: Record<string, string> = {
  人民币: 'CNY',
  RMB: 'CNY',
  元: 'CNY',
  美元: 'USD',
  US$: 'USD',
  欧元: 'EUR',
  港币: 'HKD',
  港元: 'HKD',
  英镑: 'GBP',
  日元: 'JPY',
  韩元: 'KRW',
  新加坡元: 'SGD',
  澳元: 'AUD',
  加元: 'CAD',
  瑞士法郎: 'CHF',
  新台币: 'TWD',
};

/** The ISO code the cell names (人民币 → CNY, usd → USD); unknown codes are checked by the caller. */
export function cellCurrency(cell: Cell): string {
  const text = cellText(cell);
  // Own keys only: a cell reading "constructor" is an unknown currency, not Object's constructor.
  const named = [text, text.toUpperCase()].find((key) => Object.hasOwn(CURRENCY_NAMES, key));
  return named === undefined ? text.toUpperCase() : CURRENCY_NAMES[named];
}

/** "INV-1, INV-2；INV-3" → ["INV-1", "INV-2", "INV-3"]. */
export function cellList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[,;，；、|\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}
