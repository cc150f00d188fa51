// /api/users: user administration (admin right).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam } from '../platform/http/schemas';
import { CreateUserBody, RolesBody, UpdateUserBody, User, UserListQuery } from './auth-schemas';
import { createUser } from './create-user';
import { listUsers } from './list-users';
import { setUserRoles } from './set-user-roles';
import { updateUser } from './update-user';

const tags = ['users'];
const config = { permission: 'admin' };

export const userRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;

  server.get(
    '/users',
    {
      config,
      schema: {
        tags,
        summary: 'Users (staff and logins) with their roles',
        querystring: UserListQuery,
        response: { 200: Type.Object({ items: Type.Array(User), nextCursor: Type.Null() }) },
      },
    },
    async (request) => ({ items: await listUsers(db(), request.actor, request.query), nextCursor: null }),
  );

  server.post(
    '/users',
    {
      config,
      schema: { tags, summary: 'Create a user', body: CreateUserBody, response: { 201: User } },
    },
    async (request, reply) => reply.status(201).send(await createUser(db(), request.actor, request.body)),
  );

  server.patch(
    '/users/:id',
    {
      config,
      schema: {
        tags,
        summary:
          'Change name, email or password (a reset ends their sessions and revokes their API tokens); disable or enable',
        params: IdParam,
        body: UpdateUserBody,
        response: { 200: User },
      },
    },
    (request) => updateUser(db(), request.actor, { id: request.params.id, ...request.body }),
  );

  server.put(
    '/users/:id/roles',
    {
      config,
      schema: {
        tags,
        summary: 'Replace the roles of a user',
        params: IdParam,
        body: RolesBody,
        response: { 200: User },
      },
    },
    (request) =>
      setUserRoles(db(), request.actor, {
        id: request.params.id,
        mode: 'replace',
        roles: request.body.roles,
      }),
  );
};
