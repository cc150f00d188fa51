// Reports as tables for CSV and Excel: one column model, two writers. Money is written in major units
// (e.g. 1234.50) from the exact integers; Excel gets numbers with a format, CSV plain decimals.
import ExcelJS from 'exceljs';
import { csvField } from '../shared/csv';
import { CURRENCY_MINOR_UNITS, toDecimalString } from '../shared/money';

export type ColumnType = 'text' | 'money' | 'int' | 'number' | 'date';

export interface Column {
  header: string;
  key: string;
  type: ColumnType;
  /** Currency of a money column; or the row field holding it (`currencyKey`). */
  currency?: string;
  currencyKey?: string;
}

export interface Table {
  title: string;
  /** Lines above the header row (a statement's letterhead), and below the rows (its confirmation). */
  preamble?: string[];
  columns: Column[];
  rows: Record<string, unknown>[];
  footer?: string[];
}

/** A cell's text, and whether it is a number we wrote (money, counts, ratios) rather than data as typed. */
function cell(column: Column, row: Record<string, unknown>): { text: string; numeric: boolean } {
  const value = row[column.key];
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (column.type === 'money') {
    const currency = column.currency ?? String(row[column.currencyKey ?? 'currency'] ?? 'CNY');
    return { text: toDecimalString(Number(value), CURRENCY_MINOR_UNITS[currency] ?? 2), numeric: true };
  }
  const numeric = (column.type === 'int' || column.type === 'number') && typeof value === 'number';
  return { text: String(value), numeric };
}

const cellText = (column: Column, row: Record<string, unknown>) => cell(column, row).text;

/**
 * One CSV field. Numbers stay as they are, so that a negative amount is still a number; everything else
 * (names, references, titles) goes through csvField (shared/csv), which quotes it and defuses text a
 * spreadsheet would run as a formula (a customer named `=HYPERLINK(...)`).
 */
function csvCell(column: Column, row: Record<string, unknown>): string {
  const { text, numeric } = cell(column, row);
  return numeric ? text : csvField(text);
}

/** CSV (UTF-8 with BOM so that Excel opens Chinese names correctly); several tables one after another. */
export function toCsv(tables: Table[]): string {
  const parts: string[] = [];
  for (const table of tables) {
    if (tables.length > 1) parts.push(csvField(table.title));
    for (const line of table.preamble ?? []) parts.push(csvField(line));
    parts.push(table.columns.map((c) => csvField(c.header)).join(','));
    for (const row of table.rows) parts.push(table.columns.map((c) => csvCell(c, row)).join(','));
    if (table.footer?.length) parts.push('', ...table.footer.map((line) => csvField(line)));
    if (tables.length > 1) parts.push('');
  }
  return `\uFEFF${parts.join('\r\n')}\r\n`;
}

/** Display width of a header: a Chinese character takes two columns. */
const wideLength = (text: string) => [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

/** One worksheet per table: its preamble lines, a bold header row (frozen), the rows, its footer lines. */
export async function toXlsx(tables: Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'huikuan';
  const used = new Set<string>();
  for (const table of tables) {
    let name = table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet';
    while (used.has(name)) name = `${name.slice(0, 28)}_${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    const preamble = table.preamble ?? [];
    for (const [k, line] of preamble.entries()) {
      const row = sheet.addRow([line]);
      if (k === 0) row.font = { bold: true, size: 14 };
    }
    if (preamble.length > 0) sheet.addRow([]);
    const headerRow = sheet.addRow(table.columns.map((c) => c.header));
    headerRow.font = { bold: true };
    table.columns.forEach((c, k) => {
      const column = sheet.getColumn(k + 1);
      column.key = c.key;
      column.width = Math.max(12, wideLength(c.header) + 2);
      if (c.type === 'money') column.numFmt = '#,##0.00';
    });
    for (const row of table.rows) {
      const values: Record<string, unknown> = {};
      for (const c of table.columns) {
        const text = cellText(c, row);
        values[c.key] = c.type === 'text' || c.type === 'date' || text === '' ? text : Number(text);
      }
      sheet.addRow(values);
    }
    if (table.footer?.length) {
      sheet.addRow([]);
      for (const line of table.footer) sheet.addRow([line]);
    }
    sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
