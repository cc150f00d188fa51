// /api/customers: list, detail, create, update.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParam } from '../../platform/http/schemas';
import { todayIn } from '../../shared/dates';
import { createCustomer } from './create-customer';
import {
  CreateCustomerBody,
  CustomerDetail,
  CustomerListQuery,
  CustomerPage,
  UpdateCustomerBody,
} from './customer-schemas';
import { getCustomer } from './get-customer';
import { listCustomers } from './list-customers';
import { updateCustomer } from './update-customer';

const tags = ['customers'];

export const customerRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;
  const today = () => todayIn(server.app.config.timeZone);

  server.get(
    '/customers',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'Customers with balances per currency; search by code prefix, name or tax id',
        querystring: CustomerListQuery,
        response: { 200: CustomerPage },
      },
    },
    (request) => listCustomers(db(), request.actor, { ...request.query, today: today() }),
  );

  server.get(
    '/customers/:id',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: 'One customer with contacts and balances',
        params: IdParam,
        response: { 200: CustomerDetail },
      },
    },
    (request) => getCustomer(db(), request.actor, { id: request.params.id, today: today() }),
  );

  server.post(
    '/customers',
    {
      config: { permission: 'ledger:write' },
      schema: {
        tags,
        summary: 'Create a customer',
        body: CreateCustomerBody,
        response: { 201: CustomerDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createCustomer(db(), request.actor, { customer: request.body, today: today() })),
  );

  server.patch(
    '/customers/:id',
    {
      config: { permission: 'ledger:write' },
      schema: {
        tags,
        summary: 'Change a customer (only the fields given)',
        params: IdParam,
        body: UpdateCustomerBody,
        response: { 200: CustomerDetail },
      },
    },
    (request) =>
      updateCustomer(db(), request.actor, { id: request.params.id, changes: request.body, today: today() }),
  );
};
