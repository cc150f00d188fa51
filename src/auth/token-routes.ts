// /api/tokens: personal API tokens of the signed-in user.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam } from '../platform/http/schemas';
import { CreateTokenBody, Token, TokenListQuery } from './auth-schemas';
import { createToken } from './create-token';
import { listTokens } from './list-tokens';
import { revokeToken } from './revoke-token';

const tags = ['auth'];
const config = { permission: 'authenticated' };

export const tokenRoutes: FastifyPluginAsyncTypebox = async (server) => {
  const db = () => server.app.store.db;

  server.get(
    '/tokens',
    {
      config,
      schema: {
        tags,
        summary: 'My API tokens (administrators: anyone’s with userId or all)',
        querystring: TokenListQuery,
        response: { 200: Type.Object({ items: Type.Array(Token), nextCursor: Type.Null() }) },
      },
    },
    async (request) => ({ items: await listTokens(db(), request.actor, request.query), nextCursor: null }),
  );

  server.post(
    '/tokens',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API token; the token is in this answer only',
        body: CreateTokenBody,
        response: { 201: Type.Intersect([Token, Type.Object({ token: Type.String() })]) },
      },
    },
    async (request, reply) => reply.status(201).send(await createToken(db(), request.actor, request.body)),
  );

  server.delete(
    '/tokens/:id',
    {
      config,
      schema: { tags, summary: 'Revoke an API token', params: IdParam, response: { 200: Token } },
    },
    (request) => revokeToken(db(), request.actor, { id: request.params.id }),
  );
};
