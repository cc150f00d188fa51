// Shared pieces of the auth tests: a server on a test store, users with passwords, and cookie sessions.
import { resolve } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/app/server';
import { createUser } from '../../src/auth/create-user';
import type { GrantInput } from '../../src/auth/user-input';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Store } from '../../src/platform/db/store';
import { testApp } from '../support/stores';

export const PASSWORD = 'correct horse battery staple';

/** The API server on a test store (testApp's relative webDistDir made absolute for @fastify/static). */
export function authTestServer(store: Store): Promise<FastifyInstance> {
  const app = testApp(store);
  return buildServer({ ...app, config: { ...app.config, webDistDir: resolve(app.config.webDistDir) } });
}

export async function userWithPassword(
  store: Store,
  username: string,
  roles: GrantInput[],
  password = PASSWORD,
): Promise<number> {
  const user = await createUser(store.db, SYSTEM_ACTOR, { username, displayName: username, password, roles });
  return user.id;
}

export interface CookieSession {
  cookie: string;
  csrf: string;
  response: LightMyRequestResponse;
}

export function login(server: FastifyInstance, username: string, password = PASSWORD) {
  return server.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

/** Signs in and returns what a browser would keep: the cookies and the CSRF token. */
export async function signedIn(
  server: FastifyInstance,
  username: string,
  password = PASSWORD,
): Promise<CookieSession> {
  const response = await login(server, username, password);
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { cookie, csrf: response.json().csrfToken, response };
}

/** A request a browser with this session would send (CSRF header on unsafe methods unless told not to). */
export function asBrowser(
  server: FastifyInstance,
  session: CookieSession,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  options: { csrf?: string | null } = {},
) {
  const csrf = options.csrf === undefined ? session.csrf : options.csrf;
  return server.inject({
    method,
    url,
    payload: payload as never,
    headers: { cookie: session.cookie, ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}) },
  });
}
