// The composition root of the HTTP server: the platform's server (src/platform/http/server.ts) with every
// feature's routes and the auth feature's request guard. Entry points and tests build the server here.
import type { FastifyInstance } from 'fastify';
import { authorizeRequest, recordRouteRule, resolveActor } from '../auth/request-actor';
import type { AppContext } from '../platform/app';
import { createServer } from '../platform/http/server';
import { registerApiRoutes } from './routes';

export function buildServer(app: AppContext): Promise<FastifyInstance> {
  return createServer(app, {
    apiRoutes: registerApiRoutes,
    guardRequest: async (request) => {
      request.actor = await resolveActor(request);
      authorizeRequest(request);
    },
    onRoute: recordRouteRule,
  });
}
