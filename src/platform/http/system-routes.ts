import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { todayIn } from '../../shared/dates';

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

  // The business calendar (HUIKUAN_TIME_ZONE): the web's "today" is this, not the browser's own date, so
  // "due today" at 07:30 in Beijing is Beijing's day even on a laptop set to UTC.
  server.get(
    '/config',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['system'],
        summary: 'The business time zone and today in it',
        response: {
          200: Type.Object({
            timeZone: Type.String({ description: 'IANA time zone, HUIKUAN_TIME_ZONE' }),
            today: Type.String({ description: 'today in the business time zone, YYYY-MM-DD' }),
          }),
        },
      },
    },
    async () => ({ timeZone: server.app.config.timeZone, today: todayIn(server.app.config.timeZone) }),
  );
};
