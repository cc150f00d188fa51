// Portfolio scoping through the API: a collector sees only the customers assigned to them, a salesperson
// only their own, in lists, details, searches, reports and exports alike. What they cannot see answers as if
// it did not exist (404 / empty), never with its data.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ApiClient } from '../support/http';
import { apiClient, apiClientFor } from '../support/http';
import { describeEachStore } from '../support/stores';
import { authTestServer } from './helpers';

interface Ids {
  mine: number;
  theirs: number;
  nobodys: number;
  invoiceMine: number;
  invoiceTheirs: number;
  paymentTheirs: number;
  caseMine: number;
  caseTheirs: number;
}

const codes = (body: { items: { code?: string; number?: string; reference?: string }[] }) =>
  body.items.map((item) => item.code ?? item.number ?? item.reference).sort();

describeEachStore('portfolio scoping', (store) => {
  let server: FastifyInstance;
  let collectorA: ApiClient;
  let collectorB: ApiClient;
  let salesperson: ApiClient;
  let admin: ApiClient;
  const ids = {} as Ids;

  beforeAll(async () => {
    server = await authTestServer(store());
    collectorA = await apiClientFor(server, { username: 'coll.a', roles: [{ role: 'collector' }] });
    collectorB = await apiClientFor(server, { username: 'coll.b', roles: [{ role: 'collector' }] });
    salesperson = await apiClientFor(server, { username: 'sales.s', roles: [{ role: 'salesperson' }] });
    admin = await apiClient(server, 'admin');
    const db = store().db;
    const { rows: entity } = await sql<{ id: number }>`
      insert into entity (code, name, base_currency) values ('SCOPE', '苏州恒达', 'CNY') returning id`.execute(
      db,
    );
    const customer = async (code: string, name: string, collector: number | null, sales: number | null) =>
      (
        await sql<{ id: number }>`insert into customer (code, name, collector_id, salesperson_id)
          values (${code}, ${name}, ${collector}, ${sales}) returning id`.execute(db)
      ).rows[0].id;
    ids.mine = await customer('CA-001', '上海明达机械', collectorA.userId, salesperson.userId);
    ids.theirs = await customer('CB-001', '北京新远贸易', collectorB.userId, null);
    ids.nobodys = await customer('CN-001', '广州无主商行', null, null);
    const invoice = async (customerId: number, number: string, amount: number) =>
      (
        await sql<{
          id: number;
        }>`insert into invoice (entity_id, customer_id, number, issue_date, due_date, currency, amount)
          values (${entity[0].id}, ${customerId}, ${number}, '2025-01-06', '2025-02-05', 'CNY', ${amount}) returning id`.execute(
          db,
        )
      ).rows[0].id;
    ids.invoiceMine = await invoice(ids.mine, 'INV-A1', 100_000);
    ids.invoiceTheirs = await invoice(ids.theirs, 'INV-B1', 777_700);
    await invoice(ids.nobodys, 'INV-N1', 5_500);
    const { rows: payment } = await sql<{ id: number }>`
      insert into payment (entity_id, customer_id, reference, received_date, currency, amount)
      values (${entity[0].id}, ${ids.theirs}, 'PAY-B1', '2025-03-01', 'CNY', 1000) returning id`.execute(db);
    ids.paymentTheirs = payment[0].id;
    await sql`insert into contact (customer_id, name, mobile) values (${ids.theirs}, '赵老板', '13900000000')`.execute(
      db,
    );
    // Collection cases (催收案件) as the engine opens them, one per customer and entity.
    const openCase = async (customerId: number, collectorId: number | null) =>
      (
        await sql<{
          id: number;
        }>`insert into collection_case (customer_id, entity_id, stage_since, opened_on, collector_id)
          values (${customerId}, ${entity[0].id}, '2025-02-06', '2025-02-06', ${collectorId}) returning id`.execute(
          db,
        )
      ).rows[0].id;
    ids.caseMine = await openCase(ids.mine, collectorA.userId);
    ids.caseTheirs = await openCase(ids.theirs, collectorB.userId);
  });
  afterAll(() => server.close());

  it('lists only the own customers, for each collector and the salesperson', async () => {
    expect(codes((await collectorA.get('/api/customers')).json())).toEqual(['CA-001']);
    expect(codes((await collectorB.get('/api/customers')).json())).toEqual(['CB-001']);
    expect(codes((await salesperson.get('/api/customers')).json())).toEqual(['CA-001']);
    expect(codes((await admin.get('/api/customers')).json())).toEqual(['CA-001', 'CB-001', 'CN-001']);
  });

  it('finds nothing of another collector by search or filter', async () => {
    for (const url of [
      '/api/customers?q=新远',
      '/api/customers?q=CB',
      `/api/customers?collectorId=${collectorB.userId}`,
      '/api/invoices?q=B1',
      `/api/invoices?customerId=${ids.theirs}`,
      '/api/payments?q=PAY-B',
      `/api/payments?customerId=${ids.theirs}`,
      `/api/credit-notes?customerId=${ids.theirs}`,
    ]) {
      const response = await collectorA.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.json().items, url).toEqual([]);
    }
    expect(codes((await collectorA.get('/api/invoices')).json())).toEqual(['INV-A1']);
  });

  it('answers 404 for another collector’s customer, invoice and payment by id', async () => {
    for (const url of [
      `/api/customers/${ids.theirs}`,
      `/api/customers/${ids.nobodys}`,
      `/api/invoices/${ids.invoiceTheirs}`,
      `/api/payments/${ids.paymentTheirs}`,
    ]) {
      const response = await collectorA.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('新远');
    }
    for (const url of [`/api/customers/${ids.theirs}/contacts`, `/api/customers/${ids.theirs}/open-items`]) {
      const response = await collectorA.get(url);
      expect([404, 200], url).toContain(response.statusCode);
      expect(response.body, url).not.toContain('赵老板');
      expect(response.body, url).not.toContain('INV-B1');
    }
    expect((await collectorA.get(`/api/customers/${ids.mine}`)).statusCode).toBe(200);
    expect((await collectorB.get(`/api/customers/${ids.theirs}`)).json().name).toBe('北京新远贸易');
  });

  it('shows a collector only the cases of their customers: list, search, filter and by id', async () => {
    const list = await collectorA.get('/api/collections/cases');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { id: number }) => c.id)).toEqual([ids.caseMine]);
    for (const url of [
      '/api/collections/cases?q=新远',
      `/api/collections/cases?customerId=${ids.theirs}`,
      `/api/collections/cases?collectorId=${collectorB.userId}`,
    ]) {
      const response = await collectorA.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.json().items, url).toEqual([]);
    }
    expect((await collectorA.get(`/api/collections/cases/${ids.caseTheirs}`)).statusCode).toBe(404);
    expect((await collectorB.get(`/api/collections/cases/${ids.caseTheirs}`)).statusCode).toBe(200);
    expect(
      (await collectorA.patch(`/api/collections/cases/${ids.caseTheirs}`, { manualStatus: 'paused' }))
        .statusCode,
    ).toBe(404);
    const all = (await admin.get('/api/collections/cases'))
      .json()
      .items.map((c: { id: number }) => c.id)
      .sort();
    expect(all).toEqual([ids.caseMine, ids.caseTheirs].sort());
  });

  it('counts only the own customers in reports and their exports', async () => {
    const aging = await collectorA.get('/api/reports/aging?asOf=2026-01-06');
    expect(aging.statusCode).toBe(200);
    expect(aging.body).not.toContain('777700');
    expect(aging.body).toContain('100000');
    const exported = await collectorA.get('/api/reports/aging/invoices?asOf=2026-01-06&format=csv');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain('INV-A1');
    expect(exported.body).not.toContain('INV-B1');
    expect(exported.body).not.toContain('INV-N1');
    const statement = await collectorA.get(`/api/reports/statement?customerId=${ids.theirs}`);
    expect([403, 404]).toContain(statement.statusCode);
    expect(statement.body).not.toContain('INV-B1');
  });

  it('cannot change or export what the role does not allow', async () => {
    expect((await collectorA.patch(`/api/customers/${ids.mine}`, { region: '华东' })).statusCode).toBe(403);
    expect((await collectorA.get('/api/audit/export')).statusCode).toBe(403);
    expect((await salesperson.get('/api/users')).statusCode).toBe(403);
  });
});
