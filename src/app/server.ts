// The composition root of the HTTP server: the platform's server (src/platform/http/server.ts) with every
// feature's routes and the auth feature's request guard. Entry points and tests build the server here.
import type { FastifyInstance } from 'fastify';
import { authorizeRequest, rateLimitKey, recordRouteRule, resolveActor } from '../auth/request-actor';
import type { AppContext } from '../platform/app';
import { createServer } from '../platform/http/server';
import { linkFeatures } from './feature-links';
import { registerApiRoutes } from './routes';

export function buildServer(app: AppContext): Promise<FastifyInstance> {
  linkFeatures();
  return createServer(app, {
    apiRoutes: registerApiRoutes,
    // Who is asking is resolved once: by the rate limit's key (its hook runs first), else by the guard.
    rateLimitKey: async (request) => {
      request.actor ??= await resolveActor(request);
      return rateLimitKey(request);
    },
    guardRequest: async (request) => {
      request.actor ??= await resolveActor(request);
      authorizeRequest(request);
    },
    onRoute: recordRouteRule,
  });
}
