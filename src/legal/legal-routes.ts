// /api/legal: the limitation report (诉讼时效). Read with reports:read, rows scoped by rowVisible.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { LocaleQuery, requestLocale } from '../platform/http/request-locale';
import { ErrorBody, IsoDate } from '../platform/http/schemas';
import { getLimitationReport } from './get-limitation-report';
import { LimitationReportSchema } from './legal-schemas';

const Id = Type.Optional(Type.Integer({ minimum: 1 }));

export const legalRoutes: FastifyPluginAsyncTypebox = async (server) => {
  server.get(
    '/legal/limitation',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags: ['legal'],
        summary: 'Limitation periods (诉讼时效) of the invoices open on a date, with alerts and evidence',
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          entity: Id,
          customer: Id,
          locale: LocaleQuery,
        }),
        response: { 200: LimitationReportSchema, 400: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const report = await getLimitationReport(server.app.store.db, request.actor, {
        asOf: request.query.asOf,
        entityId: request.query.entity,
        customerId: request.query.customer,
        timeZone: server.app.config.timeZone,
        locale: requestLocale(request),
      });
      return report as never;
    },
  );
};
