// HTTP shapes for /api/imports (API.md, owner: import).
import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination';
import { IMPORT_KINDS } from './fields';

const Nullable = <T extends import('typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const KindSchema = Type.Union(IMPORT_KINDS.map((kind) => Type.Literal(kind)));

export const ImportErrorSchema = Type.Object({
  line: Type.Integer({
    description: '1-based line in the file (the header is line 1); 0 for the whole file',
  }),
  field: Nullable(Type.String()),
  value: Nullable(Type.String()),
  reason: Type.String(),
  code: Type.Optional(Type.String({ description: 'stable code of the reason, for translation' })),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
});

export const ImportReportSchema = Type.Object({
  batchId: Type.Integer(),
  kind: Type.String(),
  fileName: Type.String(),
  status: Type.Union([
    Type.Literal('loaded'),
    Type.Literal('validated'),
    Type.Literal('rejected'),
    Type.Literal('failed'),
    Type.Literal('running'),
  ]),
  dryRun: Type.Boolean(),
  rowsTotal: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  errorCount: Type.Integer(),
  errors: Type.Array(ImportErrorSchema, { description: 'the first 1000 errors, by line' }),
  source: Type.Object({
    format: Nullable(Type.String()),
    encoding: Nullable(Type.String()),
    delimiter: Nullable(Type.String()),
    totalBytes: Type.Integer(),
    columns: Type.Record(Type.String(), Type.String(), { description: 'field → header it was read from' }),
    ignoredColumns: Type.Array(Type.String()),
    dateFormat: Nullable(
      Type.Object(
        {
          format: Type.String({ description: 'e.g. D/M/YYYY' }),
          basis: Type.Union([Type.Literal('mapping'), Type.Literal('inferred'), Type.Literal('assumed')], {
            description:
              'mapping: its dateFormat; inferred: the first rows hold a value that fits this order only (evidence); assumed: every value fits both, read month first',
          }),
          evidence: Nullable(
            Type.Object({ line: Type.Integer(), field: Type.String(), value: Type.String() }),
          ),
        },
        { description: 'how a/b/yyyy dates were read; null when the file has none' },
      ),
    ),
  }),
  created: Type.Object({
    entity: Nullable(Type.String()),
    customers: Type.Integer(),
    staff: Type.Integer(),
    payments: Type.Integer(),
  }),
  allocations: Type.Object({ count: Type.Integer(), amount: Type.Integer() }),
  skipped: Type.Array(ImportErrorSchema, {
    description: 'rows left out on purpose (a totals row), with why',
  }),
  warnings: Type.Array(ImportErrorSchema, {
    description: 'what deserves a look, loaded or not: invoice numbers equal but for leading zeros',
  }),
  sha256: Type.String(),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});

export const ImportKindsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      kind: Type.String(),
      fields: Type.Array(
        Type.Object({
          name: Type.String(),
          type: Type.String(),
          required: Type.Boolean(),
          description: Type.String(),
          aliases: Type.Array(Type.String()),
        }),
      ),
    }),
  ),
});

export const ImportPreviewSchema = Type.Object({
  fileName: Type.String(),
  format: Type.String(),
  encoding: Nullable(Type.String()),
  delimiter: Nullable(Type.String()),
  headers: Type.Array(Type.String()),
  sampleRows: Type.Array(Type.Array(Type.String())),
  suggestedMapping: Type.Object({
    columns: Type.Record(Type.String(), Type.String()),
    dateFormat: Type.Optional(Type.String()),
  }),
  unmappedRequired: Type.Array(Type.String()),
});

export const ImportListQuery = Type.Object({
  ...PageQuery,
  kind: Type.Optional(KindSchema),
  dryRun: Type.Optional(
    Type.Boolean({ description: 'true: the dry runs (listed apart); false or absent: the imports' }),
  ),
});

export const UPLOAD_DESCRIPTION =
  'multipart/form-data with the fields `file` (CSV in UTF-8/GBK with any delimiter, or XLSX), `kind` (' +
  `${IMPORT_KINDS.join(', ')}), \`mapping\` (optional JSON string: {"columns": {field: header}, ` +
  '"dateFormat": "M/D/YYYY", "defaults": {field: value}, "encoding": "gbk"})';
