// /api/customers/:id/contacts and /api/contacts/:id.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam } from '../../platform/http/schemas';
import { Contact, CreateContactBody, UpdateContactBody } from './contact-schemas';
import { createContact } from './create-contact';
import { deleteContact } from './delete-contact';
import { listContacts } from './list-contacts';
import { updateContact } from './update-contact';

const tags = ['contacts'];

export const contactRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;

  server.get(
    '/customers/:id/contacts',
    {
      config: { permission: 'ledger:read' },
      schema: {
        tags,
        summary: "A customer's contacts, primary first",
        params: IdParam,
        response: { 200: Type.Object({ items: Type.Array(Contact) }) },
      },
    },
    (request) => listContacts(db(), request.actor, { customerId: request.params.id }),
  );

  server.post(
    '/customers/:id/contacts',
    {
      config: { permission: 'ledger:write' },
      schema: {
        tags,
        summary: 'Add a contact',
        params: IdParam,
        body: CreateContactBody,
        response: { 201: Contact },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createContact(db(), request.actor, { customerId: request.params.id, contact: request.body }),
        ),
  );

  server.patch(
    '/contacts/:id',
    {
      config: { permission: 'ledger:write' },
      schema: {
        tags,
        summary: 'Change a contact',
        params: IdParam,
        body: UpdateContactBody,
        response: { 200: Contact },
      },
    },
    (request) => updateContact(db(), request.actor, { id: request.params.id, changes: request.body }),
  );

  server.delete(
    '/contacts/:id',
    {
      config: { permission: 'ledger:write' },
      schema: { tags, summary: 'Delete a contact', params: IdParam, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await deleteContact(db(), request.actor, { id: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
