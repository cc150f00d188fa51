// Use case: look at a file before importing it — how it is read, its headers and first rows, and which
// column the importer would take for each field (the mapping screen starts from this suggestion).
import { type Actor, assertCan } from '../../platform/auth/actor';
import { sniffSlashOrder } from '../../shared/dates';
import { fieldsOf, type ImportKind } from './fields';
import { recognisedHeaderCount } from './headers';
import { type ImportMapping, resolveColumns, unmappedRequired } from './mapping';
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
  // Slash dates are ambiguous (1/6/2013): say which reading the first rows suggest.
  const dateSamples = fieldsOf(input.kind)
    .filter((field) => field.type === 'date' && resolved.index.has(field.name))
    .flatMap((field) => rows.map((row) => cellText(row.cells[resolved.index.get(field.name)!] ?? null)));
  if (mapping.dateFormat) suggestedMapping.dateFormat = mapping.dateFormat;
  else if (dateSamples.some((text) => /^\d{1,2}\/\d{1,2}\/\d{4}/.test(text))) {
    suggestedMapping.dateFormat = sniffSlashOrder(dateSamples) === 'DMY' ? 'D/M/YYYY' : 'M/D/YYYY';
  }
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
