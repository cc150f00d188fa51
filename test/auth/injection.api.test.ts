// SQL injection and XSS attempts through filters, sort keys, cursors, names and notes are inert: bad sort keys
// and filters are refused with 400, everything else is data — stored and returned exactly as typed, as JSON
// that no browser will run (nosniff, a CSP without inline scripts), and the tables are untouched.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore } from '../support/stores';
import { authTestServer, login } from './helpers';

const SQL_ATTACKS = [
  "' or '1'='1",
  "'; drop table customer; --",
  '1; delete from invoice',
  "x' union select password_hash, username from app_user --",
  '%',
  '%_%',
  '\\',
];
const SCRIPT = '<script>alert("xss")</script><img src=x onerror=alert(1)>';

describeEachStore('injection and XSS', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;
  let entityId: number;
  let customerId: number;

  beforeAll(async () => {
    server = await authTestServer(store());
    admin = await apiClient(server, 'admin');
    const entity = await admin.post('/api/entities', { code: 'INJ', name: '注入测试', baseCurrency: 'CNY' });
    entityId = entity.json().id;
    const created = await admin.post('/api/customers', { code: 'SAFE-1', name: '安全客户' });
    customerId = created.json().id;
  });
  afterAll(() => server.close());

  async function counts() {
    const { rows } = await sql<{ customers: number; users: number; invoices: number }>`
      select (select count(*) from customer)::int as customers, (select count(*) from app_user)::int as users,
             (select count(*) from invoice)::int as invoices`.execute(store().db);
    return rows[0];
  }

  it('treats injection attempts in search filters as plain text', async () => {
    const before = await counts();
    for (const attack of SQL_ATTACKS) {
      const q = encodeURIComponent(attack);
      for (const url of [
        `/api/customers?q=${q}`,
        `/api/customers?region=${q}`,
        `/api/invoices?q=${q}`,
        `/api/payments?q=${q}`,
        `/api/users?q=${q}`,
        `/api/audit?q=${q}&actor=${q}&rowId=${q}`,
      ]) {
        const response = await admin.get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.json().items, url).toEqual([]);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses sort keys, table names and cursors that are not on the list', async () => {
    for (const url of [
      `/api/customers?sort=${encodeURIComponent('name; drop table customer --')}`,
      `/api/customers?sort=${encodeURIComponent('(select password_hash from app_user limit 1)')}`,
      `/api/invoices?sort=${encodeURIComponent('dueDate desc, (select 1)')}`,
      `/api/audit?table=${encodeURIComponent('customer; drop table audit_log')}`,
      `/api/audit?from=${encodeURIComponent("2026-01-01' or '1'='1")}`,
      `/api/audit?cursor=${Buffer.from('["1 or 1=1"]').toString('base64url')}`,
    ]) {
      const response = await admin.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code, url).toBe('INVALID_INPUT');
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(store().db);
    expect(rows[0].n).toBeGreaterThan(0);
    // A well-formed cursor carrying SQL is only a value to compare with.
    const cursor = Buffer.from(JSON.stringify(['code', "' or 1=1 --", 1])).toString('base64url');
    const page = await admin.get(`/api/customers?cursor=${cursor}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().items.map((c: { code: string }) => c.code)).toContain('SAFE-1');
  });

  it('stores names and notes with SQL or script in them exactly, and returns them as inert JSON', async () => {
    const name = `${SCRIPT} '); drop table customer; --`;
    const created = await admin.post('/api/customers', { code: 'XSS-1', name });
    expect(created.statusCode).toBe(201);
    const fetched = await admin.get(`/api/customers/${created.json().id}`);
    expect(fetched.json().name).toBe(name);
    expect(fetched.headers['content-type']).toMatch(/^application\/json/);
    expect(fetched.headers['x-content-type-options']).toBe('nosniff');
    expect(fetched.headers['content-security-policy']).not.toContain("unsafe-inline'; script");
    expect(fetched.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);

    const contact = await admin.post(`/api/customers/${customerId}/contacts`, {
      name: SCRIPT,
      role: 'finance',
    });
    expect(contact.statusCode).toBe(201);
    expect(contact.json().name).toBe(SCRIPT);

    const payment = await admin.post('/api/payments', {
      entityId,
      customerId,
      reference: "P-1'; update invoice set amount = 1; --",
      receivedDate: '2026-01-06',
      currency: 'CNY',
      amount: 1000,
      note: SCRIPT,
    });
    expect(payment.statusCode).toBe(201);
    expect(payment.json().note).toBe(SCRIPT);

    const found = await admin.get(`/api/customers?q=${encodeURIComponent("'); drop table")}`);
    expect(found.json().items.map((c: { code: string }) => c.code)).toEqual(['XSS-1']);
    // The audit log keeps the same text, as data.
    const audit = await admin.get(`/api/audit?table=customer&q=${encodeURIComponent('drop table customer')}`);
    expect(audit.json().items).toHaveLength(1);
    expect(audit.json().items[0].after.name).toBe(name);
  });

  it('exports the audit log as CSV with the JSON values quoted, not as formulas', async () => {
    await admin.post('/api/customers', { code: 'CSV-1', name: '=HYPERLINK("http://evil","点我")' });
    const csv = await admin.get('/api/audit/export?format=csv&table=customer');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment/);
    const line = csv.body.split('\r\n').find((l) => l.includes('CSV-1')) ?? '';
    expect(line).toContain('""name"":""=HYPERLINK(');
    expect(csv.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('gives nothing away to a username with SQL in it', async () => {
    const response = await login(server, "admin' --", 'anything');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });
});
