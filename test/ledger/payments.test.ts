import { expect, it } from 'vitest';
import { getOpenItems } from '../../src/ledger/allocations/open-items';
import { allocatePayment } from '../../src/ledger/payments/allocate-payment';
import { getPayment } from '../../src/ledger/payments/get-payment';
import { listPayments } from '../../src/ledger/payments/list-payments';
import { recordPayment } from '../../src/ledger/payments/record-payment';
import { reversePayment } from '../../src/ledger/payments/reverse-payment';
import { type Actor, SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { describeEachStore } from '../support/stores';
import { makeInvoice, makeParty, openAmounts } from './allocations.fixtures';

const actor = SYSTEM_ACTOR;

describeEachStore('payments', (store) => {
  const record = (party: { entityId: number; customerId: number }, extra: Record<string, unknown>) =>
    recordPayment(store().db, actor, {
      entityId: party.entityId,
      customerId: party.customerId,
      reference: 'X',
      receivedDate: '2026-03-01',
      currency: 'CNY',
      amount: 1,
      ...extra,
    });

  it('allocates by reference first, then FIFO, and keeps over-payment unapplied', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const old = await makeInvoice(db, party, 'F-1', 1_000_00, '2026-01-31');
    const mid = await makeInvoice(db, party, 'F-2', 500_00, '2026-02-15');
    const named = await makeInvoice(db, party, 'F-3', 300_00, '2026-03-31');
    const { created, payment } = await record(party, {
      reference: 'BANK-001',
      amount: 2_000_00,
      remittanceInvoiceNumbers: ['F-3'],
    });
    expect(created).toBe(true);
    expect(payment.allocations.map((a) => [a.invoiceNumber, a.amount, a.method])).toEqual([
      ['F-3', 300_00, 'reference'],
      ['F-1', 1_000_00, 'fifo'],
      ['F-2', 500_00, 'fifo'],
    ]);
    expect(payment).toMatchObject({ allocatedAmount: 1_800_00, unappliedAmount: 200_00 });
    expect(await openAmounts(db, [old, mid, named])).toEqual([0, 0, 0]);
  });

  it('applies a partial payment to the oldest invoice only', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const a = await makeInvoice(db, party, 'P-1', 1_000_00, '2026-01-31');
    const b = await makeInvoice(db, party, 'P-2', 1_000_00, '2026-02-28');
    const { payment } = await record(party, { reference: 'PART-1', amount: 400_50 });
    expect(payment.unappliedAmount).toBe(0);
    expect(await openAmounts(db, [a, b])).toEqual([599_50, 1_000_00]);
  });

  it('is idempotent by entity and reference, and refuses the same reference with other data', async () => {
    const db = store().db;
    const party = await makeParty(db);
    await makeInvoice(db, party, 'I-1', 1_000_00, '2026-01-31');
    const first = await record(party, {
      reference: 'IDEM-1',
      amount: 300_00,
      remittanceInvoiceNumbers: ['I-1'],
    });
    const again = await record(party, {
      reference: ' IDEM-1 ',
      amount: 300_00,
      remittanceInvoiceNumbers: ['I-1'],
    });
    expect(again.created).toBe(false);
    expect(again.payment.id).toBe(first.payment.id);
    expect(again.payment.allocations).toHaveLength(1); // not allocated twice
    await expect(record(party, { reference: 'IDEM-1', amount: 301_00 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/amount/),
    });
  });

  it('refuses bad input with field problems and unknown customers with NOT_FOUND', async () => {
    const party = await makeParty(store().db);
    await expect(
      record(party, { reference: 'BAD', amount: 0, receivedDate: '2026-02-30' }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: {
        problems: [
          expect.objectContaining({ field: 'receivedDate' }),
          expect.objectContaining({ field: 'amount' }),
        ],
      },
    });
    await expect(record({ ...party, customerId: 987_654 }, { reference: 'NC' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(record(party, { reference: 'CUR', currency: 'XYZ' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('reversing a bounced payment re-opens its invoices with exact open amounts', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const a = await makeInvoice(db, party, 'R-1', 700_00, '2026-01-31');
    const b = await makeInvoice(db, party, 'R-2', 500_00, '2026-02-28');
    const other = await record(party, { reference: 'KEEP', amount: 100_00, receivedDate: '2026-02-01' });
    expect(other.payment.allocations[0]).toMatchObject({ invoiceNumber: 'R-1', amount: 100_00 });
    const { payment } = await record(party, {
      reference: 'BOUNCE',
      amount: 900_00,
      receivedDate: '2026-03-01',
    });
    expect(await openAmounts(db, [a, b])).toEqual([0, 200_00]);

    await expect(
      reversePayment(db, actor, { paymentId: payment.id, reversedOn: '2026-02-28', reason: 'bounced' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' }); // before it was received
    const reversed = await reversePayment(db, actor, {
      paymentId: payment.id,
      reversedOn: '2026-03-05',
      reason: '退票',
    });
    expect(reversed).toMatchObject({
      reversedOn: '2026-03-05',
      reversalReason: '退票',
      allocatedAmount: 0,
      unappliedAmount: 0,
    });
    expect(reversed.allocations.map((x) => x.reversedOn)).toEqual(['2026-03-05', '2026-03-05']);
    // The other payment's 100.00 stays on R-1.
    expect(await openAmounts(db, [a, b])).toEqual([600_00, 500_00]);
    await expect(
      reversePayment(db, actor, { paymentId: payment.id, reversedOn: '2026-03-06', reason: 'again' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(allocatePayment(db, actor, payment.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const rows = await db
      .selectFrom('allocation')
      .select('id')
      .where('payment_id', '=', payment.id)
      .execute();
    expect(rows).toHaveLength(2); // never deleted
  });

  it('auto-allocates later, once the invoices arrive', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const { payment } = await record(party, {
      reference: 'EARLY',
      amount: 250_00,
      receivedDate: '2026-01-05',
    });
    expect(payment.unappliedAmount).toBe(250_00);
    const inv = await makeInvoice(db, party, 'LATE-1', 200_00, '2026-02-10', { issueDate: '2026-01-10' });
    const after = await allocatePayment(db, actor, payment.id);
    // Effective when the invoice existed, not before it was issued.
    expect(after.allocations).toEqual([
      expect.objectContaining({ invoiceId: inv, amount: 200_00, effectiveOn: '2026-01-10' }),
    ]);
    expect(after.unappliedAmount).toBe(50_00);
  });

  it('lists with filters, status and keyset pages', async () => {
    const db = store().db;
    const party = await makeParty(db);
    await makeInvoice(db, party, 'L-1', 100_00, '2026-01-31');
    for (const [reference, amount, date] of [
      ['LST-A', 100_00, '2026-02-01'],
      ['LST-B', 50_00, '2026-02-02'],
      ['LST-C', 70_00, '2026-02-03'],
    ] as const) {
      await record(party, { reference, amount, receivedDate: date });
    }
    const all = await listPayments(db, actor, {
      customerId: party.customerId,
      sort: 'receivedDate',
      limit: 2,
    });
    expect(all.items.map((p) => p.reference)).toEqual(['LST-A', 'LST-B']);
    const next = await listPayments(db, actor, {
      customerId: party.customerId,
      sort: 'receivedDate',
      limit: 2,
      cursor: all.nextCursor!,
    });
    expect(next.items.map((p) => p.reference)).toEqual(['LST-C']);
    expect(next.nextCursor).toBeNull();
    const unappliedOnes = await listPayments(db, actor, {
      customerId: party.customerId,
      status: 'unapplied',
      sort: '-amount',
    });
    expect(unappliedOnes.items.map((p) => p.reference)).toEqual(['LST-C', 'LST-B']);
    const applied = await listPayments(db, actor, {
      customerId: party.customerId,
      status: 'applied',
      q: 'st-',
    });
    expect(applied.items.map((p) => p.reference)).toEqual(['LST-A']);
    await expect(listPayments(db, actor, { sort: 'reference' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('shows a collector only the payments of customers assigned to them', async () => {
    const db = store().db;
    const mine = await makeParty(db);
    const theirs = await makeParty(db);
    const user = await db
      .insertInto('app_user')
      .values({ username: `collector-${mine.customerId}`, display_name: '催收员' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('customer')
      .set({ collector_id: user.id })
      .where('id', '=', mine.customerId)
      .execute();
    const mineP = await record(mine, { reference: 'SCOPE-MINE', amount: 10_00 });
    const theirsP = await record(theirs, { reference: 'SCOPE-THEIRS', amount: 10_00 });
    const collector: Actor = {
      userId: user.id,
      name: 'collector',
      permissions: new Set(['ledger:read', 'payments:write']),
      customerScope: { collectorUserIds: [user.id], salespersonUserIds: [] },
      entityIds: null,
    };
    const seen = await listPayments(db, collector, { q: 'SCOPE-' });
    expect(seen.items.map((p) => p.reference)).toEqual(['SCOPE-MINE']);
    expect((await getPayment(db, collector, mineP.payment.id)).reference).toBe('SCOPE-MINE');
    await expect(getPayment(db, collector, theirsP.payment.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      getOpenItems(db, collector, { customerId: theirs.customerId, today: '2026-03-01' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      recordPayment(db, collector, {
        ...theirs,
        reference: 'SCOPE-X',
        receivedDate: '2026-03-01',
        currency: 'CNY',
        amount: 1,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const auditor: Actor = { ...collector, permissions: new Set(['ledger:read']) };
    await expect(
      recordPayment(db, auditor, {
        ...mine,
        reference: 'SCOPE-Y',
        receivedDate: '2026-03-01',
        currency: 'CNY',
        amount: 1,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
