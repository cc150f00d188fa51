// Calendar dates without time: `YYYY-MM-DD` strings, never shifted by time zones. Arithmetic goes through
// UTC day numbers, which have no daylight-saving gaps.

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  // Digit by digit rather than a regex: imports check millions of these.
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  return isRealDate(year, month, day);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The dates the system accepts: a year outside is a typo or a placeholder (9999-12-31), not a due date. */
export const DATE_RANGE = { from: '1900-01-01', to: '2999-12-31', firstYear: 1900, lastYear: 2999 } as const;

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < DATE_RANGE.firstYear || year > DATE_RANGE.lastYear || month < 1 || month > 12 || day < 1)
    return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function toDayNumber(date: IsoDate): number {
  const match = ISO.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

export function fromDayNumber(day: number): IsoDate {
  const d = new Date(day * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

// One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting with it, and
// the server asks for today's date on every request.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** Today's calendar date in a time zone (the business's, not the server's). */
export function todayIn(timeZone = 'Asia/Shanghai', now = new Date()): IsoDate {
  const parts: Record<string, string> = {};
  for (const part of dayFormat(timeZone).formatToParts(now)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * Date formats found in ERP exports. Tokens: YYYY, YY, M, MM, D, DD; any other character is a literal.
 * `M/D/YYYY` also accepts `01/06/2013`, since exports pad inconsistently.
 */
export type DateFormat = string;

export type ParseDateResult = { ok: true; date: IsoDate } | { ok: false; reason: string };

interface CompiledFormat {
  regex: RegExp;
  order: Array<'Y' | 'YY' | 'M' | 'D'>;
}

// Imports parse millions of dates with a handful of formats: compile each format once.
const compiledFormats = new Map<DateFormat, CompiledFormat>();

function compileFormat(format: DateFormat): CompiledFormat {
  const cached = compiledFormats.get(format);
  if (cached) return cached;
  let pattern = '';
  const order: CompiledFormat['order'] = [];
  const isToken = (ch: string | undefined) => ch === 'Y' || ch === 'M' || ch === 'D';
  for (let i = 0; i < format.length; ) {
    const rest = format.slice(i);
    if (rest.startsWith('YYYY')) {
      pattern += '(\\d{4})';
      order.push('Y');
      i += 4;
    } else if (rest.startsWith('YY')) {
      pattern += '(\\d{2})';
      order.push('YY');
      i += 2;
    } else if (rest.startsWith('MM') || rest.startsWith('DD')) {
      // Padding is optional between separators, but in a compact form such as YYYYMMDD it is what tells
      // 2013116 (ambiguous) from 20130116, so there exactly two digits are required.
      const compact = isToken(format[i - 1]) || isToken(format[i + 2]);
      pattern += compact ? '(\\d{2})' : '(\\d{1,2})';
      order.push(rest[0] as 'M' | 'D');
      i += 2;
    } else if (rest[0] === 'M' || rest[0] === 'D') {
      pattern += '(\\d{1,2})';
      order.push(rest[0] as 'M' | 'D');
      i += 1;
    } else {
      pattern += rest[0].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i += 1;
    }
  }
  // Exports often append a midnight time to dates: accept and ignore a trailing 00:00[:00].
  const compiled = { regex: new RegExp(`^${pattern}(?:[ T]0?0:00(?::00(?:\\.0+)?)?)?$`), order };
  if (compiledFormats.size > 200) compiledFormats.clear(); // user-supplied formats: stay bounded
  compiledFormats.set(format, compiled);
  return compiled;
}

export function parseDateWithFormat(text: string, format: DateFormat): ParseDateResult {
  const value = text.trim();
  const { regex, order } = compileFormat(format);
  const match = regex.exec(value);
  if (!match) return { ok: false, reason: `"${text}" does not match date format ${format}` };
  let year = 0;
  let month = 0;
  let day = 0;
  order.forEach((token, index) => {
    const n = Number(match[index + 1]);
    if (token === 'Y') year = n;
    else if (token === 'YY') year = n < 70 ? 2000 + n : 1900 + n;
    else if (token === 'M') month = n;
    else day = n;
  });
  if (!isRealDate(year, month, day)) return { ok: false, reason: notRealReason(text, year) };
  return { ok: true, date: iso(year, month, day) };
}

/** Why a date that fits its format is refused: a year out of the accepted range, or no such day. */
export function notRealReason(text: string, year: number): string {
  if (year < DATE_RANGE.firstYear || year > DATE_RANGE.lastYear) return outOfRangeReason(text);
  return `"${text}" is not a real calendar date`;
}

export function outOfRangeReason(text: string): string {
  return `"${text}" is out of the accepted range of dates (${DATE_RANGE.from} to ${DATE_RANGE.to})`;
}

/** How `a/b/yyyy` is read when no format is given: month first or day first. */
export type SlashOrder = 'MDY' | 'DMY';

/** Formats tried, in order, when the user gave none. Year-first and Chinese forms are unambiguous. */
const AUTO_FORMATS = ['YYYY-M-D', 'YYYY/M/D', 'YYYY.M.D', 'YYYY年M月D日', 'YYYYMMDD'];

/**
 * Parses a date without a declared format. Year-first and Chinese forms are unambiguous. For `1/6/2013`
 * the reading is `slashOrder`: month first by default (Excel's export, and 2013-01-06 in the domain's
 * examples); the importer decides it for a whole file from its first rows (see `slashOrderOf`). A value
 * that is impossible in the chosen order is an error, never re-read.
 */
export function parseDate(
  text: string,
  format?: DateFormat,
  slashOrder: SlashOrder = 'MDY',
): ParseDateResult {
  if (format) return parseDateWithFormat(text, format);
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'date is empty' };
  // Fast path for the commonest export form, 2013-01-06 (imports parse millions of these).
  if (value.length === 10 && value.charCodeAt(4) === 45 && ISO.test(value)) {
    return isValidIsoDate(value)
      ? { ok: true, date: value }
      : { ok: false, reason: notRealReason(text, Number(value.slice(0, 4))) };
  }
  for (const candidate of AUTO_FORMATS) {
    const result = parseDateWithFormat(value, candidate);
    if (result.ok) return result;
  }
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(value)) {
    // Dotted dates (06.01.2013) are day-first wherever they are written; no locale writes M.D.YYYY.
    const order = value.includes('.') ? 'DMY' : slashOrder;
    const normalized = value.replace(/[.-]/g, '/');
    return parseDateWithFormat(normalized, order === 'MDY' ? 'M/D/YYYY' : 'D/M/YYYY');
  }
  return { ok: false, reason: `"${text}" is not a date` };
}

/**
 * Which order an `a/b/yyyy` value (slashes or dashes) allows: only month first (1/13/2013), only day first
 * (13/1/2013), or `either` (1/6/2013, and 13/13/2013, which fits none). Null for the values the order does
 * not apply to: year first, dotted (always day first) and anything else.
 */
export function slashOrderOf(text: string): SlashOrder | 'either' | null {
  const match = /^\s*(\d{1,2})[/-](\d{1,2})[/-]\d{4}/.exec(text);
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  if (first > 12 && second <= 12) return 'DMY';
  if (second > 12 && first <= 12) return 'MDY';
  return 'either';
}

/** A JS Date from an XLSX cell (exceljs gives UTC midnight for date cells) to an ISO date. */
export function isoFromUtcDate(date: Date): IsoDate {
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
