import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { type Ledger, seedLedger } from './customers.fixtures';

interface InvoiceItem {
  id: number;
  number: string;
  dueDate: string;
  amount: number;
}

describeEachStore('invoices API', (store) => {
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

  async function allPages(url: string): Promise<{ items: InvoiceItem[]; pages: number }> {
    const items: InvoiceItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await api.get(`${url}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      items.push(...response.json().items);
      cursor = response.json().nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return { items, pages };
  }

  describe('create and paginate', () => {
    const created: InvoiceItem[] = [];

    it('creates 25 invoices for one customer', async () => {
      for (let i = 1; i <= 25; i += 1) {
        // Five invoices share each due date, so the keyset must break ties by id.
        const due = `2026-0${1 + (i % 5)}-15`;
        const response = await api.post('/api/invoices', {
          entityCode: 'SZ',
          customerId: ledger.customers.c003,
          number: `PG-${String(i).padStart(3, '0')}`,
          issueDate: '2025-12-01',
          dueDate: due,
          currency: 'CNY',
          amount: 1_000 * ((i * 7) % 11) + i,
          description: i === 1 ? '首单' : undefined,
        });
        expect(response.statusCode, response.body).toBe(201);
        created.push(response.json());
      }
      expect(created[0]).toMatchObject({
        entityId: ledger.entities.sz,
        entityCode: 'SZ',
        customerId: ledger.customers.c003,
        customerCode: 'C003',
        customerName: 'Acme Trading Ltd',
        number: 'PG-001',
        issueDate: '2025-12-01',
        dueDate: '2026-02-15',
        currency: 'CNY',
        amount: 7_001,
        allocatedAmount: 0,
        openAmount: 7_001,
        status: 'overdue',
        disputed: false,
        orderNumber: null,
        description: '首单',
        allocations: [],
      });
    });

    it('pages by due date in three pages with no duplicates or gaps', async () => {
      const { items, pages } = await allPages(`/api/invoices?customerId=${ledger.customers.c003}&limit=10`);
      expect(pages).toBe(3);
      const expected = [...created].sort((a, b) =>
        a.dueDate === b.dueDate ? a.id - b.id : a.dueDate < b.dueDate ? -1 : 1,
      );
      expect(items.map((i) => i.id)).toEqual(expected.map((i) => i.id));
    });

    it('pages by amount descending', async () => {
      const { items, pages } = await allPages(`/api/invoices?q=PG-&sort=-amount&limit=10`);
      expect(pages).toBe(3);
      const expected = [...created].sort((a, b) =>
        a.amount === b.amount ? b.id - a.id : b.amount - a.amount,
      );
      expect(items.map((i) => i.number)).toEqual(expected.map((i) => i.number));
    });

    it('filters by status and due range', async () => {
      const { items } = await allPages(
        `/api/invoices?customerId=${ledger.customers.c003}&status=open&dueFrom=2026-03-01&dueTo=2026-03-31&limit=500`,
      );
      expect(items.map((i) => i.number).sort()).toEqual(['PG-002', 'PG-007', 'PG-012', 'PG-017', 'PG-022']);
    });
  });

  it('shows the detail with allocations and 404 for an unknown id', async () => {
    const detail = await api.get(`/api/invoices/${ledger.invoices.i001}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      number: 'I-001',
      amount: 100_000,
      allocatedAmount: 30_000,
      openAmount: 70_000,
      allocations: [{ amount: 30_000, method: 'fifo', source: { kind: 'payment', reference: 'P-001' } }],
    });
    const missing = await api.get('/api/invoices/99999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
  });

  it('updates the dispute flag and due date, and rejects other fields', async () => {
    const response = await api.patch(`/api/invoices/${ledger.invoices.i002}`, {
      disputed: true,
      dueDate: '2026-04-30',
      orderNumber: 'SO-9',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ disputed: true, dueDate: '2026-04-30', orderNumber: 'SO-9' });
    const amount = await api.patch(`/api/invoices/${ledger.invoices.i002}`, { amount: 1 });
    expect(amount.statusCode).toBe(400);
    const early = await api.patch(`/api/invoices/${ledger.invoices.i002}`, { dueDate: '2025-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.problems[0]).toMatchObject({ field: 'dueDate' });
  });

  it('answers bad input with 400, duplicates with 409', async () => {
    const bad = [
      '/api/invoices?status=late',
      '/api/invoices?sort=customer',
      '/api/invoices?dueFrom=2026-13-01',
      '/api/invoices?limit=501',
      '/api/invoices?cursor=%7B%7D',
    ];
    for (const url of bad) {
      const response = await api.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code, url).toBe('INVALID_INPUT');
    }
    const base = {
      entityId: ledger.entities.sz,
      customerId: ledger.customers.c002,
      number: 'I-101',
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      currency: 'CNY',
      amount: 100,
    };
    const duplicate = await api.post('/api/invoices', base);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe('Invoice number I-101 already exists for entity SZ');
    const noCustomer = await api.post('/api/invoices', { ...base, number: 'I-Z', customerId: 99_999_999 });
    expect(noCustomer.statusCode).toBe(400);
    expect(noCustomer.json().error.problems).toEqual([
      { field: 'customerId', value: '99999999', reason: 'no such customer' },
    ]);
    const floatAmount = await api.post('/api/invoices', { ...base, number: 'I-Y', amount: 10.5 });
    expect(floatAmount.statusCode).toBe(400);
  });
});
