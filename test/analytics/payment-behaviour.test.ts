// The share of invoices paid late counts invoices the customer paid: settled by payments only. Invoices
// closed by a credit note or a write-off, wholly or partly, count in neither the paid nor the paid-late number.
import { expect, it } from 'vitest';
import { getPerformanceReport } from '../../src/analytics/get-performance-report';
import { allocateManually } from '../../src/ledger/allocations/allocate-manually';
import { writeOffInvoice } from '../../src/ledger/write-offs/write-off-invoice';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { makeCreditNote, makeInvoice, makeParty, makePayment } from '../ledger/allocations.fixtures';
import { describeEachStore } from '../support/stores';

const actor = SYSTEM_ACTOR;

describeEachStore('share of invoices paid late', (store) => {
  it('counts only invoices settled by payments', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const invoice = (n: string) =>
      makeInvoice(db, party, n, 100_00, '2026-03-10', { issueDate: '2026-02-08' });
    const pay = async (invoiceId: number, ref: string, amount: number, on: string) =>
      allocateManually(db, actor, {
        invoiceId,
        paymentId: await makePayment(db, party, ref, amount, on),
        amount,
      });
    const credit = async (invoiceId: number, n: string, amount: number, on: string) =>
      allocateManually(db, actor, {
        invoiceId,
        creditNoteId: await makeCreditNote(db, party, n, amount, on),
        amount,
      });
    await pay(await invoice('PL-ON-TIME'), 'PL-P1', 100_00, '2026-03-05');
    const twice = await invoice('PL-LATE');
    await pay(twice, 'PL-P2', 40_00, '2026-03-08');
    await pay(twice, 'PL-P3', 60_00, '2026-03-20');
    await credit(await invoice('PL-CREDITED'), 'PL-CN1', 100_00, '2026-03-20');
    await writeOffInvoice(db, actor, {
      invoiceId: await invoice('PL-WRITTEN-OFF'),
      amount: 100_00,
      writtenOffOn: '2026-03-25',
      reason: '破产',
    });
    const mixed = await invoice('PL-PART-CREDITED');
    await pay(mixed, 'PL-P4', 50_00, '2026-03-05');
    await credit(mixed, 'PL-CN2', 50_00, '2026-03-20');
    await pay(await invoice('PL-OPEN'), 'PL-P5', 30_00, '2026-03-25');

    const r = await getPerformanceReport(db, actor, {
      from: '2026-03-01',
      to: '2026-03-31',
      customerId: party.customerId,
    });
    expect(r.customers).toHaveLength(1);
    // Paid: PL-ON-TIME (3/5) and PL-LATE (last payment 3/20, after its due date 3/10).
    expect(r.customers[0]).toMatchObject({ settledCount: 2, settledLateCount: 1, paidLateShare: 50 });
    // Days to pay and days late still weigh every payment allocated in the period.
    expect(r.customers[0].paidAmount).toBe(280_00);
  });
});
