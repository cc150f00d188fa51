// A ledger with hand-checked limitation periods (as of 2026-06-30, selling entity in CN):
//   A  LG-L1 due 2023-10-01 → last day 2026-10-01 in the National Day holiday → expires 2026-10-08
//      LG-L2 due 2022-05-20, part paid by LG-P1 on 2024-03-15 → 2027-03-15 (Monday; 2027 by weekends)
//      a promise on 2025-12-01 recorded by a collector (no signed document: weak) → with weak: 2028-12-01
//      LG-L4 due 2024-01-31, paid in full → not listed
//   B  LG-L3 due 2023-01-10 → 2026-01-10 is a Saturday → expired on 2026-01-12; an email sent on
//      2026-02-01 (a demand after expiry) does not revive it; a queued letter is not a demand
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { inTransaction } from '../../src/platform/db/transaction';

export interface LegalFixture {
  entityId: number;
  customers: { A: number; B: number };
  invoices: Record<'L1' | 'L2' | 'L3' | 'L4', number>;
  paymentId: number;
  promiseId: number;
  outboxId: number;
}

export async function loadLegalFixture(db: Db): Promise<LegalFixture> {
  return inTransaction(db, SYSTEM_ACTOR, async (tx) => {
    const entityId = (
      await tx
        .insertInto('entity')
        .values({ code: 'LG-E', name: '时效测试', base_currency: 'CNY' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const customer = async (code: string) =>
      (
        await tx
          .insertInto('customer')
          .values({ code: `LG-${code}`, name: `客户${code}`, attributes: '{}' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const A = await customer('A');
    const B = await customer('B');
    const invoice = async (number: string, customerId: number, issue: string, due: string, amount: number) =>
      (
        await tx
          .insertInto('invoice')
          .values({
            entity_id: entityId,
            customer_id: customerId,
            number: `LG-${number}`,
            issue_date: issue,
            due_date: due,
            currency: 'CNY',
            amount,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const L1 = await invoice('L1', A, '2023-09-01', '2023-10-01', 100000);
    const L2 = await invoice('L2', A, '2022-04-20', '2022-05-20', 80000);
    const L3 = await invoice('L3', B, '2022-12-10', '2023-01-10', 50000);
    const L4 = await invoice('L4', A, '2024-01-01', '2024-01-31', 20000);
    const payment = async (ref: string, date: string, amount: number) =>
      (
        await tx
          .insertInto('payment')
          .values({
            entity_id: entityId,
            customer_id: A,
            reference: `LG-${ref}`,
            received_date: date,
            currency: 'CNY',
            amount,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const P1 = await payment('P1', '2024-03-15', 30000);
    const P2 = await payment('P2', '2024-02-20', 20000);
    await tx
      .insertInto('allocation')
      .values([
        { invoice_id: L2, payment_id: P1, amount: 30000, effective_on: '2024-03-15', method: 'manual' },
        { invoice_id: L4, payment_id: P2, amount: 20000, effective_on: '2024-02-20', method: 'manual' },
      ])
      .execute();
    const openCase = async (customerId: number) =>
      (
        await sql<{ id: number }>`insert into collection_case (customer_id, entity_id, stage_since, opened_on)
          values (${customerId}, ${entityId}, '2025-01-01', '2025-01-01') returning id`.execute(tx)
      ).rows[0].id;
    const caseA = await openCase(A);
    const caseB = await openCase(B);
    const promiseId = (
      await sql<{
        id: number;
      }>`insert into promise (case_id, customer_id, entity_id, currency, amount, promised_on, due_on)
        values (${caseA}, ${A}, ${entityId}, 'CNY', 50000, '2025-12-01', '2025-12-31') returning id`.execute(
        tx,
      )
    ).rows[0].id;
    const message = async (status: string, channel: string, on: string) =>
      (
        await sql<{
          id: number;
        }>`insert into outbox (case_id, customer_id, entity_id, channel, template_key, locale,
            body, payload, status, dedupe_key, scheduled_on, sent_at)
          values (${caseB}, ${B}, ${entityId}, ${channel}, 'reminder', 'zh-CN', '催款', ${JSON.stringify({ invoices: [{ id: L3 }] })}::jsonb,
            ${status}, ${`${caseB}:${channel}:${on}`}, ${on}, ${status === 'sent' ? `${on}T02:00:00Z` : null})
          returning id`.execute(tx)
      ).rows[0].id;
    const outboxId = await message('sent', 'email', '2026-02-01');
    await message('queued', 'letter', '2026-03-01');
    return {
      entityId,
      customers: { A, B },
      invoices: { L1, L2, L3, L4 },
      paymentId: P1,
      promiseId,
      outboxId,
    };
  });
}
