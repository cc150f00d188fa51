// Use case: look at a file before importing it — how it is read, its headers and first rows, and which
// column the importer would take for each field (the mapping screen starts from this suggestion).
import { type Actor, assertCan } from '../../platform/auth/actor';
import { decideDateOrder } from './date-order';
import type { ImportKind } from './fields';
import { recognisedHeaderCount } from './headers';
import { type ImportMapping, resolveColumns, unmappedRequired } from './mapping';
import { dateSamples } from './row-context';
import { headerTexts, openSource, type SourceRow } from './source';
import { cellText } from './values';

export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: { columns: Record<string, string>; dateFormat?: string };
  unmappedRequired: string[];
}

const SAMPLE = 20;

export async function previewImport(
  actor: Actor,
  input: { kind: ImportKind; filePath: string; fileName: string; mapping?: ImportMapping },
): Promise<ImportPreview> {
  assertCan(actor, 'imports:write');
  const mapping = input.mapping ?? {};
  const mapped = new Set(Object.values(mapping.columns ?? {}));
  const source = await openSource(input.filePath, {
    headerScore: (texts) =>
      recognisedHeaderCount(input.kind, texts) + texts.filter((t) => mapped.has(t)).length,
    encoding: mapping.encoding,
  });
  const rows: SourceRow[] = [];
  try {
    for await (const batch of source.rows) {
      rows.push(...batch.slice(0, SAMPLE - rows.length));
      if (rows.length >= SAMPLE) break;
    }
  } finally {
    await source.rows.return(undefined);
  }
  const headers = headerTexts(source.header);
  const resolved = resolveColumns(input.kind, headers, mapping, source.header?.line ?? 1);
  const suggestedMapping: ImportPreview['suggestedMapping'] = { columns: resolved.columns };
  // Slash dates are ambiguous (1/6/2013): say which reading the first rows suggest (none if they disagree).
  const dates = decideDateOrder(dateSamples(input.kind, resolved, rows), mapping.dateFormat);
  if (dates.reading) suggestedMapping.dateFormat = dates.reading.format;
  return {
    fileName: input.fileName,
    format: source.info.format,
    encoding: source.info.encoding,
    delimiter: source.info.delimiter,
    headers,
    sampleRows: rows.map((row) => row.cells.map((cell) => cellText(cell))),
    suggestedMapping,
    unmappedRequired: unmappedRequired(input.kind, resolved.columns, mapping),
  };
}
