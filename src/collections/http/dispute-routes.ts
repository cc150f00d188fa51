// /api/collections/disputes: raise, list, show and work structured disputes (异议). Reading needs
// collections:read, raising and resolving collections:write (collectors may raise them).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, IdParam } from '../../platform/http/schemas';
import { todayIn } from '../../shared/dates';
import { DisputeSchema, OpenDisputeBody, UpdateDisputeBody } from '../disputes/dispute-dto';
import { getDispute, listDisputes, openDispute, updateDispute } from '../disputes/disputes';

const tags = ['collections'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const Id = Type.Integer({ minimum: 1 });

export const disputeRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const today = () => todayIn(server.app.config.timeZone);

  server.get(
    '/disputes',
    {
      config: { permission: 'collections:read' },
      schema: {
        tags,
        summary:
          'Disputes (异议) by invoice or customer, oldest first, with their age; open ones with open=true',
        querystring: Type.Object({
          invoiceId: Type.Optional(Id),
          customerId: Type.Optional(Id),
          open: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Array(DisputeSchema) },
      },
    },
    (request) => listDisputes(db(), request.actor, { ...request.query, today: today() }),
  );

  server.get(
    '/disputes/:id',
    {
      config: { permission: 'collections:read' },
      schema: { tags, summary: 'One dispute', params: IdParam, response: { 200: DisputeSchema, ...errors } },
    },
    (request) => getDispute(db(), request.actor, { id: request.params.id, today: today() }),
  );

  server.post(
    '/disputes',
    {
      config: { permission: 'collections:write' },
      schema: {
        tags,
        summary:
          'Raise a dispute on an invoice or an amount of it, with a reason code, owner and due date; the first open one marks the invoice disputed (not dunned)',
        body: OpenDisputeBody,
        response: { 201: DisputeSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await openDispute(db(), request.actor, { ...request.body, today: today() })),
  );

  server.patch(
    '/disputes/:id',
    {
      config: { permission: 'collections:write' },
      schema: {
        tags,
        summary:
          'Put a dispute in review, change its owner or due date, or resolve it (credit note, rejected, partly, other); resolving the last open one clears the invoice’s disputed mark',
        params: IdParam,
        body: UpdateDisputeBody,
        response: { 200: DisputeSchema, ...errors },
      },
    },
    (request) =>
      updateDispute(db(), request.actor, { ...request.body, id: request.params.id, today: today() }),
  );
};
