// /api/credit: contract terms per customer and the entities' defaults, and late interest on a customer's
// open invoices as of a date. Reading terms needs credit:read, setting them credit:write (credit manager,
// admin); interest is ledger data (ledger:read), scoped to the actor's customers and entities.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, IdParam, IsoDate } from '../platform/http/schemas';
import { todayIn } from '../shared/dates';
import {
  CustomerInterestSchema,
  CustomerTermsBodySchema,
  CustomerTermsSchema,
  EntityTermsSchema,
  TermsBodySchema,
  TermsSchema,
} from './credit-dto';
import { getCustomerTerms, getEntityTerms, setCustomerTerms, setEntityTerms } from './credit-terms';
import { getCustomerInterest } from './customer-interest';

const tags = ['credit'];
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const AsOfQuery = Type.Object({ asOf: Type.Optional(IsoDate) });

export const creditRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const today = () => todayIn(server.app.config.timeZone);

  server.get(
    '/credit/customers/:id/terms',
    {
      config: { permission: 'credit:read' },
      schema: {
        tags,
        summary: "A customer's contract terms: the version in force per entity (own or default) and history",
        params: IdParam,
        querystring: AsOfQuery,
        response: { 200: CustomerTermsSchema, ...errors },
      },
    },
    (request) =>
      getCustomerTerms(db(), request.actor, {
        customerId: request.params.id,
        asOf: request.query.asOf ?? today(),
      }),
  );

  server.put(
    '/credit/customers/:id/terms',
    {
      config: { permission: 'credit:write' },
      schema: {
        tags,
        summary: 'Set a customer’s terms from a date (a new version; the same date corrects that version)',
        params: IdParam,
        body: CustomerTermsBodySchema,
        response: { 200: TermsSchema, ...errors },
      },
    },
    (request) => setCustomerTerms(db(), request.actor, { customerId: request.params.id, body: request.body }),
  );

  server.get(
    '/credit/entities/:id/terms',
    {
      config: { permission: 'credit:read' },
      schema: {
        tags,
        summary: "An entity's default terms: the version in force and history",
        params: IdParam,
        querystring: AsOfQuery,
        response: { 200: EntityTermsSchema, ...errors },
      },
    },
    (request) =>
      getEntityTerms(db(), request.actor, {
        entityId: request.params.id,
        asOf: request.query.asOf ?? today(),
      }),
  );

  server.put(
    '/credit/entities/:id/terms',
    {
      config: { permission: 'credit:write' },
      schema: {
        tags,
        summary: "Set an entity's default terms from a date",
        params: IdParam,
        body: TermsBodySchema,
        response: { 200: TermsSchema, ...errors },
      },
    },
    (request) => setEntityTerms(db(), request.actor, { entityId: request.params.id, body: request.body }),
  );

  server.get(
    '/credit/customers/:id/interest',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: "Late interest (违约金) accrued on a customer's open invoices as of a date",
        params: IdParam,
        querystring: Type.Object({
          asOf: Type.Optional(IsoDate),
          entityId: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: CustomerInterestSchema, ...errors },
      },
    },
    (request) =>
      getCustomerInterest(db(), request.actor, {
        customerId: request.params.id,
        asOf: request.query.asOf ?? today(),
        entityId: request.query.entityId,
      }),
  );
};
