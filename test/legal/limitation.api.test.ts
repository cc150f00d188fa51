// The limitation report through the API and the use case, on both stores: a payment restart, a weak promise,
// an expired claim a late demand does not revive, a National Day-shifted expiry, and role scoping.
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { apiClient, apiClientFor } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { type LegalFixture, loadLegalFixture } from './fixture';

interface Line {
  invoiceId: number;
  number: string;
  [key: string]: unknown;
}

describeEachStore('limitation report', (store) => {
  let server: FastifyInstance;
  let fx: LegalFixture;
  beforeAll(async () => {
    const app = testApp(store());
    server = await buildServer({
      ...app,
      config: { ...app.config, webDistDir: resolve(app.config.webDistDir) },
    });
    fx = await loadLegalFixture(store().db);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists each open invoice with its start, firm expiry, expiry with weak restarts, event and evidence', async () => {
    const api = await apiClient(server, 'credit_manager');
    const res = await api.get(`/api/legal/limitation?asOf=2026-06-30&entity=${fx.entityId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { asOf: string; invoices: Line[]; bands: Record<string, number> };
    expect(body.asOf).toBe('2026-06-30');
    const byNumber = Object.fromEntries(body.invoices.map((l) => [l.number, l]));
    expect(body.invoices.map((l) => l.number)).toEqual(['LG-L3', 'LG-L1', 'LG-L2']); // by days left; L4 paid
    expect(byNumber['LG-L1']).toMatchObject({
      dueDate: '2023-10-01',
      start: '2023-10-02',
      expiry: '2026-10-08', // 2026-10-01 is National Day: first working day after the holiday
      expiryWithWeak: '2028-12-01',
      setBy: { kind: 'due', on: '2023-10-01', proven: true },
      setByWithWeak: { kind: 'promise', on: '2025-12-01', ref: `promise:${fx.promiseId}`, proven: false },
      daysLeft: 100,
      band: '180',
      action: 'sendConfirmation',
      openAmount: 100000,
      jurisdiction: 'CN',
      calendarFallback: true,
    });
    expect(byNumber['LG-L2']).toMatchObject({
      start: '2024-03-16',
      expiry: '2027-03-15',
      setBy: {
        kind: 'payment',
        on: '2024-03-15',
        ref: `payment:${fx.paymentId}`,
        evidence: 'LG-P1',
        proven: true,
      },
      expiryWithWeak: '2028-12-01',
      openAmount: 50000,
      band: 'ok',
      action: 'none',
      calendarFallback: true,
    });
    expect(byNumber['LG-L2'].weakRestarts).toEqual([
      { kind: 'promise', on: '2025-12-01', ref: `promise:${fx.promiseId}`, evidence: null, proven: false },
    ]);
    expect(byNumber['LG-L3']).toMatchObject({
      expiry: '2026-01-12',
      expiryWithWeak: '2026-01-12',
      setBy: { kind: 'due', on: '2023-01-10' },
      band: 'expired',
      action: 'seekPromise',
      waivedBy: null,
      weakRestarts: [],
      calendarFallback: false,
    });
    expect(byNumber['LG-L3'].actionText).toMatch(/promise/);
    expect(body.bands).toEqual({ ok: 1, '180': 1, '90': 0, '30': 0, expired: 1 });
  });

  it('warns 30 days before expiry, in Chinese, before the later email counts', async () => {
    const api = await apiClient(server, 'credit_manager');
    const res = await api.get(
      `/api/legal/limitation?asOf=2025-12-31&customer=${fx.customers.B}&locale=zh-CN`,
    );
    const [l3] = res.json().invoices as Line[];
    // The sent email of 2026-02-01 is after the date; nothing restarts; 12 days left.
    expect(l3).toMatchObject({ number: 'LG-L3', expiry: '2026-01-12', daysLeft: 12, band: '30' });
    expect(l3.actionText).toBe('在诉讼时效届满前发送询证函并取得对方签章确认');
  });

  it('scopes by portfolio and entity; refuses a bad date', async () => {
    const db = store().db;
    const collector = await apiClient(server, 'collector');
    await db
      .updateTable('customer')
      .set({ collector_id: collector.userId })
      .where('id', '=', fx.customers.A)
      .execute();
    const mine = (await collector.get('/api/legal/limitation?asOf=2026-06-30')).json().invoices as Line[];
    expect(mine.map((l) => l.number).sort()).toEqual(['LG-L1', 'LG-L2']);
    await db.insertInto('entity').values({ code: 'LG-E2', name: '另一主体', base_currency: 'CNY' }).execute();
    const other = await apiClientFor(server, {
      username: 'legal_e2',
      roles: [{ role: 'finance', entityCode: 'LG-E2' }],
    });
    const none = await other.get('/api/legal/limitation?asOf=2026-06-30');
    expect([none.statusCode, none.json().invoices]).toEqual([200, []]);
    const anonymous = await apiClient(server, 'anonymous');
    expect((await anonymous.get('/api/legal/limitation')).statusCode).toBe(401);
    const api = await apiClient(server, 'finance');
    expect((await api.get('/api/legal/limitation?asOf=2026-02-30')).statusCode).toBe(400);
  });
});
