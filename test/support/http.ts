// API tests talk to the server through this client, so that authentication is added in one place:
// `apiClient(server, 'collector')` acts as a user holding that role (created once per store, named
// `test_<role>`, for all entities) through a personal API token; 'anonymous' sends no credentials.
// `apiClientFor(server, { username, roles })` does the same for a user of your own (e.g. a second collector).
// Browser tests: `browserSessionCookies(store, role)` gives the cookies of a signed-in session of that role,
// for `context.addCookies(cookies.map((c) => ({ ...c, url: baseUrl })))` before the first page is opened.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { authSettings, CSRF_COOKIE, SESSION_COOKIE } from '../../src/auth/auth-config';
import { createToken } from '../../src/auth/create-token';
import { createUser } from '../../src/auth/create-user';
import { openSession } from '../../src/auth/open-session';
import type { GrantInput } from '../../src/auth/user-input';
import { findUserByUsername } from '../../src/auth/user-queries';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Store } from '../../src/platform/db/store';
import { inTransaction } from '../../src/platform/db/transaction';

export type TestRole =
  | 'admin'
  | 'credit_manager'
  | 'collection_manager'
  | 'collector'
  | 'salesperson'
  | 'finance'
  | 'auditor'
  | 'anonymous';

export interface ApiClient {
  /** The app_user id this client acts as (null for 'anonymous'); assign customers to it to test scoping. */
  userId: number | null;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestUser {
  username: string;
  displayName?: string;
  roles: GrantInput[];
  /** Token scope; 'read' tokens may only GET. */
  scope?: 'read' | 'write';
}

interface Credential {
  userId: number;
  token: string;
}

// One user and token per username and store, made on first use. The promise is kept so that clients asked
// for at the same time share one user.
const credentials = new WeakMap<Store, Map<string, Promise<Credential>>>();

async function makeCredential(store: Store, user: TestUser): Promise<Credential> {
  const existing = await findUserByUsername(store.db, user.username);
  const userId =
    existing?.id ??
    (
      await createUser(store.db, SYSTEM_ACTOR, {
        username: user.username,
        displayName: user.displayName ?? user.username,
        roles: user.roles,
      })
    ).id;
  const { token } = await createToken(store.db, SYSTEM_ACTOR, {
    userId,
    name: 'api tests',
    scope: user.scope ?? 'write',
  });
  return { userId, token };
}

function credentialFor(store: Store, user: TestUser): Promise<Credential> {
  let byName = credentials.get(store);
  if (!byName) {
    byName = new Map();
    credentials.set(store, byName);
  }
  const key = `${user.username}/${user.scope ?? 'write'}`;
  let credential = byName.get(key);
  if (!credential) {
    credential = makeCredential(store, user);
    byName.set(key, credential);
    credential.catch(() => byName.delete(key));
  }
  return credential;
}

function client(server: FastifyInstance, credential: Credential | null): ApiClient {
  const headers: Record<string, string> = credential ? { authorization: `Bearer ${credential.token}` } : {};
  const inject = (options: InjectOptions) =>
    server.inject({ ...options, headers: { ...headers, ...(options.headers ?? {}) } });
  const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown) =>
    inject({ method, url, payload: body as InjectOptions['payload'] });
  return {
    userId: credential?.userId ?? null,
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, body) => send('POST', url, body),
    put: (url, body) => send('PUT', url, body),
    patch: (url, body) => send('PATCH', url, body),
    delete: (url) => inject({ method: 'DELETE', url }),
  };
}

export async function apiClient(server: FastifyInstance, role: TestRole = 'admin'): Promise<ApiClient> {
  if (role === 'anonymous') return client(server, null);
  return apiClientFor(server, { username: `test_${role}`, displayName: `测试 ${role}`, roles: [{ role }] });
}

export async function apiClientFor(server: FastifyInstance, user: TestUser): Promise<ApiClient> {
  return client(server, await credentialFor(server.app.store, user));
}

/** Cookies of a fresh session for the `test_<role>` user (the same user `apiClient` uses). */
export async function browserSessionCookies(
  store: Store,
  role: Exclude<TestRole, 'anonymous'> = 'admin',
): Promise<{ name: string; value: string }[]> {
  const { userId } = await credentialFor(store, {
    username: `test_${role}`,
    displayName: `测试 ${role}`,
    roles: [{ role }],
  });
  const session = await inTransaction(store.db, SYSTEM_ACTOR, (tx) =>
    openSession(tx, authSettings(), { userId, ip: '127.0.0.1', userAgent: 'browser test' }),
  );
  return [
    { name: SESSION_COOKIE, value: session.sessionToken },
    { name: CSRF_COOKIE, value: session.csrfToken },
  ];
}
