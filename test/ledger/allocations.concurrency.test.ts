// Two writers at once on PostgreSQL (PGlite has a single connection, so no real concurrency there):
// exactly one wins, the other gets CONFLICT, and nothing is ever over-allocated.
import { expect, it } from 'vitest';
import { allocateManually } from '../../src/ledger/allocations/allocate-manually';
import { autoAllocate } from '../../src/ledger/allocations/auto-allocate';
import { raceToConflict } from '../../src/ledger/allocations/conflicts';
import { reversePayment } from '../../src/ledger/payments/reverse-payment';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { inTransaction } from '../../src/platform/db/transaction';
import { waitForLockWaiters } from '../support/locks';
import { describeOnPostgres } from '../support/stores';
import { makeInvoice, makeParty, makePayment, openAmounts, unapplied } from './allocations.fixtures';

const actor = SYSTEM_ACTOR;

describeOnPostgres('allocation concurrency', (store) => {
  const outcome = (settled: PromiseSettledResult<unknown>[]) =>
    settled.map((s) => (s.status === 'fulfilled' ? 'ok' : (s.reason as { code?: string }).code)).sort();

  it('two manual allocations of the same payment: one wins, the other is a CONFLICT', async () => {
    for (let round = 0; round < 15; round++) {
      const db = store().db;
      const party = await makeParty(db);
      const a = await makeInvoice(db, party, `CA-${round}`, 400_00, '2026-01-31');
      const b = await makeInvoice(db, party, `CB-${round}`, 400_00, '2026-01-31');
      const pay = await makePayment(db, party, `CP-${round}`, 500_00, '2026-02-01');
      const settled = await Promise.allSettled([
        allocateManually(db, actor, { invoiceId: a, paymentId: pay, amount: 400_00 }),
        allocateManually(db, actor, { invoiceId: b, paymentId: pay, amount: 400_00 }),
      ]);
      expect(outcome(settled)).toEqual(['CONFLICT', 'ok']);
      expect(await unapplied(db, 'payment', pay)).toBe(100_00);
      expect((await openAmounts(db, [a, b])).sort()).toEqual([0, 400_00]);
    }
  });

  it('two payments allocating the same invoice at once never over-allocate it', async () => {
    for (let round = 0; round < 15; round++) {
      const db = store().db;
      const party = await makeParty(db);
      const inv = await makeInvoice(db, party, `CI-${round}`, 300_00, '2026-01-31');
      const p1 = await makePayment(db, party, `CQ1-${round}`, 200_00, '2026-02-01');
      const p2 = await makePayment(db, party, `CQ2-${round}`, 200_00, '2026-02-01');
      const settled = await Promise.allSettled([
        allocateManually(db, actor, { invoiceId: inv, paymentId: p1, amount: 200_00 }),
        allocateManually(db, actor, { invoiceId: inv, paymentId: p2, amount: 200_00 }),
      ]);
      expect(outcome(settled)).toEqual(['CONFLICT', 'ok']);
      expect(await openAmounts(db, [inv])).toEqual([100_00]);
    }
  });

  it('concurrent auto-allocation of one customer queues on the invoice locks and pays each cent once', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const invoices: number[] = [];
    for (let k = 0; k < 10; k++)
      invoices.push(await makeInvoice(db, party, `AUTO-${k}`, 100_00, `2026-01-${10 + k}`));
    const payments: number[] = [];
    for (let k = 0; k < 8; k++)
      payments.push(await makePayment(db, party, `AUTO-P-${k}`, 150_00, '2026-02-01'));
    // Each payment in its own transaction, all at once, plus a batch that names them all again.
    const settled = await Promise.allSettled([
      ...payments.map((id) =>
        inTransaction(db, actor, (tx) => autoAllocate(tx, actor, { paymentIds: [id] })),
      ),
      inTransaction(db, actor, (tx) => autoAllocate(tx, actor, { paymentIds: [...payments].reverse() })),
    ]);
    expect(settled.every((s) => s.status === 'fulfilled')).toBe(true);
    const open = await openAmounts(db, invoices);
    expect(open.every((x) => x >= 0)).toBe(true);
    // 8 × 150.00 = 1,200.00 of cash against 1,000.00 of invoices: all invoices paid, 200.00 unapplied.
    expect(open.reduce((s, x) => s + x, 0)).toBe(0);
    let left = 0;
    for (const id of payments) left += await unapplied(db, 'payment', id);
    expect(left).toBe(200_00);
  });

  it('a reversal racing a manual allocation does not deadlock and leaves exact amounts', async () => {
    for (let round = 0; round < 10; round++) {
      const db = store().db;
      const party = await makeParty(db);
      const a = await makeInvoice(db, party, `RV-A-${round}`, 100_00, '2026-01-31');
      const b = await makeInvoice(db, party, `RV-B-${round}`, 100_00, '2026-01-31');
      const pay = await makePayment(db, party, `RV-P-${round}`, 150_00, '2026-02-01');
      await inTransaction(db, actor, (tx) => autoAllocate(tx, actor, { paymentIds: [pay] }));
      const other = await makePayment(db, party, `RV-Q-${round}`, 50_00, '2026-02-02');
      const settled = await Promise.allSettled([
        reversePayment(db, actor, { paymentId: pay, reversedOn: '2026-02-05', reason: 'bounced' }),
        allocateManually(db, actor, { invoiceId: b, paymentId: other, amount: 50_00 }),
      ]);
      for (const s of settled)
        if (s.status === 'rejected') expect((s.reason as { code?: string }).code).toBe('CONFLICT');
      expect(settled[0].status).toBe('fulfilled'); // the reversal only frees money: it never conflicts
      const [openA, openB] = await openAmounts(db, [a, b]);
      expect(openA).toBe(100_00);
      expect(openB).toBe(settled[1].status === 'fulfilled' ? 50_00 : 100_00);
    }
  });

  it('the database refuses the second of two raw racing inserts, mapped to CONFLICT', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const inv = await makeInvoice(db, party, 'RAW-1', 100_00, '2026-01-31');
    const p1 = await makePayment(db, party, 'RAW-P1', 100_00, '2026-02-01');
    const p2 = await makePayment(db, party, 'RAW-P2', 100_00, '2026-02-01');
    const row = (payment: number) => ({
      invoice_id: inv,
      payment_id: payment,
      amount: 80_00,
      effective_on: '2026-02-01',
      method: 'manual' as const,
    });
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => {
      firstInserted = resolve;
    });
    const first = db.transaction().execute(async (tx) => {
      await tx.insertInto('allocation').values(row(p1)).execute(); // takes the invoice row lock
      firstInserted();
      await firstHolds;
    });
    await inserted;
    // No pre-check here: the second writer blocks on the invoice row, then fails the CHECK. Its failure is
    // caught at once: it may come before `await first` returns, and must not be an unhandled rejection.
    const second = db
      .transaction()
      .execute((tx) => tx.insertInto('allocation').values(row(p2)).execute())
      .then(
        () => null,
        (e: unknown) => e,
      );
    await waitForLockWaiters(db);
    releaseFirst();
    await first;
    const error = await second;
    expect(error).toMatchObject({ constraint: 'invoice_not_over_allocated' });
    expect(raceToConflict(error)).toMatchObject({ code: 'CONFLICT' });
    expect(await openAmounts(db, [inv])).toEqual([20_00]);
  });
});
