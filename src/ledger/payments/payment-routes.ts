// /api/payments and /api/credit-notes: payments received and credit notes, with their allocations.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Page } from '../../platform/http/pagination';
import { ErrorBody, IdParam } from '../../platform/http/schemas';
import { getCreditNote } from '../credit-notes/get-credit-note';
import { listCreditNotes } from '../credit-notes/list-credit-notes';
import { recordCreditNote } from '../credit-notes/record-credit-note';
import { allocatePayment } from './allocate-payment';
import { getPayment } from './get-payment';
import { listPayments } from './list-payments';
import {
  CreateCreditNoteBody,
  CreatePaymentBody,
  CreditNoteDetailSchema,
  CreditNoteListQuery,
  CreditNoteSchema,
  PaymentDetailSchema,
  PaymentListQuery,
  PaymentSchema,
  ReversePaymentBody,
} from './payment-schemas';
import { recordPayment } from './record-payment';
import { reversePayment } from './reverse-payment';

const tags = ['payments'];
const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };

export const paymentRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;

  server.get(
    '/payments',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Payments received (收款单)',
        querystring: PaymentListQuery,
        response: { 200: Page(PaymentSchema) },
      },
    },
    (request) => listPayments(db(), request.actor, request.query),
  );

  server.get(
    '/payments/:id',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'One payment with its allocations',
        params: IdParam,
        response: { 200: PaymentDetailSchema, ...errors },
      },
    },
    (request) => getPayment(db(), request.actor, request.params.id),
  );

  server.post(
    '/payments',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary: 'Record a payment and allocate it (by remittance, then oldest due first)',
        description:
          'Idempotent by (entity, reference): the same data again returns the stored payment with 200.',
        body: CreatePaymentBody,
        response: { 200: PaymentDetailSchema, 201: PaymentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await recordPayment(db(), request.actor, request.body);
      return reply.status(result.created ? 201 : 200).send(result.payment);
    },
  );

  server.post(
    '/payments/:id/auto-allocate',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary: 'Allocate the unapplied amount automatically',
        params: IdParam,
        response: { 200: PaymentDetailSchema, ...errors },
      },
    },
    (request) => allocatePayment(db(), request.actor, request.params.id),
  );

  server.post(
    '/payments/:id/reverse',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary: 'Reverse a bounced payment: its allocations are reversed and its invoices re-open',
        params: IdParam,
        body: ReversePaymentBody,
        response: { 200: PaymentDetailSchema, ...errors },
      },
    },
    (request) => reversePayment(db(), request.actor, { paymentId: request.params.id, ...request.body }),
  );

  server.get(
    '/credit-notes',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Credit notes (红字发票)',
        querystring: CreditNoteListQuery,
        response: { 200: Page(CreditNoteSchema) },
      },
    },
    (request) => listCreditNotes(db(), request.actor, request.query),
  );

  server.get(
    '/credit-notes/:id',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'One credit note with its allocations',
        params: IdParam,
        response: { 200: CreditNoteDetailSchema, ...errors },
      },
    },
    (request) => getCreditNote(db(), request.actor, request.params.id),
  );

  server.post(
    '/credit-notes',
    {
      config: { permission: 'payments:write' },
      schema: {
        tags,
        summary: 'Record a credit note and allocate it (to its invoice, then oldest due first)',
        body: CreateCreditNoteBody,
        response: { 200: CreditNoteDetailSchema, 201: CreditNoteDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await recordCreditNote(db(), request.actor, request.body);
      return reply.status(result.created ? 201 : 200).send(result.creditNote);
    },
  );
};
