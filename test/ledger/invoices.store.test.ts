import { beforeAll, describe, expect, it } from 'vitest';
import { createInvoice } from '../../src/ledger/invoices/create-invoice';
import { getInvoice } from '../../src/ledger/invoices/get-invoice';
import { listInvoices } from '../../src/ledger/invoices/list-invoices';
import { updateInvoice } from '../../src/ledger/invoices/update-invoice';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { describeEachStore } from '../support/stores';
import { collectorActor, entityActor, type Ledger, seedLedger, TODAY } from './customers.fixtures';

describeEachStore('invoices', (store) => {
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await seedLedger(store().db);
  });
  const list = (input: Record<string, unknown> = {}, actor = SYSTEM_ACTOR) =>
    listInvoices(store().db, actor, { today: TODAY, ...input });
  const numbers = async (input: Record<string, unknown> = {}, actor = SYSTEM_ACTOR) =>
    (await list(input, actor)).items.map((i) => i.number);

  it('lists with status, open amount and days past due as of today', async () => {
    const page = await list({ customerId: ledger.customers.c001 });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((i) => [i.number, i.status, i.openAmount, i.daysPastDue])).toEqual([
      ['I-004', 'paid', 0, 0],
      ['I-001', 'overdue', 70_000, 43],
      ['I-003', 'overdue', 20_000, 34],
      ['I-002', 'open', 50_000, 0],
    ]);
    expect(page.items[1]).toMatchObject({
      entityCode: 'SZ',
      customerCode: 'C001',
      customerName: '深圳华为技术有限公司',
      amount: 100_000,
      allocatedAmount: 30_000,
      currency: 'CNY',
      disputed: false,
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
    });
  });

  it('filters by status: open includes overdue, paid means nothing left', async () => {
    expect(await numbers({ status: 'open' })).toEqual(['I-001', 'I-003', 'I-101', 'I-002']);
    expect(await numbers({ status: 'overdue' })).toEqual(['I-001', 'I-003']);
    expect(await numbers({ status: 'paid' })).toEqual(['I-004']);
    expect(await numbers({ status: 'all' })).toHaveLength(5);
  });

  it('filters by number, due range, currency, entity and dispute flag', async () => {
    expect(await numbers({ q: '-10' })).toEqual(['I-101']);
    expect(await numbers({ q: 'i-00', sort: 'number' })).toEqual(['I-001', 'I-002', 'I-003', 'I-004']);
    expect(await numbers({ dueFrom: '2026-02-01', dueTo: '2026-03-20' })).toEqual(['I-003', 'I-101']);
    expect(await numbers({ currency: 'USD' })).toEqual(['I-003']);
    expect(await numbers({ entityId: ledger.entities.hk })).toEqual(['I-003']);
    expect(await numbers({ disputed: true })).toEqual([]);
  });

  it('sorts by amount and open amount either way', async () => {
    expect(await numbers({ sort: '-amount' })).toEqual(['I-001', 'I-002', 'I-101', 'I-003', 'I-004']);
    expect(await numbers({ sort: 'openAmount' })).toEqual(['I-004', 'I-003', 'I-101', 'I-002', 'I-001']);
    await expect(list({ sort: 'customer' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('pages with a cursor bound to its sort', async () => {
    const first = await list({ sort: '-dueDate', limit: 2 });
    expect(first.items.map((i) => i.number)).toEqual(['I-002', 'I-101']);
    const second = await list({ sort: '-dueDate', limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => i.number)).toEqual(['I-003', 'I-001']);
    const third = await list({ sort: '-dueDate', limit: 2, cursor: second.nextCursor });
    expect(third.items.map((i) => i.number)).toEqual(['I-004']);
    expect(third.nextCursor).toBeNull();
    await expect(list({ sort: 'amount', cursor: first.nextCursor })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('scopes lists, search and detail to the collector and entity', async () => {
    const wang = collectorActor(ledger.users.wang);
    expect(await numbers({}, wang)).toEqual(['I-101']);
    expect(await numbers({ q: 'I-00' }, wang)).toEqual([]);
    await expect(
      getInvoice(store().db, wang, { id: ledger.invoices.i001, today: TODAY }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await numbers({}, entityActor([ledger.entities.hk]))).toEqual(['I-003']);
  });

  it('shows allocations with their source in the detail', async () => {
    const i001 = await getInvoice(store().db, SYSTEM_ACTOR, { id: ledger.invoices.i001, today: TODAY });
    expect(i001.allocations).toEqual([
      {
        id: expect.any(Number),
        amount: 30_000,
        effectiveOn: '2026-02-10',
        reversedOn: null,
        method: 'fifo',
        source: { kind: 'payment', id: ledger.payments.p001, reference: 'P-001' },
      },
    ]);
    const i004 = await getInvoice(store().db, SYSTEM_ACTOR, { id: ledger.invoices.i004, today: TODAY });
    expect(i004.allocations[0].source).toEqual({
      kind: 'credit_note',
      id: ledger.creditNotes.cn001,
      reference: 'CN-001',
    });
    expect(i004.status).toBe('paid');
  });

  describe('create and update', () => {
    it('creates by codes and derives the due date from payment terms', async () => {
      const created = await createInvoice(store().db, SYSTEM_ACTOR, {
        invoice: {
          entityCode: 'SZ',
          customerCode: 'C001',
          number: 'I-NEW-1',
          issueDate: '2026-03-01',
          currency: 'CNY',
          amount: 12_345,
          orderNumber: 'SO-1',
        },
        today: TODAY,
      });
      expect(created).toMatchObject({
        number: 'I-NEW-1',
        dueDate: '2026-03-31',
        openAmount: 12_345,
        status: 'open',
        orderNumber: 'SO-1',
        description: null,
        allocations: [],
      });
    });

    it('rejects a duplicate number in the entity and names bad fields', async () => {
      const base = {
        entityId: ledger.entities.sz,
        customerId: ledger.customers.c002,
        number: 'I-101',
        issueDate: '2026-03-01',
        dueDate: '2026-03-31',
        currency: 'CNY',
        amount: 100,
      };
      await expect(
        createInvoice(store().db, SYSTEM_ACTOR, { invoice: base, today: TODAY }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'Invoice number I-101 already exists for entity SZ',
      });
      // C002 has no payment terms, so the due date is required; XXX is no currency.
      const error = await createInvoice(store().db, SYSTEM_ACTOR, {
        invoice: { ...base, number: 'I-X', dueDate: undefined, currency: 'XXX', amount: 0 },
        today: TODAY,
      }).catch((e) => e);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details.problems.map((p: { field: string }) => p.field)).toEqual(['amount']);
      const second = await createInvoice(store().db, SYSTEM_ACTOR, {
        invoice: { ...base, number: 'I-X', dueDate: undefined, currency: 'XXX' },
        today: TODAY,
      }).catch((e) => e);
      expect(second.details.problems.map((p: { field: string }) => p.field)).toEqual(['currency', 'dueDate']);
    });

    it('does not let a collector invoice a customer of someone else', async () => {
      const li = collectorActor(ledger.users.li);
      const error = await createInvoice(store().db, li, {
        invoice: {
          entityId: ledger.entities.sz,
          customerId: ledger.customers.c002,
          number: 'I-LI',
          issueDate: '2026-03-01',
          dueDate: '2026-03-31',
          currency: 'CNY',
          amount: 100,
        },
        today: TODAY,
      }).catch((e) => e);
      expect(error.details.problems).toEqual([
        { field: 'customerId', value: String(ledger.customers.c002), reason: 'no such customer' },
      ]);
    });

    it('updates dispute flag, due date and texts only', async () => {
      const updated = await updateInvoice(store().db, SYSTEM_ACTOR, {
        id: ledger.invoices.i101,
        changes: { disputed: true, dueDate: '2026-04-30', description: '质量争议', orderNumber: null },
        today: '2026-04-01',
      });
      expect(updated).toMatchObject({
        disputed: true,
        dueDate: '2026-04-30',
        description: '质量争议',
        status: 'open',
        daysPastDue: 0,
      });
      expect(await numbers({ disputed: true })).toEqual(['I-101']);
      await expect(
        updateInvoice(store().db, SYSTEM_ACTOR, {
          id: ledger.invoices.i101,
          changes: { dueDate: '2026-01-01' },
          today: TODAY,
        }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(
        updateInvoice(store().db, SYSTEM_ACTOR, {
          id: ledger.invoices.i101,
          changes: { amount: 1 } as never,
          today: TODAY,
        }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(
        updateInvoice(store().db, SYSTEM_ACTOR, { id: 999_999, changes: {}, today: TODAY }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
