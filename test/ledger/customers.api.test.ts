import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/platform/http/server';
import { todayIn } from '../../src/shared/dates';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { type Ledger, seedLedger } from './customers.fixtures';

interface CustomerItem {
  id: number;
  code: string;
  name: string;
  balances: unknown[];
}

describeEachStore('customers API', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await seedLedger(store().db);
    server = await buildServer(testApp(store()));
    api = await apiClient(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Follows nextCursor until the end, returning every item in order. */
  async function allPages(url: string): Promise<{ items: CustomerItem[]; pages: number }> {
    const items: CustomerItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await api.get(`${url}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      items.push(...body.items);
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return { items, pages };
  }

  describe('create and paginate', () => {
    // Names repeat, so the name sort must break ties by id to page without duplicates or gaps.
    const names = ['甲方', '乙方', 'Beta', 'alpha', '丙方'];
    const created: CustomerItem[] = [];

    it('creates 25 customers', async () => {
      for (let i = 1; i <= 25; i += 1) {
        const response = await api.post('/api/customers', {
          code: `PG-${String(i).padStart(2, '0')}`,
          name: `${names[i % names.length]}`,
          region: i % 2 ? '华北' : '西南',
          paymentTermsDays: 30,
        });
        expect(response.statusCode, response.body).toBe(201);
        created.push(response.json());
      }
      expect(created[0]).toMatchObject({
        code: 'PG-01',
        name: '乙方',
        region: '华北',
        country: 'CN',
        collector: null,
        balances: [],
        unapplied: [],
        contacts: [],
        parent: null,
        attributes: {},
        oldestOverdueDays: 0,
        lastPaymentDate: null,
      });
    });

    it('pages through three pages by code with no duplicates or gaps', async () => {
      const { items, pages } = await allPages('/api/customers?q=pg-&limit=10');
      expect(pages).toBe(3);
      expect(items.map((c) => c.code)).toEqual(created.map((c) => c.code));
    });

    it('pages by name descending, ties by id descending', async () => {
      const { items, pages } = await allPages('/api/customers?q=PG-&limit=10&sort=-name');
      expect(pages).toBe(3);
      const expected = [...created].sort((a, b) =>
        a.name === b.name ? b.id - a.id : a.name < b.name ? 1 : -1,
      );
      expect(items.map((c) => c.id)).toEqual(expected.map((c) => c.id));
      expect(new Set(items.map((c) => c.id)).size).toBe(25);
    });

    it('filters by region', async () => {
      const { items } = await allPages('/api/customers?q=PG-&region=%E8%A5%BF%E5%8D%97&limit=500');
      expect(items.map((c) => c.code)).toEqual(
        created.filter((_, i) => (i + 1) % 2 === 0).map((c) => c.code),
      );
    });
  });

  it('shows the list fields and balances of the contract', async () => {
    const response = await api.get('/api/customers?q=%E5%8D%8E%E4%B8%BA'); // 华为
    expect(response.statusCode).toBe(200);
    const [c001] = response.json().items;
    expect(Object.keys(c001).sort()).toEqual(
      [
        'id',
        'code',
        'name',
        'taxId',
        'region',
        'country',
        'segment',
        'language',
        'timeZone',
        'paymentTermsDays',
        'collector',
        'salesperson',
        'balances',
        'unapplied',
      ].sort(),
    );
    // Balances are as of the real today here: everything in the fixture is due before 2026-04.
    const today = todayIn('Asia/Shanghai');
    const cny = c001.balances.find((b: { currency: string }) => b.currency === 'CNY');
    expect(cny.openAmount).toBe(120_000);
    expect(cny.overdueAmount).toBe(today > '2026-03-31' ? 120_000 : 70_000);
  });

  it('shows the detail with contacts and returns 404 for an unknown id', async () => {
    const detail = await api.get(`/api/customers/${ledger.customers.c001}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      code: 'C001',
      contacts: [],
      lastPaymentDate: '2026-03-01',
      collector: { id: ledger.users.li, displayName: '李催收' },
    });
    const missing = await api.get('/api/customers/99999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('updates given fields and reports validation errors by field', async () => {
    const patched = await api.patch(`/api/customers/${ledger.customers.c003}`, {
      segment: 'vip',
      collectorId: ledger.users.wang,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      segment: 'vip',
      collector: { id: ledger.users.wang, displayName: '王催收' },
      name: 'Acme Trading Ltd',
    });
    const bad = await api.patch(`/api/customers/${ledger.customers.c003}`, { timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'INVALID_INPUT',
      problems: [{ field: 'timeZone', value: 'Mars/Olympus' }],
    });
    const missingName = await api.post('/api/customers', { code: 'NN-1' });
    expect(missingName.statusCode).toBe(400);
    expect(missingName.json().error.code).toBe('INVALID_INPUT');
    expect(JSON.stringify(missingName.json().error.problems)).toContain('name');
    const unknownField = await api.patch(`/api/customers/${ledger.customers.c003}`, { balance: 1 });
    expect(unknownField.statusCode).toBe(400);
    const duplicate = await api.post('/api/customers', { code: 'C001', name: 'dup' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toEqual({
      code: 'CONFLICT',
      message: 'Customer code C001 already exists',
      messageCode: 'customerCodeTaken',
      params: { code: 'C001' },
    });
    const gone = await api.patch('/api/customers/99999999', { segment: 'x' });
    expect(gone.statusCode).toBe(404);
    const badSort = await api.get('/api/customers?sort=balance');
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().error.problems[0].field).toBe('sort');
    const badCursor = await api.get('/api/customers?cursor=xyz');
    expect(badCursor.statusCode).toBe(400);
  });
});
