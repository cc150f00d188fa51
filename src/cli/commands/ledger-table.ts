// Aligned text tables for the ledger commands. Chinese characters take two terminal columns, so widths
// are measured in display columns, not string length.

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** Terminal columns of one code point: 2 for East Asian wide and full-width characters. */
function columnsOf(codePoint: number): number {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd);
  return wide ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += columnsOf(char.codePointAt(0) ?? 0);
  return width;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Header, a rule, then one line per row; cells may hold several lines joined with "\n". */
export function formatTable(columns: Column[], rows: string[][]): string {
  const split = rows.map((row) => row.map((cell) => (cell ?? '').split('\n')));
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.header), ...split.flatMap((row) => row[i].map(displayWidth))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i], columns[i].align ?? 'left'))
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w)))];
  for (const row of split) {
    const height = Math.max(1, ...row.map((cell) => cell.length));
    for (let k = 0; k < height; k += 1) out.push(line(row.map((cell) => cell[k] ?? '')));
  }
  return `${out.join('\n')}\n`;
}

/** `--limit` as an integer; the use case checks the range. */
export function cliLimit(text: string): number {
  const value = Number(text);
  return Number.isInteger(value) ? value : Number.NaN;
}
