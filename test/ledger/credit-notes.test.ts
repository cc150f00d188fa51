import { expect, it } from 'vitest';
import { getCreditNote } from '../../src/ledger/credit-notes/get-credit-note';
import { listCreditNotes } from '../../src/ledger/credit-notes/list-credit-notes';
import { recordCreditNote } from '../../src/ledger/credit-notes/record-credit-note';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { describeEachStore } from '../support/stores';
import { makeInvoice, makeParty, openAmounts } from './allocations.fixtures';

const actor = SYSTEM_ACTOR;

describeEachStore('credit notes', (store) => {
  it('allocates to the invoice it names, then oldest due first', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const old = await makeInvoice(db, party, 'CN-I1', 100_00, '2026-01-31');
    const named = await makeInvoice(db, party, 'CN-I2', 80_00, '2026-03-31');
    const base = {
      entityId: party.entityId,
      customerId: party.customerId,
      issueDate: '2026-02-15',
      currency: 'CNY',
    };
    const { created, creditNote } = await recordCreditNote(db, actor, {
      ...base,
      number: 'RED-1',
      amount: 120_00,
      invoiceNumber: 'CN-I2',
      reason: '退货',
    });
    expect(created).toBe(true);
    expect(creditNote.allocations.map((a) => [a.invoiceNumber, a.amount, a.method])).toEqual([
      ['CN-I2', 80_00, 'reference'],
      ['CN-I1', 40_00, 'fifo'],
    ]);
    expect(creditNote).toMatchObject({ unappliedAmount: 0, allocatedAmount: 120_00, reason: '退货' });
    expect(await openAmounts(db, [old, named])).toEqual([60_00, 0]);

    const again = await recordCreditNote(db, actor, {
      ...base,
      number: 'RED-1',
      amount: 120_00,
      invoiceNumber: 'CN-I2',
      reason: '退货',
    });
    expect(again.created).toBe(false);
    await expect(recordCreditNote(db, actor, { ...base, number: 'RED-1', amount: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const kept = await recordCreditNote(db, actor, {
      ...base,
      number: 'RED-2',
      amount: 10_00,
      autoAllocate: false,
    });
    expect(kept.creditNote).toMatchObject({ unappliedAmount: 10_00, allocations: [] });
    const list = await listCreditNotes(db, actor, { customerId: party.customerId, status: 'unapplied' });
    expect(list.items.map((c) => c.number)).toEqual(['RED-2']);
    expect((await getCreditNote(db, actor, creditNote.id)).allocations).toHaveLength(2);
    await expect(getCreditNote(db, actor, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(recordCreditNote(db, actor, { ...base, number: '', amount: -5 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
