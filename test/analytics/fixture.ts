// A small ledger whose aging, DSO, CEI, statement and provision figures are computed by hand in the
// tests: partial payments, a credit note, a payment reversed later, two currencies with dated rates.
//
//   rates USD→CNY: 7.1 from 2026-01-01, 7.2 from 2026-03-01
//   A (East)            I1 CNY 1000.00 issued 2026-01-05 due 2026-02-04; P1 600.00 on 2026-02-20
//                       I2 CNY  500.00 issued 2026-02-10 due 2026-03-12; CN1 100.00 on 2026-03-05
//   B (West, parent A)  I3 CNY  800.00 issued 2025-10-01 due 2025-10-31; P2 800.00 on 2026-03-10, reversed 2026-03-25
//                       I5 CNY  300.00 issued 2026-03-20 due 2026-04-19
//   C (USD)             I4 USD  100.00 issued 2026-01-20 due 2026-02-19; P3 40.00 on 2026-03-01
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { inTransaction } from '../../src/platform/db/transaction';

export interface Fixture {
  entityId: number;
  customers: { A: number; B: number; C: number };
  invoices: Record<'I1' | 'I2' | 'I3' | 'I4' | 'I5', number>;
}

export async function loadFixture(db: Db, prefix = 'FX'): Promise<Fixture> {
  return inTransaction(db, SYSTEM_ACTOR, async (tx) => {
    const entity = await tx
      .insertInto('entity')
      .values({ code: `${prefix}-E`, name: '回款测试', base_currency: 'CNY' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('exchange_rate')
      .values([
        { from_currency: 'USD', to_currency: 'CNY', rate_date: '2026-01-01', rate: '7.1' },
        { from_currency: 'USD', to_currency: 'CNY', rate_date: '2026-03-01', rate: '7.2' },
      ])
      .onConflict((oc) => oc.doNothing())
      .execute();
    const customer = async (code: string, region: string, parent: number | null) =>
      (
        await tx
          .insertInto('customer')
          .values({
            code: `${prefix}-${code}`,
            name: `客户${code}`,
            region,
            parent_id: parent,
            attributes: '{}',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const A = await customer('A', 'East', null);
    const B = await customer('B', 'West', A);
    const C = await customer('C', 'East', null);
    const invoice = async (
      number: string,
      customerId: number,
      issue: string,
      due: string,
      currency: string,
      amount: number,
    ) =>
      (
        await tx
          .insertInto('invoice')
          .values({
            entity_id: entity.id,
            customer_id: customerId,
            number: `${prefix}-${number}`,
            issue_date: issue,
            due_date: due,
            currency,
            amount,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const I1 = await invoice('I1', A, '2026-01-05', '2026-02-04', 'CNY', 100000);
    const I2 = await invoice('I2', A, '2026-02-10', '2026-03-12', 'CNY', 50000);
    const I3 = await invoice('I3', B, '2025-10-01', '2025-10-31', 'CNY', 80000);
    const I4 = await invoice('I4', C, '2026-01-20', '2026-02-19', 'USD', 10000);
    const I5 = await invoice('I5', B, '2026-03-20', '2026-04-19', 'CNY', 30000);
    const payment = async (ref: string, customerId: number, date: string, currency: string, amount: number) =>
      (
        await tx
          .insertInto('payment')
          .values({
            entity_id: entity.id,
            customer_id: customerId,
            reference: `${prefix}-${ref}`,
            received_date: date,
            currency,
            amount,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const P1 = await payment('P1', A, '2026-02-20', 'CNY', 60000);
    const P2 = await payment('P2', B, '2026-03-10', 'CNY', 80000);
    const P3 = await payment('P3', C, '2026-03-01', 'USD', 4000);
    const CN1 = (
      await tx
        .insertInto('credit_note')
        .values({
          entity_id: entity.id,
          customer_id: A,
          number: `${prefix}-CN1`,
          issue_date: '2026-03-05',
          currency: 'CNY',
          amount: 10000,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await tx
      .insertInto('allocation')
      .values([
        { invoice_id: I1, payment_id: P1, amount: 60000, effective_on: '2026-02-20', method: 'manual' },
        { invoice_id: I2, credit_note_id: CN1, amount: 10000, effective_on: '2026-03-05', method: 'manual' },
        { invoice_id: I3, payment_id: P2, amount: 80000, effective_on: '2026-03-10', method: 'manual' },
        { invoice_id: I4, payment_id: P3, amount: 4000, effective_on: '2026-03-01', method: 'manual' },
      ])
      .execute();
    // The bounced payment: reversed later, its allocation with it.
    await tx
      .updateTable('payment')
      .set({ reversed_on: '2026-03-25', reversal_reason: 'bounced' })
      .where('id', '=', P2)
      .execute();
    await tx
      .updateTable('allocation')
      .set({ reversed_on: '2026-03-25' })
      .where('payment_id', '=', P2)
      .execute();
    await sql`select 1`.execute(tx);
    return { entityId: entity.id, customers: { A, B, C }, invoices: { I1, I2, I3, I4, I5 } };
  });
}
