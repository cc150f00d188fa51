import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/shared/dates';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore } from '../support/stores';
import { makeInvoice, makeParty, makePayment, type Party, testServer } from './allocations.fixtures';

describeEachStore('allocations and write-offs API', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  let party: Party;
  let inv: number;
  let pay: number;
  beforeAll(async () => {
    server = await testServer(store());
    api = await apiClient(server);
    const db = store().db;
    party = await makeParty(db);
    inv = await makeInvoice(db, party, 'AL-1', 1_000_00, '2026-01-31');
    pay = await makePayment(db, party, 'AL-PAY', 600_00, '2026-02-10');
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('GET /api/customers/:id/open-items', () => {
    it('returns open invoices and unapplied money; 404 for an unknown customer', async () => {
      const response = await api.get(`/api/customers/${party.customerId}/open-items`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().invoices).toEqual([
        expect.objectContaining({ id: inv, number: 'AL-1', openAmount: 1_000_00 }),
      ]);
      expect(response.json().payments).toEqual([
        expect.objectContaining({ id: pay, reference: 'AL-PAY', unappliedAmount: 600_00 }),
      ]);
      expect(response.json().creditNotes).toEqual([]);
      expect((await api.get('/api/customers/999999/open-items')).statusCode).toBe(404);
      expect((await api.get('/api/customers/abc/open-items')).statusCode).toBe(400);
    });
  });

  describe('POST /api/allocations and /api/allocations/:id/reverse', () => {
    it('allocates (201), refuses beyond open (409), validates (400), un-allocates (200), 404s', async () => {
      const created = await api.post('/api/allocations', { invoiceId: inv, paymentId: pay, amount: 450_00 });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        invoiceId: inv,
        paymentId: pay,
        creditNoteId: null,
        amount: 450_00,
        method: 'manual',
        effectiveOn: '2026-02-10',
        invoiceOpenAmount: 550_00,
        sourceUnappliedAmount: 150_00,
      });
      const beyond = await api.post('/api/allocations', { invoiceId: inv, paymentId: pay, amount: 150_01 });
      expect(beyond.statusCode).toBe(409);
      expect(beyond.json().error.problems[0]).toMatchObject({ field: 'amount' });
      expect((await api.post('/api/allocations', { invoiceId: inv, amount: 1 })).statusCode).toBe(400);
      expect(
        (await api.post('/api/allocations', { invoiceId: inv, paymentId: pay, amount: 0 })).statusCode,
      ).toBe(400);
      expect(
        (await api.post('/api/allocations', { invoiceId: 999999, paymentId: pay, amount: 1 })).statusCode,
      ).toBe(404);

      const id = created.json().id;
      const early = await api.post(`/api/allocations/${id}/reverse`, { reversedOn: '2026-02-01' });
      expect(early.statusCode).toBe(400);
      const undone = await api.post(`/api/allocations/${id}/reverse`, { reversedOn: '2026-02-20' });
      expect(undone.statusCode, undone.body).toBe(200);
      expect(undone.json()).toMatchObject({
        reversedOn: '2026-02-20',
        invoiceOpenAmount: 1_000_00,
        sourceUnappliedAmount: 600_00,
      });
      expect((await api.post(`/api/allocations/${id}/reverse`, {})).statusCode).toBe(409);
      expect((await api.post('/api/allocations/999999/reverse', {})).statusCode).toBe(404);
    });

    it('un-allocates with no body at all (reversal date defaults to today)', async () => {
      const created = await api.post('/api/allocations', { invoiceId: inv, paymentId: pay, amount: 1_00 });
      const undone = await api.inject({
        method: 'POST',
        url: `/api/allocations/${created.json().id}/reverse`,
      });
      expect(undone.statusCode, undone.body).toBe(200);
      expect(undone.json().reversedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  describe('POST /api/write-offs', () => {
    it('writes off (201), refuses beyond open (409), validates (400), 404s', async () => {
      // An allocation of the invoice was reversed today (above): a write-off dated before would count the
      // money twice on the days between, so it is refused.
      const backdated = await api.post('/api/write-offs', {
        invoiceId: inv,
        amount: 100_00,
        writtenOffOn: '2026-06-30',
        reason: '无法收回',
      });
      expect(backdated.statusCode).toBe(400);
      expect(backdated.json().error.problems[0]).toMatchObject({
        field: 'writtenOffOn',
        reason: expect.stringContaining('an earlier allocation of the invoice was reversed then'),
      });
      const today = todayIn();
      const created = await api.post('/api/write-offs', {
        invoiceId: inv,
        amount: 100_00,
        writtenOffOn: today,
        reason: '无法收回',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({
        invoiceId: inv,
        amount: 100_00,
        invoiceOpenAmount: 900_00,
        reason: '无法收回',
      });
      const beyond = await api.post('/api/write-offs', {
        invoiceId: inv,
        amount: 900_01,
        writtenOffOn: today,
        reason: 'x',
      });
      expect(beyond.statusCode).toBe(409);
      expect(
        (await api.post('/api/write-offs', { invoiceId: inv, amount: 1, writtenOffOn: today })).statusCode,
      ).toBe(400);
      expect(
        (
          await api.post('/api/write-offs', {
            invoiceId: 999999,
            amount: 1,
            writtenOffOn: today,
            reason: 'x',
          })
        ).statusCode,
      ).toBe(404);
    });
  });
});
