// Attaches the acting user to each request and enforces each route's `config.permission`, in one hook that
// every request passes through (src/platform/http/server.ts). Deny by default: an /api route without a
// permission is refused to everyone; a non-public route needs a signed-in user (401) holding the right (403).
// Browser sessions must echo their CSRF token on unsafe methods; read-only API tokens may only read.
import type { FastifyRequest } from 'fastify';
import { authSettings, CSRF_HEADER, SESSION_COOKIE } from '../../auth/auth-config';
import { authenticate, type RequestAuth } from '../../auth/authenticate';
import { ANONYMOUS_ACTOR } from '../../auth/roles';
import { sameSecret } from '../../auth/secrets';
import { AppError } from '../errors';
import { type Actor, can } from './actor';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** How the request was authenticated: none, a session cookie or an API token. */
    auth: RequestAuth;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function resolveActor(request: FastifyRequest): Promise<Actor> {
  // The web app's files and the docs need nobody: no session lookup for every script and image.
  if (!request.url.startsWith('/api/')) {
    request.auth = { kind: 'none' };
    return ANONYMOUS_ACTOR;
  }
  const { actor, auth } = await authenticate(request.server.app.store.db, authSettings(), {
    sessionCookie: request.cookies?.[SESSION_COOKIE],
    authorization: request.headers.authorization,
  });
  request.auth = auth;
  return actor;
}

/** Throws 401/403 unless the request may reach its route. Call after `resolveActor`. */
export function authorizeRequest(request: FastifyRequest): void {
  const url = request.routeOptions.url;
  // No route matched: the not-found handler answers 404 and reveals nothing. Routes outside /api are the
  // web app's static files and the API docs, which hold no data and must load before anyone signs in.
  if (url === undefined || !url.startsWith('/api/')) return;
  const permission = request.routeOptions.config?.permission;
  if (!permission) {
    throw new AppError(
      'FORBIDDEN',
      `Route ${request.method} ${url} has no access rule and is closed to everyone`,
    );
  }
  if (permission === 'public') return;
  const auth = request.auth;
  if (auth.kind === 'none')
    throw new AppError('UNAUTHENTICATED', 'Sign in first (session expired or missing)');
  if (!SAFE_METHODS.has(request.method)) {
    if (auth.kind === 'token' && auth.scope === 'read') {
      throw new AppError('FORBIDDEN', 'This API token is read-only');
    }
    if (auth.kind === 'session') {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, auth.csrfToken)) {
        throw new AppError('FORBIDDEN', `Missing or wrong ${CSRF_HEADER} header`);
      }
    }
  }
  if (permission !== 'authenticated' && !can(request.actor, permission)) {
    throw new AppError('FORBIDDEN', `Not allowed: ${permission}`);
  }
}

export interface RouteRule {
  method: string;
  url: string;
  permission: string | undefined;
}

const routeRulesByServer = new WeakMap<object, RouteRule[]>();

/** Called for every route as it is registered, so that tests can check that each one has a rule. */
export function recordRouteRule(
  server: object,
  route: { method: string | string[]; url: string; config?: { permission?: string } },
): void {
  const rules = routeRulesByServer.get(server) ?? [];
  routeRulesByServer.set(server, rules);
  for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
    rules.push({ method, url: route.url, permission: route.config?.permission });
  }
}

/** Every route registered on this server with the permission it declared. */
export function routeRules(server: object): readonly RouteRule[] {
  return routeRulesByServer.get(server) ?? [];
}
