// /api/allocations (manual 核销 and un-allocation), /api/customers/:id/open-items, /api/write-offs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PendingApprovalSchema } from '../../approvals/approval-dto';
import { ErrorBody, IdParam } from '../../platform/http/schemas';
import { todayIn } from '../../shared/dates';
import { proposeWriteOff } from '../write-offs/write-off-invoice';
import { allocateManually } from './allocate-manually';
import {
  AllocationSchema,
  CreateAllocationBody,
  CreateWriteOffBody,
  OpenItemsSchema,
  ReverseAllocationBody,
  WriteOffSchema,
} from './allocation-schemas';
import { getOpenItems } from './open-items';
import { reverseAllocation } from './reverse-allocation';

const tags = ['allocations'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const allocationRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const today = () => todayIn(server.app.config.timeZone);

  server.get(
    '/customers/:id/open-items',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: "A customer's open invoices (oldest due first) and unapplied payments and credit notes",
        params: IdParam,
        response: { 200: OpenItemsSchema, 404: ErrorBody },
      },
    },
    (request) => getOpenItems(db(), request.actor, { customerId: request.params.id, today: today() }),
  );

  server.post(
    '/allocations',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary: 'Allocate part of a payment or credit note to an invoice by hand (手工核销)',
        body: CreateAllocationBody,
        response: { 201: AllocationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await allocateManually(db(), request.actor, request.body)),
  );

  server.post(
    '/allocations/:id/reverse',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary: 'Un-allocate (反核销): the allocation is reversed on a date, the invoice re-opens',
        params: IdParam,
        body: ReverseAllocationBody,
        response: { 200: AllocationSchema, ...errors },
      },
      // The body is optional (the date defaults to today): validate an absent body as {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    (request) =>
      reverseAllocation(db(), request.actor, {
        allocationId: request.params.id,
        reversedOn: request.body?.reversedOn,
        today: today(),
      }),
  );

  server.post(
    '/write-offs',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary:
          'Write off (part of) an invoice as a bad debt (坏账核销): 201 when within your authority, else 202 with the approval request',
        body: CreateWriteOffBody,
        response: { 201: WriteOffSchema, 202: PendingApprovalSchema, ...errors },
      },
    },
    async (request, reply) => {
      const outcome = await proposeWriteOff(db(), request.actor, { ...request.body, today: today() });
      return outcome.status === 'written_off'
        ? reply.status(201).send(outcome.writeOff)
        : reply.status(202).send(outcome);
    },
  );
};
