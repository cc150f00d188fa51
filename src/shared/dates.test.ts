import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isoFromUtcDate,
  isValidIsoDate,
  parseDate,
  parseDateWithFormat,
  slashOrderOf,
  todayIn,
} from './dates';

const date = (text: string, format?: string, order?: 'MDY' | 'DMY') => {
  const result = parseDate(text, format, order);
  return result.ok ? result.date : `error: ${result.reason}`;
};

describe('parseDate without a format', () => {
  it('reads the unambiguous forms', () => {
    expect(date('2013-01-06')).toBe('2013-01-06');
    expect(date('2013-1-6')).toBe('2013-01-06');
    expect(date('2013/1/6')).toBe('2013-01-06');
    expect(date('2013.01.06')).toBe('2013-01-06');
    expect(date('2013年1月6日')).toBe('2013-01-06');
    expect(date('2013年01月06日')).toBe('2013-01-06');
    expect(date('20130106')).toBe('2013-01-06');
    expect(date(' 2013-01-06 00:00:00 ')).toBe('2013-01-06');
  });

  it('reads a/b/yyyy month first unless told day first', () => {
    expect(date('1/6/2013')).toBe('2013-01-06');
    expect(date('1/6/2013', undefined, 'DMY')).toBe('2013-06-01');
    expect(date('13/6/2013')).toMatch(/not a real calendar date/);
    expect(date('13/6/2013', undefined, 'DMY')).toBe('2013-06-13');
  });

  it('reads dotted day.month.year day first', () => {
    expect(date('06.01.2013')).toBe('2013-01-06');
    expect(date('6.1.2013', undefined, 'MDY')).toBe('2013-01-06');
  });

  it('refuses impossible and malformed dates', () => {
    expect(date('2013-02-29')).toMatch(/not a real calendar date/);
    expect(date('2012-02-29')).toBe('2012-02-29');
    expect(date('2000-02-29')).toBe('2000-02-29');
    expect(date('1900-02-29')).toMatch(/not a real calendar date/);
    expect(date('2013-13-01')).toMatch(/not a real calendar date/);
    expect(date('2013-04-31')).toMatch(/not a real calendar date/);
    expect(date('')).toMatch(/empty/);
    expect(date('yesterday')).toMatch(/not a date/);
    // Seven digits cannot be read as YYYYMMDD: 2013-1-16 or 2013-11-6?
    expect(date('2013116')).toMatch(/not a date/);
    expect(date('2013-01-06 14:30:00')).toMatch(/not a date/);
  });
});

describe('parseDateWithFormat', () => {
  it('follows the declared format', () => {
    expect(parseDateWithFormat('1/6/2013', 'M/D/YYYY')).toEqual({ ok: true, date: '2013-01-06' });
    expect(parseDateWithFormat('01/06/2013', 'M/D/YYYY')).toEqual({ ok: true, date: '2013-01-06' });
    expect(parseDateWithFormat('6/1/2013', 'D/M/YYYY')).toEqual({ ok: true, date: '2013-01-06' });
    expect(parseDateWithFormat('06.01.13', 'DD.MM.YY')).toEqual({ ok: true, date: '2013-01-06' });
    expect(parseDateWithFormat('06.01.75', 'DD.MM.YY')).toEqual({ ok: true, date: '1975-01-06' });
    expect(parseDateWithFormat('2013/01/06', 'YYYY/MM/DD')).toEqual({ ok: true, date: '2013-01-06' });
    expect(parseDateWithFormat('2013-01-06', 'M/D/YYYY').ok).toBe(false);
    expect(parseDateWithFormat('2/30/2013', 'M/D/YYYY').ok).toBe(false);
  });
});

describe('slashOrderOf', () => {
  it('tells which order an a/b/yyyy value allows', () => {
    expect(slashOrderOf('13/6/2013')).toBe('DMY');
    expect(slashOrderOf('12/31/2013')).toBe('MDY');
    expect(slashOrderOf('1-13-2013 00:00')).toBe('MDY');
    expect(slashOrderOf('1/6/2013')).toBe('either');
    expect(slashOrderOf('13/13/2013')).toBe('either');
    // Not read through the slash order: ISO, dotted (always day first), text.
    expect([slashOrderOf('2013-01-06'), slashOrderOf('13.06.2013'), slashOrderOf('')]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('date arithmetic', () => {
  it('adds days and counts across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 31)).toBe('2024-01-31');
    expect(daysBetween('2024-01-06', '2024-03-06')).toBe(60);
    expect(isValidIsoDate('2024-02-30')).toBe(false);
  });

  it('takes calendar dates from XLSX cells and time zones without shifting', () => {
    expect(isoFromUtcDate(new Date(Date.UTC(2013, 0, 6)))).toBe('2013-01-06');
    const instant = new Date('2024-01-05T17:30:00Z');
    expect(todayIn('Asia/Shanghai', instant)).toBe('2024-01-06');
    expect(todayIn('America/New_York', instant)).toBe('2024-01-05');
  });
});

describe('todayIn', () => {
  it('builds one date formatter per time zone, not one per call (the server asks on every request)', () => {
    const Original = Intl.DateTimeFormat;
    let built = 0;
    const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built += 1;
      return new Original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = Counting;
    try {
      const instant = new Date('2024-01-05T17:30:00Z');
      for (let k = 0; k < 3; k++) expect(todayIn('Pacific/Chatham', instant)).toBe('2024-01-06');
      expect(todayIn('America/Anchorage', instant)).toBe('2024-01-05');
      expect(built).toBe(2);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});
