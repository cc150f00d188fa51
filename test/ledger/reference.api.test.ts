import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';

describeEachStore('reference API', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  beforeAll(async () => {
    server = await buildServer(testApp(store()));
    api = await apiClient(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates and lists entities', async () => {
    const created = await api.post('/api/entities', { code: 'API-SZ', name: '深圳', baseCurrency: 'CNY' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'API-SZ',
      baseCurrency: 'CNY',
      country: 'CN',
      timeZone: 'Asia/Shanghai',
    });
    const listed = await api.get('/api/entities');
    expect(listed.json().items.map((e: { code: string }) => e.code)).toContain('API-SZ');
    expect(
      (await api.post('/api/entities', { code: 'API-SZ', name: 'x', baseCurrency: 'CNY' })).statusCode,
    ).toBe(409);
    expect(
      (await api.post('/api/entities', { code: 'API-X', name: 'x', baseCurrency: 'cny' })).statusCode,
    ).toBe(400);
  });

  it('lists currencies', async () => {
    const response = await api.get('/api/currencies');
    expect(response.json().items).toContainEqual({ code: 'KRW', minorUnits: 0, name: 'South Korean won' });
  });

  it('upserts and queries exchange rates', async () => {
    const posted = await api.post('/api/exchange-rates', {
      items: [
        { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-01-02', rate: '7.0123' },
        { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-02-02', rate: '7.1' },
      ],
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toMatchObject({ inserted: 2, updated: 0 });
    const inForce = await api.get('/api/exchange-rates?from=USD&to=CNY&date=2026-02-01');
    expect(inForce.json().items).toEqual([
      { fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-01-02', rate: '7.0123' },
    ]);
    const bad = await api.post('/api/exchange-rates', {
      items: [{ fromCurrency: 'USD', toCurrency: 'CNY', rateDate: '2026-01-02', rate: '7.1234567890123' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems[0].field).toBe('items/0/rate');
    expect((await api.get('/api/exchange-rates?date=yesterday')).statusCode).toBe(400);
  });

  it('lists staff', async () => {
    const user = await store()
      .db.insertInto('app_user')
      .values({ username: 'api-staff', display_name: '周催收' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store()
      .db.insertInto('user_role')
      .values({ user_id: user.id, role: 'collector', entity_id: null })
      .execute();
    const response = await api.get('/api/staff?q=周催');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([{ id: user.id, displayName: '周催收', roles: ['collector'] }]);
  });
});
