// PostgreSQL COPY text format for staging rows: tab-separated, \N for NULL, backslash escapes.

export type StageValue = string | number | boolean | null | string[];

const SPECIAL = /[\\\t\n\r]/;

function escapeText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  );
}

/** A text[] literal: {"a","b\"c"}. */
function arrayLiteral(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`).join(',')}}`;
}

// Reused for every row: a million rows would otherwise make tens of millions of short-lived string pieces.
const parts: string[] = [];

export function copyLine(values: StageValue[]): string {
  parts.length = values.length;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null) parts[i] = '\\N';
    else if (typeof value === 'string') parts[i] = escapeText(value);
    else if (typeof value === 'number') parts[i] = String(value);
    else if (typeof value === 'boolean') parts[i] = value ? 't' : 'f';
    else parts[i] = escapeText(arrayLiteral(value));
  }
  return `${parts.join('\t')}\n`;
}
