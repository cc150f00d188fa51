// Attaches the acting user to each request and enforces each route's `config.permission`, in one hook that
// every request passes through (src/platform/http/server.ts). Deny by default: a route without a permission
// is refused to everyone, whatever its path (the docs and the web app's files are declared public where they
// are registered); a non-public route needs a signed-in user (401) holding the right (403).
// Browser sessions must echo their CSRF token on unsafe methods; read-only API tokens may only read.
import type { FastifyRequest } from 'fastify';
import { authSettings, CSRF_HEADER, SESSION_COOKIE } from '../../auth/auth-config';
import { authenticate, type RequestAuth } from '../../auth/authenticate';
import { ANONYMOUS_ACTOR } from '../../auth/roles';
import { sameSecret } from '../../auth/secrets';
import { AppError, msg } from '../errors';
import { type Actor, can } from './actor';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** How the request was authenticated: none, a session cookie or an API token. */
    auth: RequestAuth;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Outside /api, a public route or no route at all (the 404 answer) reaches no data and needs nobody. */
function needsNobody(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false;
  const { url, config } = request.routeOptions;
  return url === undefined || config?.permission === 'public';
}

export async function resolveActor(request: FastifyRequest): Promise<Actor> {
  // The web app's files and the docs need nobody: no session lookup for every script and image.
  if (needsNobody(request)) {
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
  // No route matched: the not-found handler answers 404 (or the web app's shell) and reveals nothing.
  if (url === undefined) return;
  const permission = request.routeOptions.config?.permission;
  if (!permission) {
    throw new AppError('FORBIDDEN', msg('routeClosed', { method: request.method, url }));
  }
  if (permission === 'public') return;
  const auth = request.auth;
  if (auth.kind === 'none') throw new AppError('UNAUTHENTICATED', msg('signInFirst'));
  if (!SAFE_METHODS.has(request.method)) {
    if (auth.kind === 'token' && auth.scope === 'read') {
      throw new AppError('FORBIDDEN', msg('tokenReadOnly'));
    }
    if (auth.kind === 'session') {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, auth.csrfToken)) {
        throw new AppError('FORBIDDEN', msg('csrfMissing', { header: CSRF_HEADER }));
      }
    }
  }
  if (permission !== 'authenticated' && !can(request.actor, permission)) {
    throw new AppError('FORBIDDEN', msg('notAllowed', { permission }));
  }
}

export interface RouteRule {
  method: string;
  url: string;
  permission: string | undefined;
}

interface RegisteredRoute {
  method: string | string[];
  url: string;
  config?: { permission?: string };
}

const routesByServer = new WeakMap<object, RegisteredRoute[]>();

/**
 * Called for every route as it is registered, so that tests can check that each one has a rule. The route
 * options are kept rather than copied: an onRoute hook of the scope the route is in (the public assets in
 * server.ts) may still set the rule after this one has run.
 */
export function recordRouteRule(server: object, route: RegisteredRoute): void {
  const routes = routesByServer.get(server) ?? [];
  routesByServer.set(server, routes);
  routes.push(route);
}

/** Every route registered on this server with the permission it declared. */
export function routeRules(server: object): readonly RouteRule[] {
  return (routesByServer.get(server) ?? []).flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
      method,
      url: route.url,
      permission: route.config?.permission,
    })),
  );
}
