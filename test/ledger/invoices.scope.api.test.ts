// Role scoping through the API: a collector signed in with a token sees only the customers assigned to
// them, in lists, searches and details, and their invoices only; and cannot write (no ledger:write).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { type Ledger, seedLedger } from './customers.fixtures';

describeEachStore('ledger scoping API', (store) => {
  let server: FastifyInstance;
  let collector: ApiClient;
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await seedLedger(store().db);
    server = await buildServer(testApp(store()));
    collector = await apiClient(server, 'collector');
    await store()
      .db.updateTable('customer')
      .set({ collector_id: collector.userId })
      .where('id', '=', ledger.customers.c002)
      .execute();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists and searches only the assigned customers', async () => {
    const list = await collector.get('/api/customers');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((c: { code: string }) => c.code)).toEqual(['C002']);
    expect(
      (await collector.get('/api/customers?q=C00')).json().items.map((c: { code: string }) => c.code),
    ).toEqual(['C002']);
    expect((await collector.get(`/api/customers?q=${encodeURIComponent('华为')}`)).json().items).toEqual([]);
  });

  it('answers 404 for a customer, its contacts or an invoice of someone else', async () => {
    expect((await collector.get(`/api/customers/${ledger.customers.c001}`)).statusCode).toBe(404);
    expect((await collector.get(`/api/customers/${ledger.customers.c001}/contacts`)).statusCode).toBe(404);
    expect((await collector.get(`/api/invoices/${ledger.invoices.i001}`)).statusCode).toBe(404);
    expect((await collector.get(`/api/customers/${ledger.customers.c002}`)).statusCode).toBe(200);
  });

  it('lists only the invoices of assigned customers', async () => {
    const all = await collector.get('/api/invoices?status=all');
    expect(all.json().items.map((i: { number: string }) => i.number)).toEqual(['I-101']);
    expect((await collector.get('/api/invoices?q=I-00')).json().items).toEqual([]);
    expect((await collector.get(`/api/invoices?customerId=${ledger.customers.c001}`)).json().items).toEqual(
      [],
    );
  });

  it('refuses writes to a read-only role', async () => {
    const patch = await collector.patch(`/api/customers/${ledger.customers.c002}`, { segment: 'x' });
    expect(patch.statusCode).toBe(403);
    const anonymous = await apiClient(server, 'anonymous');
    expect((await anonymous.get('/api/customers')).statusCode).toBe(401);
  });
});
