import { describe, expect, it } from 'vitest';
import { type Table, toCsv } from './export-tables';

const table: Table = {
  title: '=cmd|calc',
  columns: [
    { header: 'Customer', key: 'name', type: 'text' },
    { header: 'Code', key: 'code', type: 'text' },
    { header: 'Balance', key: 'balance', type: 'money', currency: 'CNY' },
    { header: 'Days', key: 'days', type: 'int' },
    { header: 'DSO', key: 'dso', type: 'number' },
  ],
  rows: [
    { name: '=HYPERLINK("http://evil","点我")', code: '-C1', balance: -1234_50, days: -3, dso: -1.5 },
    { name: '@SUM(A1)', code: '+86', balance: 100, days: 0, dso: null },
    { name: '\tTab', code: '王芳,李', balance: null, days: 7, dso: 12.25 },
  ],
};

describe('toCsv', () => {
  it('defuses text a spreadsheet would run as a formula, and keeps negative numbers numbers', () => {
    const lines = toCsv([table, { ...table, title: 'second', rows: [] }])
      .replace('\uFEFF', '')
      .split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      "'=cmd|calc",
      'Customer,Code,Balance,Days,DSO',
      `"'=HYPERLINK(""http://evil"",""点我"")",'-C1,-1234.50,-3,-1.5`,
      "'@SUM(A1),'+86,1.00,0,",
      `'\tTab,"王芳,李",,7,12.25`,
    ]);
  });
});
