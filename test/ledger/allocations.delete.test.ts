// Deleting allocation rows in SQL. The application never does (un-allocating sets reversed_on), but the
// schema keeps delete triggers on `allocation` (documents, analytics, audit), so a delete must leave the
// documents' allocated amounts equal to the sum of their active allocations, as insert and update do.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/store';
import { describeEachStore } from '../support/stores';
import {
  makeCreditNote,
  makeInvoice,
  makeParty,
  makePayment,
  openAmounts,
  unapplied,
} from './allocations.fixtures';

/** A manual payment allocation to one invoice, effective on `on`; returns its id. */
async function allocate(db: Db, invoiceId: number, paymentId: number, amount: number, on: string) {
  const row = await db
    .insertInto('allocation')
    .values({ invoice_id: invoiceId, payment_id: paymentId, amount, effective_on: on, method: 'manual' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describeEachStore('allocation delete', (store) => {
  it('gives back what deleted active allocations held, on invoices, payments and credit notes', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const inv1 = await makeInvoice(db, party, 'D-1', 1_000_00, '2026-02-01');
    const inv2 = await makeInvoice(db, party, 'D-2', 500_00, '2026-02-01');
    const pay = await makePayment(db, party, 'D-PAY', 900_00, '2026-02-10');
    const note = await makeCreditNote(db, party, 'D-CN', 200_00, '2026-02-05');
    const rows = await db
      .insertInto('allocation')
      .values([
        { invoice_id: inv1, payment_id: pay, amount: 600_00, effective_on: '2026-02-10', method: 'manual' },
        { invoice_id: inv2, payment_id: pay, amount: 300_00, effective_on: '2026-02-10', method: 'manual' },
        {
          invoice_id: inv1,
          credit_note_id: note,
          amount: 150_00,
          effective_on: '2026-02-05',
          method: 'manual',
        },
      ])
      .returning('id')
      .execute();
    expect(await openAmounts(db, [inv1, inv2])).toEqual([250_00, 200_00]);
    expect(await unapplied(db, 'payment', pay)).toBe(0);
    expect(await unapplied(db, 'credit_note', note)).toBe(50_00);

    // One statement deleting two rows of the same payment and one of a credit note.
    const ids = rows.map((r) => r.id);
    await db.deleteFrom('allocation').where('id', 'in', ids).execute();
    const left = await db.selectFrom('allocation').select('id').where('id', 'in', ids).execute();
    expect(left).toEqual([]);
    expect(await openAmounts(db, [inv1, inv2])).toEqual([1_000_00, 500_00]);
    expect(await unapplied(db, 'payment', pay)).toBe(900_00);
    expect(await unapplied(db, 'credit_note', note)).toBe(200_00);

    // The customer's open total in the analytics summary follows the invoices.
    const open = await db
      .selectFrom('analytics_customer_open')
      .select(sql<number>`sum(amount)::bigint`.as('amount'))
      .where('customer_id', '=', party.customerId)
      .executeTakeFirstOrThrow();
    expect(Number(open.amount)).toBe(1_500_00);
  });

  it('changes nothing for a reversed allocation, which no longer counted', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const inv = await makeInvoice(db, party, 'D-3', 400_00, '2026-02-01');
    const pay = await makePayment(db, party, 'D-PAY3', 400_00, '2026-02-10');
    const reversed = await allocate(db, inv, pay, 100_00, '2026-02-10');
    await db
      .updateTable('allocation')
      .set({ reversed_on: '2026-02-11' })
      .where('id', '=', reversed)
      .execute();
    await allocate(db, inv, pay, 250_00, '2026-02-12');
    expect(await openAmounts(db, [inv])).toEqual([150_00]);

    await db.deleteFrom('allocation').where('id', '=', reversed).execute();
    expect(await openAmounts(db, [inv])).toEqual([150_00]);
    expect(await unapplied(db, 'payment', pay)).toBe(150_00);
  });

  it('is written to the audit log', async () => {
    const db = store().db;
    const party = await makeParty(db);
    const inv = await makeInvoice(db, party, 'D-4', 100_00, '2026-02-01');
    const pay = await makePayment(db, party, 'D-PAY4', 100_00, '2026-02-10');
    const id = await allocate(db, inv, pay, 100_00, '2026-02-10');
    await db.deleteFrom('allocation').where('id', '=', id).execute();
    const entry = await db
      .selectFrom('audit_log')
      .select(['op', 'before', 'after'])
      .where('table_name', '=', 'allocation')
      .where('op', '=', 'DELETE')
      .where(sql<boolean>`row_key = ${JSON.stringify({ id })}::jsonb`)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ op: 'DELETE', after: null, before: { id, amount: 100_00 } });
  });
});
