// /api/invoices: list, detail, create, update.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParam } from '../../platform/http/schemas';
import { todayIn } from '../../shared/dates';
import { createInvoice } from './create-invoice';
import { getInvoice } from './get-invoice';
import {
  CreateInvoiceBody,
  InvoiceDetail,
  InvoiceListQuery,
  InvoicePage,
  UpdateInvoiceBody,
} from './invoice-schemas';
import { listInvoices } from './list-invoices';
import { updateInvoice } from './update-invoice';

const tags = ['invoices'];

export const invoiceRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const today = () => todayIn(server.app.config.timeZone);

  server.get(
    '/invoices',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Invoices with open amount, status and days past due',
        querystring: InvoiceListQuery,
        response: { 200: InvoicePage },
      },
    },
    (request) => listInvoices(db(), request.actor, { ...request.query, today: today() }),
  );

  server.get(
    '/invoices/:id',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'One invoice with its allocations (核销)',
        params: IdParam,
        response: { 200: InvoiceDetail },
      },
    },
    (request) => getInvoice(db(), request.actor, { id: request.params.id, today: today() }),
  );

  server.post(
    '/invoices',
    {
      config: { permission: 'ledger:write' },
      schema: {
        tags,
        summary: 'Record an invoice',
        body: CreateInvoiceBody,
        response: { 201: InvoiceDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createInvoice(db(), request.actor, { invoice: request.body, today: today() })),
  );

  server.patch(
    '/invoices/:id',
    {
      config: { permission: 'ledger:write' },
      schema: {
        tags,
        summary: 'Change dispute flag, description, due date or order number',
        params: IdParam,
        body: UpdateInvoiceBody,
        response: { 200: InvoiceDetail },
      },
    },
    (request) =>
      updateInvoice(db(), request.actor, { id: request.params.id, changes: request.body, today: today() }),
  );
};
