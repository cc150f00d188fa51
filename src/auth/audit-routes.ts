// /api/audit: search, export and verify the audit log (auditors and administrators).
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { attachment } from '../platform/http/content-disposition';
import { Page } from '../platform/http/pagination';
import { AuditEntry, AuditExportQuery, AuditQuery, AuditVerifyResult } from './auth-schemas';
import { exportAudit } from './export-audit';
import { searchAudit } from './search-audit';
import { verifyAudit } from './verify-audit';

const tags = ['audit'];
const config = { permission: 'audit:read' };

export const auditRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const timeZone = () => server.app.config.timeZone;

  server.get(
    '/audit',
    {
      config,
      schema: {
        tags,
        summary: 'Search the audit log, newest first',
        querystring: AuditQuery,
        response: { 200: Page(AuditEntry) },
      },
    },
    (request) => searchAudit(db(), request.actor, { ...request.query, timeZone: timeZone() }),
  );

  server.get(
    '/audit/export',
    {
      config,
      schema: {
        tags,
        summary: 'Export the audit log (CSV or JSON), oldest first',
        querystring: AuditExportQuery,
      },
    },
    async (request, reply) => {
      const { format = 'csv', ...filter } = request.query;
      const chunks = await exportAudit(db(), request.actor, { ...filter, format, timeZone: timeZone() });
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', attachment(`huikuan-audit-${stamp}.${format}`))
        .send(Readable.from(chunks));
    },
  );

  server.get(
    '/audit/verify',
    {
      config,
      schema: {
        tags,
        summary: 'Recompute the hash chain and report the first broken entry',
        response: { 200: AuditVerifyResult },
      },
    },
    (request) => verifyAudit(db(), request.actor),
  );
};
