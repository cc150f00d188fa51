// /api/imports: the field catalogue, a preview of an uploaded file, the import itself and its batches.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UploadKind } from '../../auth/upload-guard';
import { invalid, msg } from '../../platform/errors';
import { Page } from '../../platform/http/pagination';
import { ErrorBody, IdParam } from '../../platform/http/schemas';
import { IMPORT_KINDS, type ImportKind, isImportKind } from './fields';
import { getImport } from './get-import';
import { importFile } from './import-file';
import {
  ImportKindsSchema,
  ImportListQuery,
  ImportPreviewSchema,
  ImportReportSchema,
  UPLOAD_DESCRIPTION,
} from './import-schemas';
import { listImportKinds } from './list-import-kinds';
import { listImports } from './list-imports';
import { parseMapping, parseMappingJson } from './mapping';
import { previewImport } from './preview-import';
import { receiveUpload, type Upload } from './upload';

const tags = ['imports'];
// What an import reads: CSV-like text or an XLSX workbook. Anything else is refused before it is parsed.
const IMPORT_UPLOADS: UploadKind[] = ['csv', 'xlsx'];
const errors = { 400: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody };

function kindOf(upload: Upload): ImportKind {
  const kind = upload.fields.kind ?? '';
  if (!isImportKind(kind)) {
    throw invalid(msg('importKindOneOf', { allowed: IMPORT_KINDS.join(', ') }), [
      { field: 'kind', value: kind, reason: 'unknown kind' },
    ]);
  }
  return kind;
}

export const importRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const store = () => server.app.store;

  server.get(
    '/imports/kinds',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Import kinds and their fields (required flags, recognised headers)',
        response: { 200: ImportKindsSchema },
      },
    },
    (request) => listImportKinds(request.actor),
  );

  server.post(
    '/imports/preview',
    {
      config: { permission: 'imports:write' },
      schema: {
        tags,
        summary: 'How a file would be read: encoding, delimiter, headers, first 20 rows, suggested mapping',
        description: UPLOAD_DESCRIPTION,
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreviewSchema, ...errors },
      },
    },
    async (request) => {
      const upload = await receiveUpload(request, IMPORT_UPLOADS);
      try {
        const kind = kindOf(upload);
        const mapping = parseMappingJson(kind, upload.fields.mapping);
        return await previewImport(request.actor, {
          kind,
          filePath: upload.filePath,
          fileName: upload.fileName,
          mapping,
        });
      } finally {
        await upload.dispose();
      }
    },
  );

  server.post(
    '/imports',
    {
      config: { permission: 'imports:write' },
      schema: {
        tags,
        summary:
          'Import a file: every row validated, all loaded or nothing (status rejected with the bad rows)',
        description: `${UPLOAD_DESCRIPTION}, \`dryRun\` ('true' validates and counts without writing), \`createCustomers\` ('true': invoices and history create the customers they name by code only, named by the code; the dry run counts them)`,
        consumes: ['multipart/form-data'],
        response: { 200: ImportReportSchema, ...errors },
      },
    },
    async (request) => {
      const upload = await receiveUpload(request, IMPORT_UPLOADS);
      try {
        const kind = kindOf(upload);
        const flag = (name: string) =>
          ['true', '1', 'yes'].includes((upload.fields[name] ?? '').toLowerCase());
        let mapping = parseMappingJson(kind, upload.fields.mapping);
        if (flag('createCustomers'))
          mapping = { ...mapping, ...parseMapping(kind, { createCustomers: true }) };
        const dryRun = flag('dryRun');
        return await importFile(store(), request.actor, {
          kind,
          filePath: upload.filePath,
          fileName: upload.fileName,
          mapping,
          dryRun,
        });
      } finally {
        await upload.dispose();
      }
    },
  );

  server.get(
    '/imports',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Import batches, newest first',
        querystring: ImportListQuery,
        response: { 200: Page(ImportReportSchema) },
      },
    },
    (request) => listImports(store().db, request.actor, request.query),
  );

  server.get(
    '/imports/:id',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'One import batch with its first errors',
        params: IdParam,
        response: { 200: ImportReportSchema, 404: ErrorBody },
      },
    },
    (request) => getImport(store().db, request.actor, request.params.id),
  );
};
