import { expect, it } from 'vitest';
import { autoAllocate } from '../../src/ledger/allocations/auto-allocate';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { inTransaction } from '../../src/platform/db/transaction';
import { describeEachStore } from '../support/stores';
import {
  makeCreditNote,
  makeInvoice,
  makeParty,
  makePayment,
  openAmounts,
  unapplied,
} from './allocations.fixtures';

describeEachStore('autoAllocate', (store) => {
  const run = (input: { paymentIds?: number[]; creditNoteIds?: number[] }) =>
    inTransaction(store().db, SYSTEM_ACTOR, (tx) => autoAllocate(tx, SYSTEM_ACTOR, input));

  it('pays the named invoices, then the oldest due, and leaves the rest unapplied', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const a = await makeInvoice(db, party, 'A-1', 100_00, '2026-02-01');
    const b = await makeInvoice(db, party, 'A-2', 200_00, '2026-01-15');
    const c = await makeInvoice(db, party, 'A-3', 300_00, '2026-03-01');
    const p = await makePayment(db, party, 'P-A', 350_00, '2026-02-10', { invoices: ['A-3'] });
    expect(await run({ paymentIds: [p] })).toEqual({ allocationCount: 2, allocatedAmount: 350_00 });
    expect(await openAmounts(db, [a, b, c])).toEqual([100_00, 150_00, 0]);
    const rows = await db
      .selectFrom('allocation')
      .select(['invoice_id', 'amount', 'method', 'effective_on'])
      .where('payment_id', '=', p)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { invoice_id: c, amount: 300_00, method: 'reference', effective_on: '2026-02-10' },
      { invoice_id: b, amount: 50_00, method: 'fifo', effective_on: '2026-02-10' },
    ]);
  });

  it('handles many payments of one customer in date order, over-payment stays unapplied', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const a = await makeInvoice(db, party, 'B-1', 100_00, '2026-01-10');
    const b = await makeInvoice(db, party, 'B-2', 100_00, '2026-01-20');
    const later = await makePayment(db, party, 'P-B2', 150_00, '2026-02-20');
    const earlier = await makePayment(db, party, 'P-B1', 80_00, '2026-02-01');
    const usd = await makePayment(db, party, 'P-USD', 10_00, '2026-02-01', { currency: 'USD' });
    const result = await run({ paymentIds: [later, earlier, usd] });
    expect(result).toEqual({ allocationCount: 3, allocatedAmount: 200_00 });
    expect(await openAmounts(db, [a, b])).toEqual([0, 0]);
    expect(await unapplied(db, 'payment', earlier)).toBe(0);
    expect(await unapplied(db, 'payment', later)).toBe(30_00);
    expect(await unapplied(db, 'payment', usd)).toBe(10_00); // no USD invoice
  });

  it('skips disputed invoices unless named; credit notes follow their invoice number', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const disputed = await makeInvoice(db, party, 'D-1', 100_00, '2026-01-01', { disputed: true });
    const normal = await makeInvoice(db, party, 'D-2', 100_00, '2026-02-01');
    const p = await makePayment(db, party, 'P-D', 40_00, '2026-02-02');
    const cn = await makeCreditNote(db, party, 'CN-D', 30_00, '2026-02-03', 'D-1');
    await run({ paymentIds: [p], creditNoteIds: [cn] });
    expect(await openAmounts(db, [disputed, normal])).toEqual([70_00, 60_00]);
    expect(await unapplied(db, 'credit_note', cn)).toBe(0);
  });

  it('does nothing for reversed or fully applied payments and unknown ids', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const i = await makeInvoice(db, party, 'R-1', 100_00, '2026-01-01');
    const p = await makePayment(db, party, 'P-R', 40_00, '2026-02-02');
    await db.updateTable('payment').set({ reversed_on: '2026-02-05' }).where('id', '=', p).execute();
    expect(await run({ paymentIds: [p, 999_999] })).toEqual({ allocationCount: 0, allocatedAmount: 0 });
    expect(await run({})).toEqual({ allocationCount: 0, allocatedAmount: 0 });
    expect(await openAmounts(db, [i])).toEqual([100_00]);
  });

  it('allocates thousands of payments in a few statements', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const n = 2_000;
    await db
      .insertInto('invoice')
      .values(
        Array.from({ length: n }, (_, k) => ({
          entity_id: party.entityId,
          customer_id: party.customerId,
          number: `BULK-${k}`,
          issue_date: '2026-01-01',
          due_date: `2026-02-${String(1 + (k % 28)).padStart(2, '0')}`,
          currency: 'CNY',
          amount: 1_000,
        })),
      )
      .execute();
    const payments = await db
      .insertInto('payment')
      .values(
        Array.from({ length: n }, (_, k) => ({
          entity_id: party.entityId,
          customer_id: party.customerId,
          reference: `BULK-P-${k}`,
          received_date: '2026-03-01',
          currency: 'CNY',
          amount: 999,
          remittance_invoice_numbers: k % 2 ? [`BULK-${k}`] : [],
        })),
      )
      .returning('id')
      .execute();
    const started = performance.now();
    const result = await run({ paymentIds: payments.map((p) => p.id) });
    const ms = performance.now() - started;
    expect(result.allocatedAmount).toBe(n * 999);
    const totals = await db
      .selectFrom('invoice')
      .select((eb) => [eb.fn.sum<number>('open_amount').as('open')])
      .where('customer_id', '=', party.customerId)
      .executeTakeFirstOrThrow();
    expect(Number(totals.open)).toBe(n * 1_000 - n * 999);
    console.log(`autoAllocate ${n} payments: ${result.allocationCount} allocations in ${ms.toFixed(0)} ms`);
    // Generous: the bound catches a per-row algorithm (minutes), not a loaded CI machine.
    expect(ms).toBeLessThan(60_000);
  });
});
