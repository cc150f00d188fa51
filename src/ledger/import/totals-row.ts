// ERP exports (Kingdee, Yonyou) end with a totals row: 合计 in one column, the sum under 金额, nothing under
// the customer code or document number. It is not a record: it is skipped, and the result says so.
import { fieldsOf, type ImportKind } from './fields';
import type { Cell } from './values';
import { cellText } from './values';

const TOTAL_WORDS = new Set([
  '合计',
  '总计',
  '小计',
  '总合计',
  '本页合计',
  '本页小计',
  '本期合计',
  '累计',
  '合计金额',
  'total',
  'totals',
  'grandtotal',
  'subtotal',
  'sum',
]);

function totalWord(cell: Cell | undefined): string | null {
  const text = cellText(cell ?? null);
  if (text === '' || text.length > 20) return null;
  const key = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s:：]+/g, '');
  return TOTAL_WORDS.has(key) ? text : null;
}

/** The columns that identify a record of the kind (required text fields: customer code, document number). */
export function keyColumns(kind: ImportKind, index: Map<string, number>): number[] {
  return fieldsOf(kind)
    .filter((field) => field.required && field.type === 'text' && index.has(field.name))
    .map((field) => index.get(field.name)!);
}

/**
 * The totals word when the row is a totals row: one of its cells says 合计/总计/小计/Total, and its key
 * columns are empty or hold that word. null for any other row.
 */
export function totalsRowWord(cells: Cell[], keys: number[]): string | null {
  let word: string | null = null;
  for (const cell of cells) {
    word = totalWord(cell);
    if (word) break;
  }
  if (!word) return null;
  for (const at of keys) {
    if (cellText(cells[at] ?? null) !== '' && !totalWord(cells[at])) return null;
  }
  return word;
}
