// Every registered route is checked against the rules, so that a new route without a rule — or with a right
// nobody has heard of — fails this suite, /api or not: anonymous requests are refused (401), users without
// the right get 403, read-only tokens cannot change anything, and cookie sessions need the CSRF header.
// Outside /api only the docs and the web app's files are public, declared so where they are registered.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, PSEUDO_RIGHTS, RIGHTS, ROLES, type Role } from '../../src/auth/roles';
import { can } from '../../src/platform/auth/actor';
import { type RouteRule, routeRules } from '../../src/platform/auth/request-actor';
import { apiClient, apiClientFor } from '../support/http';
import { createTestStore, describeEachStore, type TestStore } from '../support/stores';
import { asBrowser, authTestServer, signedIn, userWithPassword } from './helpers';

/** A concrete URL for a route pattern: ids that match nothing, so that nothing is changed. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '999999').replace(/\*$/, 'x');
}

const apiRoutes = (server: FastifyInstance): RouteRule[] =>
  routeRules(server).filter((rule) => rule.url.startsWith('/api/') && rule.method !== 'HEAD');
// Rights over the whole company: users, audit log, engine runs, simulations, strategies and their rules.
const COMPANY_WIDE = ['admin', 'audit:read', 'collections:manage', 'simulations:read', 'strategies:write'];
const allRoutes = (server: FastifyInstance): RouteRule[] =>
  routeRules(server).filter((rule) => rule.method !== 'HEAD');
// Routes this suite registers without a rule, to see them refused.
const FORGOTTEN = ['/api/forgotten', '/forgotten', '/exports/forgotten.csv'];

describe('route rules (static)', () => {
  let test: TestStore;
  let server: FastifyInstance;
  beforeAll(async () => {
    test = await createTestStore('pglite');
    server = await authTestServer(test.store);
    // Features that forgot their rule, registered like any other route, under /api and outside it.
    for (const url of FORGOTTEN) server.get(url, async () => ({ secret: 42 }));
    // A route outside /api that does declare a right.
    server.get('/outside/with-rule', { config: { permission: 'ledger:read' } }, async () => ({ ok: true }));
    await server.ready();
  });
  afterAll(async () => {
    await server.close();
    await test.dispose();
  });

  it('finds the routes, and every route, /api or not, names a known right', () => {
    const routes = allRoutes(server).filter((r) => !FORGOTTEN.includes(r.url));
    expect(apiRoutes(server).length).toBeGreaterThan(20);
    expect(routes.some((r) => r.url.startsWith('/docs'))).toBe(true);
    const known = new Set<string>([...RIGHTS, ...PSEUDO_RIGHTS]);
    const unruled = routes.filter((r) => !r.permission || !known.has(r.permission));
    expect(unruled.map((r) => `${r.method} ${r.url} → ${r.permission ?? '(none)'}`)).toEqual([]);
  });

  it('makes public outside /api only the docs and the web app’s files', () => {
    const webDist = server.app.config.webDistDir;
    const isAsset = (url: string) => url.startsWith('/docs') || url === '/' || existsSync(join(webDist, url));
    const publicOutside = allRoutes(server).filter(
      (r) => !r.url.startsWith('/api/') && r.permission === 'public',
    );
    expect(publicOutside.filter((r) => !isAsset(r.url)).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('refuses a route outside /api without a rule to everyone, for GET and HEAD alike', async () => {
    const admin = await apiClient(server, 'admin');
    const anonymous = await apiClient(server, 'anonymous');
    for (const url of FORGOTTEN.filter((u) => !u.startsWith('/api/'))) {
      for (const client of [admin, anonymous]) {
        for (const method of ['GET', 'HEAD'] as const) {
          const response = await client.inject({ method, url });
          expect(response.statusCode, `${method} ${url}`).toBe(403);
          expect(response.body).not.toContain('42');
        }
      }
    }
  });

  it('asks a route outside /api that declares a right for a signed-in user holding it', async () => {
    expect((await (await apiClient(server, 'anonymous')).get('/outside/with-rule')).statusCode).toBe(401);
    expect((await (await apiClient(server, 'auditor')).get('/outside/with-rule')).statusCode).toBe(200);
    const nobody = await apiClientFor(server, { username: 'no_roles_outside', roles: [] });
    expect((await nobody.get('/outside/with-rule')).statusCode).toBe(403);
  });

  it('refuses a route without a rule to everyone, even an administrator (deny by default)', async () => {
    expect(apiRoutes(server).find((r) => r.url === '/api/forgotten')?.permission).toBeUndefined();
    const admin = await apiClient(server, 'admin');
    const anonymous = await apiClient(server, 'anonymous');
    const asAdmin = await admin.get('/api/forgotten');
    expect(asAdmin.statusCode).toBe(403);
    expect(asAdmin.body).not.toContain('42');
    expect((await anonymous.get('/api/forgotten')).statusCode).toBe(403);
  });

  it('cannot be walked around with an encoded, doubled or differently cased path', async () => {
    const anonymous = await apiClient(server, 'anonymous');
    for (const url of [
      '/%61pi/customers',
      '/api/%63ustomers',
      '//api/customers',
      '/API/customers',
      '/api/customers/',
    ]) {
      const response = await anonymous.get(url);
      // Refused, or not an API route at all (`//api/…` is a client-side path: the app shell, no data).
      const shell =
        response.statusCode === 200 && String(response.headers['content-type']).startsWith('text/html');
      expect(shell || [401, 404].includes(response.statusCode), `${url} → ${response.statusCode}`).toBe(true);
      expect(response.body, url).not.toContain('"items"');
    }
  });
});

describeEachStore('route rules for every route', (store) => {
  let server: FastifyInstance;
  let routes: RouteRule[];

  beforeAll(async () => {
    server = await authTestServer(store());
    await server.ready();
    // Every route: /api, and any outside it that declares a right (none yet; the docs and files are public).
    routes = allRoutes(server);
  });
  afterAll(() => server.close());

  /** The entity `ONE` that the one-entity users are granted (made once per store). */
  let oneEntityId: Promise<number> | undefined;
  const oneEntity = () => {
    oneEntityId ??= sql<{ id: number }>`insert into entity (code, name, base_currency)
      values ('ONE', '一个主体', 'CNY') returning id`
      .execute(store().db)
      .then((r) => r.rows[0].id);
    return oneEntityId;
  };

  it('refuses every non-public route to an anonymous request with 401', async () => {
    const anonymous = await apiClient(server, 'anonymous');
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.permission !== 'public')) {
      const response = await anonymous.inject({
        method: route.method as HTTPMethods,
        url: concrete(route.url),
      });
      if (response.statusCode !== 401) wrong.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses with 401 a bearer token that is not valid', async () => {
    const forged = await server.inject({
      method: 'GET',
      url: '/api/customers',
      headers: { authorization: 'Bearer hk_forged-token-that-was-never-issued' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('gives 403 to a signed-in user with no role on every route that needs a right', async () => {
    const nobody = await apiClientFor(server, { username: 'no_roles', roles: [] });
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !PSEUDO_RIGHTS.includes(r.permission as never))) {
      const response = await nobody.inject({ method: route.method as HTTPMethods, url: concrete(route.url) });
      if (response.statusCode !== 403) wrong.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  for (const role of ROLES) {
    it(`gives 403 to ${role} exactly on the routes whose right the role lacks`, async () => {
      const client = await apiClient(server, role as Role);
      const actor = actorFor({ id: 1, username: 'x', displayName: 'x' }, [{ role, entityId: null }]);
      const wrong: string[] = [];
      for (const route of routes.filter((r) => !PSEUDO_RIGHTS.includes(r.permission as never))) {
        const allowed = can(actor, route.permission as string);
        // Only GETs are sent where the role is allowed: they change nothing whatever the handler does.
        if (allowed && route.method !== 'GET') continue;
        const response = await client.inject({
          method: route.method as HTTPMethods,
          url: concrete(route.url),
        });
        const refused = response.statusCode === 403 || response.statusCode === 401;
        if (refused === allowed) wrong.push(`${route.method} ${route.url} → ${response.statusCode}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  // The same matrix for a user of every role granted one selling entity: it holds the role's rights there
  // except the global-only ones (users, the audit log, company-wide collections, strategies).
  for (const role of ROLES) {
    it(`gives 403 to ${role} of one entity exactly on the routes whose right it lacks there`, async () => {
      const entityId = await oneEntity();
      const client = await apiClientFor(server, {
        username: `${role}.one-entity`,
        roles: [{ role, entityCode: 'ONE' }],
      });
      const actor = actorFor({ id: 1, username: 'x', displayName: 'x' }, [{ role, entityId }]);
      // What belongs to no one entity stays out of reach, whatever the role holds for all entities.
      for (const right of COMPANY_WIDE) expect(can(actor, right), right).toBe(false);
      const wrong: string[] = [];
      for (const route of routes.filter((r) => !PSEUDO_RIGHTS.includes(r.permission as never))) {
        const allowed = can(actor, route.permission as string);
        if (allowed && route.method !== 'GET') continue;
        const response = await client.inject({
          method: route.method as HTTPMethods,
          url: concrete(route.url),
        });
        const refused = response.statusCode === 403 || response.statusCode === 401;
        if (refused === allowed) wrong.push(`${route.method} ${route.url} → ${response.statusCode}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('shows an administrator of one entity nothing of another entity on any GET route', async () => {
    await oneEntity();
    const db = store().db;
    const one = (q: ReturnType<typeof sql<{ id: number }>>) => q.execute(db).then((r) => r.rows[0].id);
    const other = await one(sql`insert into entity (code, name, base_currency)
      values ('OTHER', '另一主体', 'CNY') returning id`);
    const customer = await one(
      sql`insert into customer (code, name) values ('C-BOTH', '两主体客户') returning id`,
    );
    const invoice =
      await one(sql`insert into invoice (entity_id, customer_id, number, issue_date, due_date, currency, amount)
      values (${other}, ${customer}, 'INV-OTHER-SECRET', '2025-01-06', '2025-02-05', 'CNY', 123456) returning id`);
    const payment =
      await one(sql`insert into payment (entity_id, customer_id, reference, received_date, currency, amount)
      values (${other}, ${customer}, 'PAY-OTHER-SECRET', '2025-03-01', 'CNY', 65432) returning id`);
    const kase = await one(sql`insert into collection_case (customer_id, entity_id, stage_since, opened_on)
      values (${customer}, ${other}, '2025-02-06', '2025-02-06') returning id`);
    const task = await one(sql`insert into task (case_id, customer_id, entity_id, type, title, due_on)
      values (${kase}, ${customer}, ${other}, 'call', 'Call OTHER-SECRET', '2025-02-10') returning id`);
    const client = await apiClientFor(server, {
      username: 'admin.one-entity',
      roles: [{ role: 'admin', entityCode: 'ONE' }],
    });
    const ids = [...new Set([customer, invoice, payment, kase, task])];
    const query = `?customerId=${customer}&entityId=${other}`;
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'))) {
      const urls = route.url.includes(':')
        ? ids.map((id) => route.url.replace(/:[A-Za-z]+/g, String(id)))
        : [route.url, `${route.url}${query}`];
      for (const url of urls) {
        const response = await client.get(url);
        if (/OTHER-SECRET|123456|65432/.test(response.body)) leaks.push(`${url} → ${response.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
    // The administrator of all entities does see them (the probe can find what it looks for).
    const admin = await apiClient(server, 'admin');
    expect((await admin.get(`/api/invoices/${invoice}`)).body).toContain('INV-OTHER-SECRET');
  });

  it('lets a read-only token change nothing, even an administrator’s', async () => {
    const readOnly = await apiClientFor(server, {
      username: 'test_admin',
      roles: [{ role: 'admin' }],
      scope: 'read',
    });
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'GET' && r.permission !== 'public')) {
      const response = await readOnly.inject({
        method: route.method as HTTPMethods,
        url: concrete(route.url),
      });
      if (response.statusCode !== 403) wrong.push(`${route.method} ${route.url} → ${response.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect((await readOnly.get('/api/customers')).statusCode).toBe(200);
  });

  it('refuses every unsafe request of a cookie session without the CSRF header, or with a wrong one', async () => {
    await userWithPassword(store(), 'csrf_admin', [{ role: 'admin' }]);
    const session = await signedIn(server, 'csrf_admin');
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'GET' && r.permission !== 'public')) {
      const method = route.method as 'POST';
      const none = await asBrowser(server, session, method, concrete(route.url), {}, { csrf: null });
      const forged = await asBrowser(
        server,
        session,
        method,
        concrete(route.url),
        {},
        { csrf: 'x'.repeat(32) },
      );
      if (none.statusCode !== 403 || forged.statusCode !== 403) {
        wrong.push(`${route.method} ${route.url} → ${none.statusCode}/${forged.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    // …while the same session with its token goes through.
    const ok = await asBrowser(server, session, 'POST', '/api/tokens', { name: 'csrf ok', scope: 'read' });
    expect(ok.statusCode).toBe(201);
  });
});
