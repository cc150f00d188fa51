import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore } from '../support/stores';
import { makeCreditNote, makeInvoice, makeParty, type Party, testServer } from './allocations.fixtures';

describeEachStore('payments and credit notes API', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  let party: Party & { customerCode: string };
  let inv1: number;
  let inv2: number;
  beforeAll(async () => {
    server = await testServer(store());
    api = await apiClient(server);
    const db = store().db;
    party = await makeParty(db);
    inv1 = await makeInvoice(db, party, 'API-1', 1_000_00, '2026-01-31');
    inv2 = await makeInvoice(db, party, 'API-2', 500_00, '2026-02-28');
  });
  afterAll(async () => {
    await server?.close();
  });

  const body = (extra: Record<string, unknown> = {}) => ({
    entityId: party.entityId,
    customerCode: party.customerCode,
    reference: 'API-BANK-1',
    receivedDate: '2026-03-01',
    currency: 'CNY',
    amount: 700_00,
    remittanceInvoiceNumbers: ['API-2'],
    ...extra,
  });

  describe('POST /api/payments', () => {
    it('records and allocates (201), repeats idempotently (200), refuses other data (409)', async () => {
      const created = await api.post('/api/payments', body());
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        reference: 'API-BANK-1',
        customerCode: party.customerCode,
        amount: 700_00,
        allocatedAmount: 700_00,
        unappliedAmount: 0,
        remittanceInvoiceNumbers: ['API-2'],
        reversedOn: null,
      });
      expect(
        created
          .json()
          .allocations.map((a: { invoiceId: number; amount: number; method: string }) => [
            a.invoiceId,
            a.amount,
            a.method,
          ]),
      ).toEqual([
        [inv2, 500_00, 'reference'],
        [inv1, 200_00, 'fifo'],
      ]);
      const repeat = await api.post('/api/payments', body());
      expect(repeat.statusCode, repeat.body).toBe(200);
      expect(repeat.json().id).toBe(created.json().id);
      const clash = await api.post('/api/payments', body({ amount: 1 }));
      expect(clash.statusCode).toBe(409);
      expect(clash.json().error.code).toBe('CONFLICT');
    });

    it('validates the body (400) and the customer (404)', async () => {
      const bad = await api.post('/api/payments', body({ reference: 'API-BAD', amount: 12.5 }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('INVALID_INPUT');
      const badDate = await api.post(
        '/api/payments',
        body({ reference: 'API-BAD', receivedDate: '2026-13-01' }),
      );
      expect(badDate.statusCode).toBe(400);
      const missing = await api.post('/api/payments', body({ reference: 'API-NC', customerCode: 'NO-SUCH' }));
      expect(missing.statusCode).toBe(404);
    });
  });

  describe('GET /api/payments', () => {
    it('lists, filters and pages; 404 for an unknown id', async () => {
      await api.post('/api/payments', body({ reference: 'API-BANK-2', amount: 50_00, autoAllocate: false }));
      const list = await api.get(`/api/payments?customerId=${party.customerId}&sort=receivedDate&limit=1`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().items).toHaveLength(1);
      expect(list.json().nextCursor).toEqual(expect.any(String));
      const unappliedOnes = await api.get(`/api/payments?customerId=${party.customerId}&status=unapplied`);
      expect(unappliedOnes.json().items.map((p: { reference: string }) => p.reference)).toEqual([
        'API-BANK-2',
      ]);
      const byQuery = await api.get('/api/payments?q=bank-2');
      expect(byQuery.json().items.map((p: { reference: string }) => p.reference)).toContain('API-BANK-2');
      const bad = await api.get('/api/payments?status=weird');
      expect(bad.statusCode).toBe(400);
      const badSort = await api.get('/api/payments?sort=customer');
      expect(badSort.statusCode).toBe(400);
      const one = await api.get(`/api/payments/${list.json().items[0].id}`);
      expect(one.statusCode).toBe(200);
      expect(one.json().allocations).toEqual(expect.any(Array));
      expect((await api.get('/api/payments/999999')).statusCode).toBe(404);
    });
  });

  describe('keyset cursors', () => {
    // Pages through `url` with `sort`, then reuses the cursor with `otherSort`.
    async function mismatch(url: string, sort: string, otherSort: string) {
      const first = await api.get(`${url}&sort=${sort}&limit=1`);
      expect(first.statusCode, first.body).toBe(200);
      const cursor = first.json().nextCursor;
      expect(cursor).toEqual(expect.any(String));
      const second = await api.get(`${url}&sort=${sort}&limit=1&cursor=${cursor}`);
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
      return api.get(`${url}&sort=${otherSort}&limit=1&cursor=${cursor}`);
    }

    it('refuses a payment cursor made for another sort (400) instead of a wrong page', async () => {
      const wrong = await mismatch(`/api/payments?customerId=${party.customerId}`, 'receivedDate', '-amount');
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error).toMatchObject({
        code: 'INVALID_INPUT',
        message: 'cursor was made for sort receivedDate, not -amount; start again without it',
        problems: [expect.objectContaining({ field: 'cursor', reason: 'cursor does not match the sort' })],
      });
      const reversed = await mismatch(`/api/payments?customerId=${party.customerId}`, 'amount', '-amount');
      expect(reversed.statusCode).toBe(400);
    });

    it('refuses a credit-note cursor made for another sort (400)', async () => {
      const other = await makeParty(store().db);
      await makeCreditNote(store().db, other, 'KS-CN-1', 10_00, '2026-03-01');
      await makeCreditNote(store().db, other, 'KS-CN-2', 20_00, '2026-03-02');
      const wrong = await mismatch(
        `/api/credit-notes?customerId=${other.customerId}`,
        '-issueDate',
        'amount',
      );
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toBe(
        'cursor was made for sort -issueDate, not amount; start again without it',
      );
    });
  });

  describe('POST /api/payments/:id/auto-allocate and /reverse', () => {
    it('allocates on demand, reverses, then refuses both on the reversed payment', async () => {
      const db = store().db;
      const inv3 = await makeInvoice(db, party, 'API-3', 80_00, '2026-03-31');
      const created = await api.post(
        '/api/payments',
        body({
          reference: 'API-BANK-3',
          amount: 30_00,
          autoAllocate: false,
          remittanceInvoiceNumbers: ['API-3'],
        }),
      );
      const id = created.json().id;
      const allocated = await api.post(`/api/payments/${id}/auto-allocate`);
      expect(allocated.statusCode, allocated.body).toBe(200);
      expect(allocated.json().allocations).toEqual([
        expect.objectContaining({ invoiceId: inv3, amount: 30_00, method: 'reference' }),
      ]);
      expect((await api.post('/api/payments/999999/auto-allocate')).statusCode).toBe(404);

      const noReason = await api.post(`/api/payments/${id}/reverse`, { reversedOn: '2026-03-05' });
      expect(noReason.statusCode).toBe(400);
      const reversed = await api.post(`/api/payments/${id}/reverse`, {
        reversedOn: '2026-03-05',
        reason: 'bounced',
      });
      expect(reversed.statusCode, reversed.body).toBe(200);
      expect(reversed.json()).toMatchObject({
        reversedOn: '2026-03-05',
        reversalReason: 'bounced',
        unappliedAmount: 0,
      });
      expect(reversed.json().allocations[0].reversedOn).toBe('2026-03-05');
      const invoice = await db
        .selectFrom('invoice')
        .select('open_amount')
        .where('id', '=', inv3)
        .executeTakeFirstOrThrow();
      expect(invoice.open_amount).toBe(80_00);
      expect(
        (await api.post(`/api/payments/${id}/reverse`, { reversedOn: '2026-03-06', reason: 'x' })).statusCode,
      ).toBe(409);
      expect((await api.post(`/api/payments/${id}/auto-allocate`)).statusCode).toBe(409);
      expect(
        (await api.post('/api/payments/999999/reverse', { reversedOn: '2026-03-06', reason: 'x' }))
          .statusCode,
      ).toBe(404);
    });
  });

  describe('credit notes', () => {
    it('creates (201/200/409), validates (400), lists and shows (404)', async () => {
      const db = store().db;
      const inv4 = await makeInvoice(db, party, 'API-4', 60_00, '2026-04-30');
      const cn = {
        entityId: party.entityId,
        customerId: party.customerId,
        number: 'API-CN-1',
        issueDate: '2026-03-10',
        currency: 'CNY',
        amount: 25_00,
        invoiceNumber: 'API-4',
        reason: '折让',
      };
      const created = await api.post('/api/credit-notes', cn);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        number: 'API-CN-1',
        unappliedAmount: 0,
        invoiceNumber: 'API-4',
      });
      expect(created.json().allocations).toEqual([
        expect.objectContaining({ invoiceId: inv4, amount: 25_00, method: 'reference' }),
      ]);
      expect((await api.post('/api/credit-notes', cn)).statusCode).toBe(200);
      expect((await api.post('/api/credit-notes', { ...cn, amount: 26_00 })).statusCode).toBe(409);
      expect(
        (await api.post('/api/credit-notes', { ...cn, number: 'API-CN-2', amount: -1 })).statusCode,
      ).toBe(400);
      const list = await api.get(`/api/credit-notes?customerId=${party.customerId}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((c: { number: string }) => c.number)).toEqual(['API-CN-1']);
      expect((await api.get(`/api/credit-notes/${created.json().id}`)).json().allocations).toHaveLength(1);
      expect((await api.get('/api/credit-notes/999999')).statusCode).toBe(404);
    });
  });
});
