// How many statements the collections screens send per request (issue 11, speed: 50 users on worklist, case
// list, case and customer detail). Counted at Kysely on the server's store, so transaction control (begin,
// commit) is not in the figures. A request authenticates in one statement (the credential with its grants),
// the case view and the customer view each read in one more; scoping is unchanged (another collector is
// answered 404).
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import type { Store } from '../../src/platform/db/store';
import { addDays, todayIn } from '../../src/shared/dates';
import { type ApiClient, apiClient, apiClientFor, browserSessionCookies } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { addCustomer, addEntity, addInvoice } from './fixtures';

describeEachStore('statements per request of the collections screens', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;
  let collector: ApiClient;
  let other: ApiClient;
  let counted: Store;
  let statements = 0;
  let caseId: number;
  let customerId: number;

  /** The statements the server sends for one request (after one to warm caches and last-use stamps). */
  async function cost(client: ApiClient, url: string): Promise<{ status: number; statements: number }> {
    await client.get(url);
    statements = 0;
    const response = await client.get(url);
    return { status: response.statusCode, statements };
  }

  beforeAll(async () => {
    // Counted as results come back: transformQuery is also called for every subquery as it is built.
    const counting: KyselyPlugin = {
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements += 1;
        return args.result;
      },
    };
    counted = { ...store(), db: store().db.withPlugin(counting) };
    const app = testApp(counted);
    server = await buildServer({
      ...app,
      config: { ...app.config, webDistDir: resolve('web/no-dist-in-api-tests') },
    });
    admin = await apiClient(server, 'admin');
    collector = await apiClient(server, 'collector');
    other = await apiClientFor(server, { username: 'other_collector', roles: [{ role: 'collector' }] });
    const db = store().db;
    const today = todayIn(app.config.timeZone);
    const entityId = await addEntity(db);
    customerId = await addCustomer(db, { collectorId: collector.userId });
    for (const [k, days] of [30, 45].entries()) {
      await addInvoice(db, {
        entityId,
        customerId,
        issueDate: addDays(today, -days - 30),
        dueDate: addDays(today, -days),
        amount: 100_000 * (k + 1),
      });
    }
    await ensureDefaultStrategies(db);
    const standard = (await admin.get('/api/collections/strategies'))
      .json()
      .items.find((s: { name: string }) => s.name === 'standard');
    expect((await admin.post(`/api/collections/strategies/${standard.id}/activate`)).statusCode).toBe(200);
    expect((await admin.post('/api/collections/engine/run', { asOf: today })).statusCode).toBe(200);
    const cases = (await collector.get('/api/collections/cases')).json().items;
    expect(cases).toHaveLength(1);
    caseId = cases[0].id;
    const promise = await collector.post(`/api/collections/cases/${caseId}/promises`, {
      amount: 50_000,
      currency: 'CNY',
      dueOn: addDays(today, 10),
    });
    expect(promise.statusCode).toBe(201);
    const plan = await collector.post(`/api/collections/cases/${caseId}/plans`, {
      currency: 'CNY',
      installments: [
        { dueOn: addDays(today, 30), amount: 100_000 },
        { dueOn: addDays(today, 60), amount: 150_000 },
      ],
    });
    expect(plan.statusCode).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads the case view in one statement after the one that authenticates, and the credit terms for its interest', async () => {
    const { status, statements: sent } = await cost(collector, `/api/collections/cases/${caseId}`);
    expect(status).toBe(200);
    // Authentication, the case, and the late interest linked in from src/credit: the customer's terms and the
    // entity defaults (its invoices are read only where some terms charge interest; none do here).
    expect(sent).toBe(4);
    const body = (await collector.get(`/api/collections/cases/${caseId}`)).json();
    expect(body.invoices).toHaveLength(2);
    expect(body.firings.length).toBeGreaterThan(0);
    expect(body.promises).toMatchObject([{ amount: 50_000, status: 'open' }]);
    expect(body.plans[0].installments.map((i: { amount: number }) => i.amount)).toEqual([100_000, 150_000]);
    expect(body.customer.id).toBe(customerId);
  });

  it('reads the customer view in one statement after the one that authenticates', async () => {
    const { status, statements: sent } = await cost(collector, `/api/customers/${customerId}`);
    expect(status).toBe(200);
    expect(sent).toBe(2);
    const body = (await collector.get(`/api/customers/${customerId}`)).json();
    expect(body.balances).toMatchObject([{ currency: 'CNY', openAmount: 300_000, openCount: 2 }]);
    expect(body.contacts).toHaveLength(1);
  });

  it('sends the worklist and the case list with one statement to authenticate', async () => {
    // The page, and the transaction-local setting that keeps parallel workers off it (shortRead).
    for (const url of ['/api/collections/tasks?limit=50', '/api/collections/cases?limit=50&sort=-amount']) {
      const { status, statements: sent } = await cost(collector, url);
      expect(status).toBe(200);
      expect(sent).toBe(3);
    }
  });

  it('authenticates a browser session in one statement too', async () => {
    const cookies = await browserSessionCookies(counted, 'collector');
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const url = `/api/customers/${customerId}`;
    await server.inject({ method: 'GET', url, headers: { cookie } });
    statements = 0;
    const response = await server.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(statements).toBe(2);
  });

  it('still answers another collector 404 for the case and the customer', async () => {
    expect((await other.get(`/api/collections/cases/${caseId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/customers/${customerId}`)).statusCode).toBe(404);
  });
});
