// A small ledger with hand-computed balances, inserted directly (allocations through SQL, so that these
// tests do not depend on the payments module). "Today" is 2026-03-15 throughout.
//
// C001 深圳华为技术有限公司 (collector Li):
//   I-001 SZ CNY 1,000.00 due 2026-01-31, 300.00 paid by P-001 → open 700.00, overdue 43 days
//   I-002 SZ CNY   500.00 due 2026-03-31                         → open, not due
//   I-003 HK USD   200.00 due 2026-02-09                         → open 200.00, overdue 34 days
//   I-004 SZ CNY    80.00 due 2025-12-31, settled by CN-001      → paid
//   P-001 SZ CNY 500.00 (300.00 allocated → 200.00 unapplied); CN-001 SZ CNY 100.00 (80.00 allocated → 20.00)
//   P-002 SZ CNY 50.00 received 2026-03-05, reversed 2026-03-06 (bounced: neither cash nor last payment)
//   P-003 HK USD 15.00 received 2026-03-01, unapplied
//   → CNY open 1,200.00 / overdue 700.00 (2 / 1); USD open 200.00 / overdue 200.00 (1 / 1)
//   → unapplied CNY 220.00, USD 15.00; oldest overdue 43 days; last payment 2026-03-01
// C002 上海宝钢贸易有限公司 (collector Wang): I-101 SZ CNY 300.00 due 2026-03-20 → open, not due
// C003 Acme Trading Ltd (salesperson Zhao, no collector, HK): no invoices
import type { Actor } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';

export const TODAY = '2026-03-15';

export interface Ledger {
  users: { li: number; wang: number; zhao: number };
  entities: { sz: number; hk: number };
  customers: { c001: number; c002: number; c003: number };
  invoices: Record<'i001' | 'i002' | 'i003' | 'i004' | 'i101', number>;
  payments: { p001: number; p002: number; p003: number };
  creditNotes: { cn001: number };
}

export async function seedLedger(db: Db, prefix = ''): Promise<Ledger> {
  const user = async (username: string, displayName: string) =>
    (
      await db
        .insertInto('app_user')
        .values({ username: `${prefix}${username}`, display_name: displayName })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const users = {
    li: await user('li', '李催收'),
    wang: await user('wang', '王催收'),
    zhao: await user('zhao', '赵业务'),
  };
  const entity = async (code: string, currency: string) =>
    (
      await db
        .insertInto('entity')
        .values({ code: `${prefix}${code}`, name: `${code} 公司`, base_currency: currency })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const entities = { sz: await entity('SZ', 'CNY'), hk: await entity('HK', 'HKD') };
  const customer = async (code: string, values: Record<string, unknown>) =>
    (
      await db
        .insertInto('customer')
        .values({ code: `${prefix}${code}`, name: '', attributes: '{}', ...values })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const customers = {
    c001: await customer('C001', {
      name: '深圳华为技术有限公司',
      tax_id: `${prefix}91440300TEST00001X`,
      region: '华南',
      segment: 'key',
      collector_id: users.li,
      payment_terms_days: 30,
    }),
    c002: await customer('C002', { name: '上海宝钢贸易有限公司', region: '华东', collector_id: users.wang }),
    c003: await customer('C003', {
      name: 'Acme Trading Ltd',
      region: '华南',
      country: 'HK',
      salesperson_id: users.zhao,
    }),
  };
  const invoice = async (
    customerId: number,
    entityId: number,
    number: string,
    currency: string,
    amount: number,
    issue: string,
    due: string,
  ) =>
    (
      await db
        .insertInto('invoice')
        .values({
          entity_id: entityId,
          customer_id: customerId,
          number: `${prefix}${number}`,
          issue_date: issue,
          due_date: due,
          currency,
          amount,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const { c001, c002 } = customers;
  const invoices = {
    i001: await invoice(c001, entities.sz, 'I-001', 'CNY', 100_000, '2026-01-01', '2026-01-31'),
    i002: await invoice(c001, entities.sz, 'I-002', 'CNY', 50_000, '2026-03-01', '2026-03-31'),
    i003: await invoice(c001, entities.hk, 'I-003', 'USD', 20_000, '2026-01-10', '2026-02-09'),
    i004: await invoice(c001, entities.sz, 'I-004', 'CNY', 8_000, '2025-12-01', '2025-12-31'),
    i101: await invoice(c002, entities.sz, 'I-101', 'CNY', 30_000, '2026-02-18', '2026-03-20'),
  };
  const payment = async (
    entityId: number,
    reference: string,
    currency: string,
    amount: number,
    received: string,
    reversedOn: string | null = null,
  ) =>
    (
      await db
        .insertInto('payment')
        .values({
          entity_id: entityId,
          customer_id: c001,
          reference: `${prefix}${reference}`,
          received_date: received,
          currency,
          amount,
          reversed_on: reversedOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const payments = {
    p001: await payment(entities.sz, 'P-001', 'CNY', 50_000, '2026-02-10'),
    p002: await payment(entities.sz, 'P-002', 'CNY', 5_000, '2026-03-05', '2026-03-06'),
    p003: await payment(entities.hk, 'P-003', 'USD', 1_500, '2026-03-01'),
  };
  const cn001 = (
    await db
      .insertInto('credit_note')
      .values({
        entity_id: entities.sz,
        customer_id: c001,
        number: `${prefix}CN-001`,
        issue_date: '2026-01-05',
        currency: 'CNY',
        amount: 10_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('allocation')
    .values([
      {
        invoice_id: invoices.i001,
        payment_id: payments.p001,
        amount: 30_000,
        effective_on: '2026-02-10',
        method: 'fifo',
      },
      {
        invoice_id: invoices.i004,
        credit_note_id: cn001,
        amount: 8_000,
        effective_on: '2026-01-05',
        method: 'manual',
      },
    ])
    .execute();
  return { users, entities, customers, invoices, payments, creditNotes: { cn001 } };
}

export function collectorActor(userId: number): Actor {
  return {
    userId,
    name: `collector-${userId}`,
    permissions: new Set(['ledger:read', 'ledger:write']),
    customerScope: { collectorUserIds: [userId], salespersonUserIds: [] },
    entityIds: null,
  };
}

export function entityActor(entityIds: number[]): Actor {
  return {
    userId: null,
    name: 'entity-scoped',
    permissions: new Set(['ledger:read']),
    customerScope: null,
    entityIds,
  };
}
