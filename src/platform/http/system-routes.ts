import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';

export const systemRoutes: FastifyPluginAsyncTypebox = async (server) => {
  server.get(
    '/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), store: Type.String(), time: Type.String() }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(server.app.store.db);
      return { status: 'ok' as const, store: server.app.store.kind, time: new Date().toISOString() };
    },
  );
};
