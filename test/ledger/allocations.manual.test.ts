import { expect, it } from 'vitest';
import { allocateManually } from '../../src/ledger/allocations/allocate-manually';
import { getOpenItems } from '../../src/ledger/allocations/open-items';
import { reverseAllocation } from '../../src/ledger/allocations/reverse-allocation';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { describeEachStore } from '../support/stores';
import {
  makeCreditNote,
  makeInvoice,
  makeParty,
  makePayment,
  openAmounts,
  unapplied,
} from './allocations.fixtures';

const actor = SYSTEM_ACTOR;

describeEachStore('manual allocation', (store) => {
  it('allocates by hand, even to a disputed invoice, and un-allocating restores both sides', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const inv = await makeInvoice(db, party, 'M-1', 1_000_00, '2026-02-01', { disputed: true });
    const pay = await makePayment(db, party, 'M-PAY', 600_00, '2026-02-10');
    const allocation = await allocateManually(db, actor, { invoiceId: inv, paymentId: pay, amount: 450_00 });
    expect(allocation).toMatchObject({
      invoiceId: inv,
      paymentId: pay,
      amount: 450_00,
      method: 'manual',
      effectiveOn: '2026-02-10',
      reversedOn: null,
      invoiceOpenAmount: 550_00,
      sourceUnappliedAmount: 150_00,
    });
    const undone = await reverseAllocation(db, actor, { allocationId: allocation.id, today: '2026-03-01' });
    expect(undone).toMatchObject({
      reversedOn: '2026-03-01',
      invoiceOpenAmount: 1_000_00,
      sourceUnappliedAmount: 600_00,
    });
    expect(await openAmounts(db, [inv])).toEqual([1_000_00]);
    expect(await unapplied(db, 'payment', pay)).toBe(600_00);
    await expect(
      reverseAllocation(db, actor, { allocationId: allocation.id, today: '2026-03-02' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses more than either side has open', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const inv = await makeInvoice(db, party, 'M-2', 300_00, '2026-02-01');
    const pay = await makePayment(db, party, 'M-PAY2', 500_00, '2026-02-10');
    await expect(
      allocateManually(db, actor, { invoiceId: inv, paymentId: pay, amount: 300_01 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: {
        problems: [
          expect.objectContaining({
            field: 'amount',
            reason: expect.stringMatching(/CNY 300\.01 exceeds the invoice's open amount CNY 300\.00/),
          }),
        ],
      },
    });
    const inv2 = await makeInvoice(db, party, 'M-3', 900_00, '2026-02-01');
    await allocateManually(db, actor, { invoiceId: inv2, paymentId: pay, amount: 400_00 });
    await expect(
      allocateManually(db, actor, { invoiceId: inv, paymentId: pay, amount: 100_01 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: {
        problems: [
          expect.objectContaining({ reason: expect.stringMatching(/unapplied amount CNY 100\.00/) }),
        ],
      },
    });
    expect(await openAmounts(db, [inv, inv2])).toEqual([300_00, 500_00]);
  });

  it('refuses documents of another customer, entity or currency, and bad input', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const stranger = await makeParty(db);
    const inv = await makeInvoice(db, party, 'M-4', 300_00, '2026-02-01');
    const usd = await makeInvoice(db, party, 'M-5', 300_00, '2026-02-01', { currency: 'USD' });
    const pay = await makePayment(db, party, 'M-PAY4', 500_00, '2026-02-10');
    const theirs = await makePayment(db, stranger, 'M-PAY5', 500_00, '2026-02-10');
    await expect(
      allocateManually(db, actor, { invoiceId: inv, paymentId: theirs, amount: 1 }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      allocateManually(db, actor, { invoiceId: usd, paymentId: pay, amount: 1 }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(allocateManually(db, actor, { invoiceId: inv, amount: 1 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      allocateManually(db, actor, { invoiceId: inv, paymentId: pay, amount: 1, effectiveOn: '2026-02-09' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      allocateManually(db, actor, { invoiceId: 999_999, paymentId: pay, amount: 1 }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      reverseAllocation(db, actor, { allocationId: 999_999, today: '2026-03-01' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('allocates a credit note by hand and refuses a reversal date before it took effect', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const inv = await makeInvoice(db, party, 'M-6', 300_00, '2026-02-01');
    const cn = await makeCreditNote(db, party, 'M-CN', 100_00, '2026-02-05');
    const allocation = await allocateManually(db, actor, {
      invoiceId: inv,
      creditNoteId: cn,
      amount: 100_00,
    });
    expect(allocation).toMatchObject({
      creditNoteId: cn,
      invoiceOpenAmount: 200_00,
      sourceUnappliedAmount: 0,
    });
    await expect(
      reverseAllocation(db, actor, {
        allocationId: allocation.id,
        reversedOn: '2026-02-04',
        today: '2026-03-01',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('lists open items oldest due first with unapplied payments and credit notes', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const late = await makeInvoice(db, party, 'O-2', 300_00, '2026-03-01');
    const early = await makeInvoice(db, party, 'O-1', 200_00, '2026-02-01', { disputed: true });
    const paid = await makeInvoice(db, party, 'O-3', 100_00, '2026-01-01');
    const pay = await makePayment(db, party, 'O-PAY', 150_00, '2026-02-10');
    await allocateManually(db, actor, { invoiceId: paid, paymentId: pay, amount: 100_00 });
    await makePayment(db, party, 'O-BOUNCED', 10_00, '2026-02-10');
    await db
      .updateTable('payment')
      .set({ reversed_on: '2026-02-11' })
      .where('reference', '=', 'O-BOUNCED')
      .execute();
    await makeCreditNote(db, party, 'O-CN', 40_00, '2026-02-12', 'O-2');
    const items = await getOpenItems(db, actor, { customerId: party.customerId, today: '2026-02-11' });
    expect(items.invoices.map((i) => [i.id, i.openAmount, i.daysPastDue, i.status, i.disputed])).toEqual([
      [early, 200_00, 10, 'overdue', true],
      [late, 300_00, 0, 'open', false],
    ]);
    expect(items.payments.map((p) => [p.reference, p.unappliedAmount])).toEqual([['O-PAY', 50_00]]);
    expect(items.creditNotes.map((c) => [c.reference, c.unappliedAmount, c.invoiceNumbers])).toEqual([
      ['O-CN', 40_00, ['O-2']],
    ]);
    await expect(getOpenItems(db, actor, { customerId: 999_999, today: '2026-02-11' })).rejects.toMatchObject(
      {
        code: 'NOT_FOUND',
      },
    );
  });
});
