// The customer list sorted by open and by overdue amount, on the server: amounts of every currency converted
// to the first entity's base currency at today's rate, ties by id, keyset pages with no duplicates or gaps,
// an amount with no exchange rate sorting below every known amount (never as 0).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';

describeEachStore('customer list sorted by amount', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  beforeAll(async () => {
    const db = store().db;
    const entity = await db
      .insertInto('entity')
      .values({ code: 'SRT', name: '排序公司', base_currency: 'CNY' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('exchange_rate')
      .values({ from_currency: 'USD', to_currency: 'CNY', rate_date: '2020-01-01', rate: '7' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const customer = async (code: string) =>
      (
        await db
          .insertInto('customer')
          .values({ code, name: `客户 ${code}`, attributes: '{}' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    let n = 0;
    const invoice = (customerId: number, currency: string, amount: number, due: string) =>
      db
        .insertInto('invoice')
        .values({
          entity_id: entity.id,
          customer_id: customerId,
          number: `SRT-I${++n}`,
          issue_date: '2020-01-01',
          due_date: due,
          currency,
          amount,
        })
        .execute();
    const past = '2020-02-01';
    const future = '2099-01-01';
    // open / overdue in CNY: A 500/500, B 1000/0, C 100 USD = 700 / 700, D 300+200=500 / 300, E nothing,
    // F a EUR invoice with no rate to CNY (unknown), G the same as A (ties broken by id; D's open too).
    const ids: Record<string, number> = {};
    for (const code of ['SRT-A', 'SRT-B', 'SRT-C', 'SRT-D', 'SRT-E', 'SRT-F', 'SRT-G'])
      ids[code] = await customer(code);
    await invoice(ids['SRT-A'], 'CNY', 50_000, past);
    await invoice(ids['SRT-B'], 'CNY', 100_000, future);
    await invoice(ids['SRT-C'], 'USD', 10_000, past);
    await invoice(ids['SRT-D'], 'CNY', 30_000, past);
    await invoice(ids['SRT-D'], 'CNY', 20_000, future);
    await invoice(ids['SRT-F'], 'EUR', 1_000, past);
    await invoice(ids['SRT-G'], 'CNY', 50_000, past);
    server = await buildServer(testApp(store()));
    api = await apiClient(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function codes(url: string): Promise<{ codes: string[]; pages: number }> {
    const out: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api.get(`${url}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      out.push(...res.json().items.map((c: { code: string }) => c.code));
      cursor = res.json().nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return { codes: out, pages };
  }

  it('sorts by overdue amount, largest first, in pages of two', async () => {
    const { codes: order, pages } = await codes('/api/customers?sort=-overdue&limit=2');
    expect(order).toEqual(['SRT-C', 'SRT-G', 'SRT-A', 'SRT-D', 'SRT-E', 'SRT-B', 'SRT-F']);
    expect(pages).toBe(4);
  });

  it('sorts by open amount both ways, ties by id, the unknown amount below zero', async () => {
    expect((await codes('/api/customers?sort=-open&limit=3')).codes).toEqual([
      'SRT-B',
      'SRT-C',
      'SRT-G',
      'SRT-D',
      'SRT-A',
      'SRT-E',
      'SRT-F',
    ]);
    expect((await codes('/api/customers?sort=open&limit=3')).codes).toEqual([
      'SRT-F',
      'SRT-E',
      'SRT-A',
      'SRT-D',
      'SRT-G',
      'SRT-C',
      'SRT-B',
    ]);
  });

  it('keeps the sort with a search and the overdue filter', async () => {
    expect((await codes('/api/customers?q=SRT&sort=-overdue&limit=2')).codes.slice(0, 3)).toEqual([
      'SRT-C',
      'SRT-G',
      'SRT-A',
    ]);
    expect((await codes('/api/customers?overdue=true&sort=-overdue&limit=2')).codes).toEqual([
      'SRT-C',
      'SRT-G',
      'SRT-A',
      'SRT-D',
      'SRT-F',
    ]);
    const wrong = await api.get('/api/customers?sort=-amount');
    expect(wrong.statusCode).toBe(400);
  });
});
