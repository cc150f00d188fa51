// /api/reports: aging (with drill-down), DSO and CEI, provisions, statement of account, dashboard and the
// analytics settings. Every report answers JSON, or CSV / Excel with ?format=csv|xlsx.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { attachment } from '../platform/http/content-disposition';
import { LocaleQuery, requestLocale } from '../platform/http/request-locale';
import { ErrorBody, IdParam, IsoDate } from '../platform/http/schemas';
import { GROUP_BYS } from './aging-queries';
import { type Table, toCsv, toXlsx } from './export-tables';
import { getAgingReport } from './get-aging-report';
import { getDashboard } from './get-dashboard';
import { getPerformanceReport } from './get-performance-report';
import { getProvisionReport } from './get-provision-report';
import { getStatement } from './get-statement';
import { listAgingItems } from './list-aging-items';
import {
  AgingItemsSchema,
  AgingReportSchema,
  AnalyticsSettingsSchema,
  DashboardSchema,
  PerformanceReportSchema,
  ProvisionReportSchema,
  StatementSchema,
} from './report-schemas';
import {
  agingItemsTable,
  agingTables,
  dashboardTables,
  performanceTables,
  provisionTables,
  statementTables,
} from './report-tables';
import { getAnalyticsSettings, setSpecificProvision, updateAnalyticsSettings } from './settings-use-cases';

const tags = ['reports'];
const Format = Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')]));
const Currency = Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' }));
const Id = Type.Optional(Type.Integer({ minimum: 1 }));
const Scope = {
  entityId: Id,
  customerId: Id,
  currency: Currency,
  reportCurrency: Currency,
  format: Format,
  locale: LocaleQuery,
};
const Basis = Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('invoice')]));
const By = Type.Optional(Type.Union(GROUP_BYS.map((g) => Type.Literal(g))));
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Handlers answer JSON or a file; the response schemas document the JSON, which has more fields. */
const out = (value: unknown) => value as never;

async function sendTables(reply: FastifyReply, format: 'csv' | 'xlsx', name: string, tables: Table[]) {
  if (format === 'csv') {
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', attachment(`${name}.csv`))
      .send(toCsv(tables));
  }
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', attachment(`${name}.xlsx`))
    .send(await toXlsx(tables));
}

export const reportRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const timeZone = () => server.app.config.timeZone;

  server.get(
    '/reports/aging',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: 'Aging (账龄) as of any date, by days past due or since invoice date, grouped',
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          basis: Basis,
          by: By,
          ...Scope,
          // JSON only (a file has every group): the groups in pages, totals on each; nextCursor for the next.
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
          cursor: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 200: AgingReportSchema, ...errors },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'json';
      const { limit, cursor, ...query } = request.query;
      const report = await getAgingReport(db(), request.actor, {
        ...query,
        ...(format === 'json' ? { limit, cursor } : {}),
        timeZone: timeZone(),
      });
      return out(
        format === 'json'
          ? report
          : await sendTables(
              reply,
              format,
              `aging-${report.asOf}`,
              agingTables(report, requestLocale(request)),
            ),
      );
    },
  );

  server.get(
    '/reports/aging/invoices',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: 'Drill-down: the invoices of an aging cell with their open amount on the date',
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          basis: Basis,
          by: By,
          key: Type.Optional(Type.String({ maxLength: 200 })),
          bucket: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
          cursor: Type.Optional(Type.String({ maxLength: 2000 })),
          ...Scope,
        }),
        response: { 200: AgingItemsSchema, ...errors },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'json';
      const limit = request.query.limit ?? (format === 'json' ? 50 : 5000);
      const page = await listAgingItems(db(), request.actor, {
        ...request.query,
        limit,
        timeZone: timeZone(),
      });
      return out(
        format === 'json'
          ? page
          : await sendTables(reply, format, `aging-invoices-${page.asOf}`, [
              agingItemsTable(page.asOf, page.items, requestLocale(request)),
            ]),
      );
    },
  );

  for (const path of ['/reports/dso', '/reports/cei']) {
    server.get(
      path,
      {
        config: { permission: 'reports:read' },
        schema: {
          tags,
          summary:
            'DSO (standard, countback, best possible), ADD and CEI per month and for the period; payment behaviour per customer',
          querystring: Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), ...Scope }),
          response: { 200: PerformanceReportSchema, ...errors },
        },
      },
      async (request, reply) => {
        const report = await getPerformanceReport(db(), request.actor, {
          ...request.query,
          timeZone: timeZone(),
        });
        const format = request.query.format ?? 'json';
        return out(
          format === 'json'
            ? report
            : await sendTables(
                reply,
                format,
                `${path.slice(9)}-${report.period.to}`,
                performanceTables(report, requestLocale(request)),
              ),
        );
      },
    );
  }

  server.get(
    '/reports/provisions',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary:
          'Provision (坏账准备) at a month-end: aging method, provision matrix and specific, with derivation',
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          entityId: Id,
          reportCurrency: Currency,
          format: Format,
          locale: LocaleQuery,
        }),
        response: { 200: ProvisionReportSchema, ...errors },
      },
    },
    async (request, reply) => {
      const report = await getProvisionReport(db(), request.actor, {
        ...request.query,
        timeZone: timeZone(),
      });
      const format = request.query.format ?? 'json';
      return out(
        format === 'json'
          ? report
          : await sendTables(
              reply,
              format,
              `provisions-${report.asOf}`,
              provisionTables(report, requestLocale(request)),
            ),
      );
    },
  );

  server.get(
    '/reports/statement',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: 'Statement of account (对账单) of a customer for a period, with aging at the end',
        querystring: Type.Object({
          customerId: Type.Integer({ minimum: 1 }),
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          entityId: Id,
          format: Format,
          locale: LocaleQuery,
        }),
        response: { 200: StatementSchema, ...errors },
      },
    },
    async (request, reply) => {
      const statement = await getStatement(db(), request.actor, { ...request.query, timeZone: timeZone() });
      const format = request.query.format ?? 'json';
      if (format === 'json') return out(statement);
      return out(
        await sendTables(
          reply,
          format,
          `statement-${statement.customer.code}-${statement.to}`,
          statementTables(statement, requestLocale(request)),
        ),
      );
    },
  );

  server.get(
    '/reports/dashboard',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: 'Dashboard: AR and overdue today, aging, 24-month trends, top overdue customers, provision',
        querystring: Type.Object({
          entityId: Id,
          reportCurrency: Currency,
          months: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
          format: Format,
          locale: LocaleQuery,
        }),
        response: { 200: DashboardSchema, ...errors },
      },
    },
    async (request, reply) => {
      const dashboard = await getDashboard(db(), request.actor, { ...request.query, timeZone: timeZone() });
      const format = request.query.format ?? 'json';
      return out(
        format === 'json'
          ? dashboard
          : await sendTables(
              reply,
              format,
              `dashboard-${dashboard.asOf}`,
              dashboardTables(dashboard, requestLocale(request)),
            ),
      );
    },
  );

  const Settings = AnalyticsSettingsSchema;
  server.get(
    '/reports/settings',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags,
        summary: 'Analytics settings: bucket edges, provision rates, specific provisions',
        response: { 200: Settings, ...errors },
      },
    },
    async (request) => out(await getAnalyticsSettings(db(), request.actor)),
  );

  server.patch(
    '/reports/settings',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary:
          'Change analytics settings (any of dueBuckets, ageBuckets, agingMethod, provisionMatrix, provisionMethod)',
        body: Type.Record(Type.String(), Type.Unknown()),
        response: { 200: Settings, ...errors },
      },
    },
    async (request) => out(await updateAnalyticsSettings(db(), request.actor, request.body)),
  );

  server.put(
    '/reports/specific-provisions/:id',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Set the specific provision (单项计提) rate of a customer',
        params: IdParam,
        body: Type.Object({
          rate: Type.String({ maxLength: 20 }),
          reason: Type.String({ minLength: 1, maxLength: 1000 }),
        }),
        response: { 200: Settings, ...errors },
      },
    },
    (request) =>
      setSpecificProvision(db(), request.actor, { customerId: request.params.id, ...request.body }),
  );

  server.delete(
    '/reports/specific-provisions/:id',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Remove the specific provision of a customer',
        params: IdParam,
        response: { 200: Settings, ...errors },
      },
    },
    async (request) =>
      out(await setSpecificProvision(db(), request.actor, { customerId: request.params.id, rate: null })),
  );
};
