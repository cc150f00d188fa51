import { expect, it } from 'vitest';
import { reverseAllocation } from '../../src/ledger/allocations/reverse-allocation';
import { writeOffInvoice } from '../../src/ledger/write-offs/write-off-invoice';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { describeEachStore } from '../support/stores';
import { makeInvoice, makeParty, openAmounts } from './allocations.fixtures';

const actor = SYSTEM_ACTOR;

describeEachStore('write-offs', (store) => {
  it('closes part of an invoice with a write_off row and a write_off allocation', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const inv = await makeInvoice(db, party, 'W-1', 500_00, '2026-01-31');
    const writeOff = await writeOffInvoice(db, actor, {
      invoiceId: inv,
      amount: 200_00,
      writtenOffOn: '2026-06-30',
      reason: '法院终本裁定',
    });
    expect(writeOff).toMatchObject({ invoiceNumber: 'W-1', amount: 200_00, invoiceOpenAmount: 300_00 });
    const allocation = await db
      .selectFrom('allocation')
      .selectAll()
      .where('id', '=', writeOff.allocationId)
      .executeTakeFirstOrThrow();
    expect(allocation).toMatchObject({
      write_off_id: writeOff.id,
      payment_id: null,
      method: 'write_off',
      amount: 200_00,
      effective_on: '2026-06-30',
    });
    expect(await openAmounts(db, [inv])).toEqual([300_00]);
    await expect(
      writeOffInvoice(db, actor, { invoiceId: inv, amount: 300_01, writtenOffOn: '2026-06-30', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      writeOffInvoice(db, actor, { invoiceId: inv, amount: 1, writtenOffOn: '2026-06-30', reason: ' ' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      writeOffInvoice(db, actor, { invoiceId: 999_999, amount: 1, writtenOffOn: '2026-06-30', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Recovered after all: undo the write-off like any allocation.
    await reverseAllocation(db, actor, { allocationId: writeOff.allocationId, today: '2026-07-15' });
    expect(await openAmounts(db, [inv])).toEqual([500_00]);
  });
});
