// Recognising the columns of an ERP export without a mapping file: headers are compared after folding
// case, full-width forms (ＡＢＣ，（）), spaces and punctuation, so "Invoice No.", "invoice_no" and
// "INVOICE NO" are one header, and "客户编码*" (Excel's required marker) is "客户编码".
import { type FieldDef, fieldsOf, type ImportKind } from './fields';

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./:：*#()（）[\]【】"'“”]+/g, '')
    .trim();
}

function aliasKeys(field: FieldDef): string[] {
  return [field.name, ...field.aliases].map(normalizeHeader);
}

/**
 * Suggests a column for each field of the kind from the file's headers. A header serves one field; fields
 * are matched in catalogue order by the best (earliest) alias, so "发票号" goes to the invoice number
 * before a later field that also lists it.
 */
export function suggestColumns(kind: ImportKind, headers: string[]): Record<string, string> {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const columns: Record<string, string> = {};
  for (const field of fieldsOf(kind)) {
    for (const key of aliasKeys(field)) {
      const index = normalized.findIndex((header, i) => header === key && !used.has(i));
      if (index >= 0) {
        used.add(index);
        columns[field.name] = headers[index];
        break;
      }
    }
  }
  return columns;
}

/** How many headers of a row are recognised for the kind: picks the header row under title lines. */
export function recognisedHeaderCount(kind: ImportKind, cells: string[]): number {
  return Object.keys(suggestColumns(kind, cells)).length;
}
