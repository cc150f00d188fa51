// /api/collections/cases, tasks, outbox, engine runs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination';
import { IdParam, IsoDate } from '../../platform/http/schemas';
import { todayIn } from '../../shared/dates';
import { CaseDetailSchema, CaseSummarySchema, PlanSchema, PromiseSchema } from '../cases/case-dto';
import { createPlan } from '../cases/create-plan';
import { createPromise } from '../cases/create-promise';
import { getCase } from '../cases/get-case';
import { listCases } from '../cases/list-cases';
import { updateCase } from '../cases/update-case';

const tags = ['collections'];
const Id = Type.Integer({ minimum: 1 });

export const casesRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const today = () => todayIn(server.app.config.timeZone);

  server.get(
    '/cases',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary: 'Collection cases (催收案件), one per customer and entity; open ones by default',
        querystring: Type.Object({
          ...PageQuery,
          status: Type.Optional(Type.String()),
          stage: Type.Optional(
            Type.Union([Type.Literal('reminder'), Type.Literal('early'), Type.Literal('strong')]),
          ),
          collectorId: Type.Optional(Id),
          customerId: Type.Optional(Id),
          entityId: Type.Optional(Id),
          q: Type.Optional(Type.String({ maxLength: 200 })),
          dueBy: Type.Optional(IsoDate),
          open: Type.Optional(Type.Boolean()),
          sort: Type.Optional(
            Type.String({ description: 'nextActionOn, amount, daysPastDue, openedOn, id; - for descending' }),
          ),
        }),
        response: { 200: Page(CaseSummarySchema) },
      },
    },
    (request) => listCases(db(), request.actor, { ...request.query, today: today() }),
  );

  server.get(
    '/cases/:id',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary: 'A case with invoices, step history, messages, tasks, promises and next steps',
        params: IdParam,
        response: { 200: CaseDetailSchema },
      },
    },
    (request) => getCase(db(), request.actor, { id: request.params.id, today: today() }),
  );

  server.patch(
    '/cases/:id',
    {
      config: { permission: 'collections:write' },
      schema: {
        tags,
        summary: 'Pause (停催) or resume a case, mark it legal/agency, or assign its collector',
        params: IdParam,
        body: Type.Object(
          {
            manualStatus: Type.Optional(
              Type.Union([
                Type.Literal('paused'),
                Type.Literal('legal'),
                Type.Literal('agency'),
                Type.Null(),
              ]),
            ),
            pausedUntil: Type.Optional(Type.Union([IsoDate, Type.Null()])),
            collectorId: Type.Optional(Type.Union([Id, Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetailSchema },
      },
    },
    (request) => updateCase(db(), request.actor, { ...request.body, id: request.params.id, today: today() }),
  );

  server.post(
    '/cases/:id/promises',
    {
      config: { permission: 'collections:write' },
      schema: {
        tags,
        summary: 'Record a promise to pay (承诺还款): escalation waits for its date',
        params: IdParam,
        body: Type.Object(
          {
            amount: Type.Integer({ minimum: 1 }),
            currency: Type.String({ pattern: '^[A-Z]{3}$' }),
            dueOn: IsoDate,
            note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: PromiseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createPromise(db(), request.actor, {
          ...request.body,
          caseId: request.params.id,
          today: today(),
        }),
      ),
  );

  server.post(
    '/cases/:id/plans',
    {
      config: { permission: 'collections:write' },
      schema: {
        tags,
        summary: 'Record a payment plan (分期): escalation waits while installments are met',
        params: IdParam,
        body: Type.Object(
          {
            currency: Type.String({ pattern: '^[A-Z]{3}$' }),
            installments: Type.Array(Type.Object({ dueOn: IsoDate, amount: Type.Integer({ minimum: 1 }) }), {
              minItems: 1,
              maxItems: 60,
            }),
            note: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: PlanSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await createPlan(db(), request.actor, {
          ...request.body,
          caseId: request.params.id,
          today: today(),
        }),
      ),
  );
};
