// The mapping file: which source column feeds which field, the date format, defaults for absent values and,
// when sniffing cannot tell, the file's encoding.
//   {"columns": {"invoice_number": "Inv #", ...}, "dateFormat": "M/D/YYYY", "defaults": {"currency": "USD"},
//    "encoding": "gbk"}
// Fields the mapping leaves out are still recognised from the headers, so a mapping only has to name
// what the recogniser cannot guess.
import type { FieldProblem } from '../../platform/errors';
import { invalid, msg } from '../../platform/errors';
import { fieldOf, fieldsOf, type ImportKind } from './fields';
import { normalizeHeader, suggestColumns } from './headers';
import { encodingNamed, type TextEncoding } from './sniff';

export interface ImportMapping {
  columns?: Record<string, string>;
  /** Tokens YYYY YY M MM D DD, e.g. "M/D/YYYY", "DD.MM.YYYY", "YYYY年M月D日". */
  dateFormat?: string;
  defaults?: Record<string, string>;
  /** Amounts written 1.234,50 (European exports). */
  decimalComma?: boolean;
  /** The CSV's encoding, when sniffing is not to be trusted (gbk is read as its superset gb18030). */
  encoding?: TextEncoding;
  /** Invoices and history: a customer code the file gives no name for is created, named by its code. */
  createCustomers?: boolean;
}

const MAPPING_KEYS = new Set([
  'columns',
  'dateFormat',
  'defaults',
  'decimalComma',
  'encoding',
  'createCustomers',
]);
/** The kinds whose rows may create their customers. */
export const CUSTOMER_CREATING_KINDS: readonly ImportKind[] = ['invoices', 'history'];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a mapping (parsed JSON) against the kind's fields; every mistake is reported at once. */
export function parseMapping(kind: ImportKind, value: unknown): ImportMapping {
  if (value === undefined || value === null) return {};
  const problems: FieldProblem[] = [];
  if (!isPlainObject(value)) throw invalid(msg('mappingNotObject'));
  for (const key of Object.keys(value)) {
    if (!MAPPING_KEYS.has(key)) problems.push({ field: key, reason: `unknown mapping key "${key}"` });
  }
  const mapping: ImportMapping = {};
  for (const part of ['columns', 'defaults'] as const) {
    const section = value[part];
    if (section === undefined) continue;
    if (!isPlainObject(section)) {
      problems.push({ field: part, reason: `${part} must be an object of field → text` });
      continue;
    }
    const entries: Record<string, string> = {};
    for (const [field, text] of Object.entries(section)) {
      if (!fieldOf(kind, field)) {
        problems.push({
          field: `${part}.${field}`,
          reason: `${kind} has no field "${field}"; fields: ${fieldsOf(kind)
            .map((f) => f.name)
            .join(', ')}`,
        });
      } else if (typeof text !== 'string' && typeof text !== 'number' && typeof text !== 'boolean') {
        problems.push({ field: `${part}.${field}`, reason: 'must be a string' });
      } else {
        entries[field] = String(text);
      }
    }
    mapping[part] = entries;
  }
  if (value.dateFormat !== undefined) {
    if (typeof value.dateFormat !== 'string' || !/[YMD]/.test(value.dateFormat)) {
      problems.push({
        field: 'dateFormat',
        reason: 'dateFormat must use the tokens YYYY, M, D, e.g. M/D/YYYY',
      });
    } else mapping.dateFormat = value.dateFormat;
  }
  if (value.decimalComma !== undefined) mapping.decimalComma = value.decimalComma === true;
  if (value.createCustomers !== undefined && value.createCustomers !== false) {
    if (value.createCustomers !== true) {
      problems.push({ field: 'createCustomers', reason: 'createCustomers must be true or false' });
    } else if (!CUSTOMER_CREATING_KINDS.includes(kind)) {
      problems.push({
        field: 'createCustomers',
        reason: `createCustomers applies to ${CUSTOMER_CREATING_KINDS.join(' and ')}, not ${kind}`,
      });
    } else mapping.createCustomers = true;
  }
  if (value.encoding !== undefined) {
    const encoding = typeof value.encoding === 'string' ? encodingNamed(value.encoding) : undefined;
    if (encoding) mapping.encoding = encoding;
    else
      problems.push({
        field: 'encoding',
        value: String(value.encoding),
        reason: 'encoding must be utf-8, gbk (or gb2312, gb18030), utf-16le or utf-16be',
      });
  }
  if (problems.length) throw invalid(msg('mappingInvalid'), problems);
  return mapping;
}

export function parseMappingJson(kind: ImportKind, json: string | undefined): ImportMapping {
  if (json === undefined || json.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw invalid(msg('mappingNotJson', { detail: (error as Error).message }));
  }
  return parseMapping(kind, value);
}

export interface ResolvedColumns {
  /** field → index in the row's cells */
  index: Map<string, number>;
  /** field → header it was read from, for the report */
  columns: Record<string, string>;
  problems: FieldProblem[];
}

/** Where each field comes from in this file: the mapping's columns first, then recognised headers. */
export function resolveColumns(
  kind: ImportKind,
  headers: string[],
  mapping: ImportMapping,
  headerLine: number,
): ResolvedColumns {
  const problems: FieldProblem[] = [];
  const byNormalized = new Map<string, number>();
  headers.forEach((header, i) => {
    const key = normalizeHeader(header);
    if (key && !byNormalized.has(key)) byNormalized.set(key, i);
  });
  const index = new Map<string, number>();
  const used = new Set<number>();
  const normalized = headers.map(normalizeHeader);
  /** Two columns under one name: which is meant cannot be guessed, so it is refused, naming both. */
  const ambiguous = (field: string, at: number): boolean => {
    const same = normalized.flatMap((key, i) => (key && key === normalized[at] ? [i] : []));
    if (same.length < 2) return false;
    const letters = same.map(columnLetter).join(', ');
    problems.push({
      line: headerLine,
      field,
      value: headers[at],
      reason: `${same.length} columns are named "${headers[at]}" (columns ${letters}): which one is ${field} cannot be told; rename the others or remove them`,
      code: 'ambiguous_column',
      params: { field, header: headers[at], columns: letters },
    });
    return true;
  };
  for (const [field, source] of Object.entries(mapping.columns ?? {})) {
    const exact = headers.indexOf(source);
    const at = exact >= 0 ? exact : byNormalized.get(normalizeHeader(source));
    if (at !== undefined && ambiguous(field, at)) continue;
    if (at === undefined) {
      problems.push({
        line: headerLine,
        field,
        value: source,
        reason: `mapped column "${source}" is not in the file (columns: ${headers.join(', ')})`,
      });
    } else {
      index.set(field, at);
      used.add(at);
    }
  }
  const remaining = headers.map((header, i) => (used.has(i) ? '' : header));
  for (const [field, header] of Object.entries(suggestColumns(kind, remaining))) {
    if (!index.has(field) && !(mapping.columns && field in mapping.columns)) {
      const at = remaining.indexOf(header);
      if (!ambiguous(field, at)) index.set(field, at);
    }
  }
  const columns: Record<string, string> = {};
  for (const [field, at] of index) columns[field] = headers[at];
  for (const field of fieldsOf(kind)) {
    if (
      field.required &&
      !index.has(field.name) &&
      mapping.defaults?.[field.name] === undefined &&
      !problems.some((problem) => problem.field === field.name && problem.code === 'ambiguous_column')
    ) {
      problems.push({
        line: headerLine,
        field: field.name,
        value: null,
        reason: `required column missing: ${field.description}; looked for ${field.aliases.slice(0, 8).join(' / ')} — name it in the mapping's columns`,
      });
    }
  }
  return { index, columns, problems };
}

/** A, B, … Z, AA: the column as a spreadsheet names it (CSV columns too, as Excel opens them). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Required fields with neither a column nor a default (for the preview). */
export function unmappedRequired(kind: ImportKind, columns: Record<string, string>, mapping: ImportMapping) {
  return fieldsOf(kind)
    .filter((field) => field.required && !columns[field.name] && mapping.defaults?.[field.name] === undefined)
    .map((field) => field.name);
}
