// Kinds beyond invoices: paid-invoice history (settlements become payments allocated on their dates),
// payments and credit notes (allocated by the invoices they name, then oldest due first), sales orders.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { recordPayment } from '../../src/ledger/payments/record-payment';
import { reversePayment } from '../../src/ledger/payments/reverse-payment';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Store } from '../../src/platform/db/store';
import { describeEachStore } from '../support/stores';
import { fixture, runImport, tempFile } from './import.fixtures';

/** `invoice: open/amount` and each active allocation as `source→invoice amount method effective`. */
async function ledger(store: Store) {
  const invoices = await store.db
    .selectFrom('invoice')
    .select(['number', 'amount', 'open_amount'])
    .orderBy('number')
    .execute();
  const allocations = await sql<{ line: string }>`
    select coalesce(p.reference, n.number) || '→' || i.number || ' ' || a.amount || ' ' || a.method || ' ' ||
           a.effective_on || coalesce(' reversed ' || a.reversed_on, '') as line
      from allocation a join invoice i on i.id = a.invoice_id
      left join payment p on p.id = a.payment_id left join credit_note n on n.id = a.credit_note_id
     order by a.id`.execute(store.db);
  return {
    invoices: invoices.map((i) => `${i.number}: ${i.open_amount}/${i.amount}`),
    allocations: allocations.rows.map((r) => r.line),
  };
}

describeEachStore('import history', (store) => {
  it('turns settled rows into a payment allocated on the settlement date; unsettled rows stay open', async () => {
    const report = await runImport(store(), 'history', fixture('history.csv'));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({
      status: 'loaded',
      inserted: 3,
      updated: 0,
      unchanged: 0,
      created: { customers: 2, payments: 2 },
      allocations: { count: 2, amount: 150_000 },
    });
    const after = await ledger(store());
    expect(after.invoices).toEqual(['H-001: 0/100000', 'H-002: 0/50000', 'H-003: 30000/30000']);
    expect(after.allocations.sort()).toEqual([
      'HIST-H-001→H-001 100000 history 2023-02-20',
      'HIST-H-002→H-002 50000 history 2023-03-01',
    ]);
    const payment = await store()
      .db.selectFrom('payment')
      .selectAll()
      .where('reference', '=', 'HIST-H-001')
      .executeTakeFirstOrThrow();
    expect([
      payment.received_date,
      payment.amount,
      payment.method,
      payment.remittance_invoice_numbers,
    ]).toEqual(['2023-02-20', 100_000, 'history', ['H-001']]);
  });

  it('re-importing the history changes nothing', async () => {
    const before = await ledger(store());
    const report = await runImport(store(), 'history', fixture('history.csv'));
    expect(report).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
      allocations: { count: 0 },
      created: { payments: 0 },
    });
    expect(await ledger(store())).toEqual(before);
  });

  it('a newly settled or re-dated row is updated; the old allocation is reversed, never deleted', async () => {
    const path = tempFile(
      'history2.csv',
      [
        'Customer Code,Invoice No,Invoice Date,Due Date,Amount,Settled Date',
        'C001,H-001,2023-01-06,2023-02-05,1000.00,2023-02-25',
        'C001,H-002,2023-02-06,2023-03-08,500.00,2023-03-01',
        'C002,H-003,2023-03-01,2023-03-31,300.00,2023-04-10',
      ].join('\n'),
    );
    const report = await runImport(store(), 'history', path);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({
      inserted: 0,
      updated: 2,
      unchanged: 1,
      created: { payments: 1 },
      allocations: { count: 2 },
    });
    const after = await ledger(store());
    expect(after.invoices).toEqual(['H-001: 0/100000', 'H-002: 0/50000', 'H-003: 0/30000']);
    expect(after.allocations.sort()).toEqual([
      'HIST-H-001→H-001 100000 history 2023-02-20 reversed 2023-02-20',
      'HIST-H-001→H-001 100000 history 2023-02-25',
      'HIST-H-002→H-002 50000 history 2023-03-01',
      'HIST-H-003→H-003 30000 history 2023-04-10',
    ]);
  });

  it('rows naming one payment reference share one payment of their total', async () => {
    const path = tempFile(
      'history3.csv',
      [
        'Customer Code,Customer Name,Invoice No,Invoice Date,Due Date,Amount,Settled Date,Payment Ref',
        'C003,丙公司,H-010,2023-05-01,2023-05-31,100,2023-06-10,BANK-77',
        'C003,丙公司,H-011,2023-05-02,2023-06-01,250.50,2023-06-10,BANK-77',
        'C003,丙公司,H-012,2023-05-03,2023-06-02,10,2023-06-11,BANK-77',
      ].join('\n'),
    );
    const bad = await runImport(store(), 'history', path);
    expect(bad.errors).toEqual([
      {
        line: 4,
        field: 'payment_reference',
        value: 'BANK-77',
        reason: 'payment BANK-77 is also on line 2 with another customer, currency or settlement date',
      },
    ]);
    const good = tempFile(
      'history4.csv',
      (await import('node:fs')).readFileSync(path, 'utf8').replace('2023-06-11', '2023-06-10'),
    );
    expect(await runImport(store(), 'history', good)).toMatchObject({
      status: 'loaded',
      inserted: 3,
      created: { payments: 1 },
    });
    const payment = await store()
      .db.selectFrom('payment')
      .selectAll()
      .where('reference', '=', 'BANK-77')
      .executeTakeFirstOrThrow();
    expect([payment.amount, payment.unapplied_amount, payment.remittance_invoice_numbers]).toEqual([
      36_050,
      0,
      ['H-010', 'H-011', 'H-012'],
    ]);
  });
});

describeEachStore('import history beside payments recorded otherwise', (store) => {
  it('refuses a settlement naming a payment that no history import made, and changes nothing', async () => {
    const db = store().db;
    const entity = await db
      .insertInto('entity')
      .values({ code: 'MAIN', name: '主体', base_currency: 'CNY' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('customer').values({ code: 'C1', name: '甲公司', attributes: '{}' }).execute();
    const recorded = await recordPayment(db, SYSTEM_ACTOR, {
      entityId: entity.id,
      customerCode: 'C1',
      reference: 'B1',
      receivedDate: '2024-03-01',
      currency: 'CNY',
      amount: 1_200_00,
    });
    await reversePayment(db, SYSTEM_ACTOR, {
      paymentId: recorded.payment.id,
      reversedOn: '2024-03-10',
      reason: 'bounced',
    });
    const before = await db.selectFrom('payment').selectAll().where('reference', '=', 'B1').execute();
    const path = tempFile(
      'history-b1.csv',
      [
        'Customer Code,Invoice No,Invoice Date,Due Date,Amount,Currency,Settled Date,Payment Ref',
        'C1,INV-2,2024-03-15,2024-04-14,100.00,CNY,2024-04-01,HIST-OK',
        'C1,INV-3,2024-03-15,2024-04-14,300.00,CNY,2024-04-01,B1',
      ].join('\n'),
    );
    const report = await runImport(store(), 'history', path);
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual([
      {
        line: 3,
        field: 'payment_reference',
        value: 'B1',
        reason:
          'payment B1 already exists and was not made by a history import; give this settlement its own payment reference',
      },
    ]);
    expect(await db.selectFrom('payment').selectAll().where('reference', '=', 'B1').execute()).toEqual(
      before,
    );
    expect(before[0]).toMatchObject({
      amount: 1_200_00,
      received_date: '2024-03-01',
      reversed_on: '2024-03-10',
    });
    expect(await db.selectFrom('invoice').select('number').execute()).toEqual([]);
    expect(await db.selectFrom('payment').select('reference').execute()).toEqual([{ reference: 'B1' }]);
  });

  it('dates a settlement no earlier than a reversal on its invoice, so no day is allocated twice', async () => {
    const db = store().db;
    const header =
      'Customer Code,Customer Name,Invoice No,Invoice Date,Due Date,Amount,Currency,Settled Date,Payment Ref';
    const open = tempFile(
      'history-open.csv',
      [header, 'C5,戊公司,INV-5,2024-03-01,2024-03-31,500.00,CNY,,'].join('\n'),
    );
    expect((await runImport(store(), 'history', open)).status).toBe('loaded');
    const entity = await db.selectFrom('entity').select('id').executeTakeFirstOrThrow();
    // Paid on 3/20 by a cheque that bounced on 4/05: the invoice was covered from 3/20 until 4/05.
    const cheque = await recordPayment(db, SYSTEM_ACTOR, {
      entityId: entity.id,
      customerCode: 'C5',
      reference: 'CHQ-9',
      receivedDate: '2024-03-20',
      currency: 'CNY',
      amount: 500_00,
    });
    await reversePayment(db, SYSTEM_ACTOR, {
      paymentId: cheque.payment.id,
      reversedOn: '2024-04-05',
      reason: 'bounced',
    });
    const settled = tempFile(
      'history-settled.csv',
      [header, 'C5,戊公司,INV-5,2024-03-01,2024-03-31,500.00,CNY,2024-03-25,HIST-5'].join('\n'),
    );
    expect((await runImport(store(), 'history', settled)).status).toBe('loaded');
    expect((await ledger(store())).allocations).toEqual([
      'CHQ-9→INV-5 50000 fifo 2024-03-20 reversed 2024-04-05',
      'HIST-5→INV-5 50000 history 2024-04-05',
    ]);
  });

  it("keeps the word 'history' for the payments a history import makes", async () => {
    const path = tempFile(
      'pay-history.csv',
      '客户编码,收款单号,收款日期,收款金额,结算方式\nC1,B2,2024-03-01,1,history\n',
    );
    const report = await runImport(store(), 'payments', path);
    expect(report.errors).toEqual([
      {
        line: 2,
        field: 'method',
        value: 'history',
        reason: 'method "history" marks the payments a history import makes; name the method otherwise',
      },
    ]);
  });
});

describeEachStore('import payments, credit notes and orders', (store) => {
  it('allocates imported payments by the invoices they name, then oldest due first', async () => {
    expect(await runImport(store(), 'invoices', fixture('invoices-utf8.csv'))).toMatchObject({ inserted: 3 });
    const report = await runImport(store(), 'payments', fixture('payments.csv'));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({
      status: 'loaded',
      inserted: 2,
      allocations: { count: 3, amount: 173_450 },
    });
    const after = await ledger(store());
    expect(after.invoices).toEqual(['INV-001: 0/123450', 'INV-002: 0/50000', 'INV-003: 8800000/8800000']);
    expect(after.allocations).toEqual([
      'BANK-001→INV-002 50000 reference 2024-03-01',
      'BANK-001→INV-001 10000 fifo 2024-03-01',
      'BANK-002→INV-001 113450 fifo 2024-03-05',
    ]);
    const bank2 = await store()
      .db.selectFrom('payment')
      .selectAll()
      .where('reference', '=', 'BANK-002')
      .executeTakeFirstOrThrow();
    expect([bank2.unapplied_amount, bank2.method]).toEqual([36_550, '承兑汇票']);
  });

  it('re-importing payments allocates nothing again, even with unapplied cash and open invoices', async () => {
    const late = tempFile(
      'late.csv',
      '客户编码,发票号,开票日期,到期日,金额\nC001,INV-004,2024-03-10,2024-04-10,100',
    );
    await runImport(store(), 'invoices', late);
    const before = await ledger(store());
    const report = await runImport(store(), 'payments', fixture('payments.csv'));
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, allocations: { count: 0 } });
    expect(await ledger(store())).toEqual(before);
  });

  it('refuses a payment amount below what is allocated, and an unknown customer', async () => {
    const path = tempFile(
      'pay-bad.csv',
      '客户编码,收款单号,收款日期,收款金额\nC001,BANK-001,2024-03-01,500.00\nC999,BANK-003,2024-03-01,1\n',
    );
    const report = await runImport(store(), 'payments', path);
    expect(report.errors).toEqual([
      {
        line: 2,
        field: 'amount',
        value: '500.00',
        reason: 'below the 600.00 already allocated from BANK-001',
      },
      {
        line: 3,
        field: 'customer_code',
        value: 'C999',
        reason: 'unknown customer "C999" (import customers first)',
      },
    ]);
  });

  it('refuses to move a bounced payment after its reversal date', async () => {
    await store()
      .db.insertInto('payment')
      .values({
        entity_id: (await store().db.selectFrom('entity').select('id').executeTakeFirstOrThrow()).id,
        customer_id: (
          await store()
            .db.selectFrom('customer')
            .select('id')
            .where('code', '=', 'C002')
            .executeTakeFirstOrThrow()
        ).id,
        reference: 'BOUNCED-1',
        received_date: '2024-03-01',
        currency: 'CNY',
        amount: 100,
        reversed_on: '2024-03-03',
        reversal_reason: 'bounced',
      })
      .execute();
    const path = tempFile(
      'bounced.csv',
      '客户编码,收款单号,收款日期,收款金额\nC002,BOUNCED-1,2024-03-04,1.00\n',
    );
    const report = await runImport(store(), 'payments', path);
    expect(report.errors).toEqual([
      {
        line: 2,
        field: 'received_date',
        value: '2024-03-04',
        reason: 'BOUNCED-1 was reversed on 2024-03-03, before this date',
      },
    ]);
  });

  it('loads red-letter credit notes (negative in the export) and allocates them to their invoice', async () => {
    const report = await runImport(store(), 'credit-notes', fixture('credit-notes.csv'));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ inserted: 1, allocations: { count: 1, amount: 80_000 } });
    const note = await store().db.selectFrom('credit_note').selectAll().executeTakeFirstOrThrow();
    expect([note.amount, note.invoice_number, note.reason, note.unapplied_amount]).toEqual([
      80_000,
      'INV-003',
      '退货',
      0,
    ]);
    expect((await ledger(store())).invoices).toContain('INV-003: 8720000/8800000');
  });

  it('loads sales orders with their status, idempotently', async () => {
    const path = tempFile(
      'orders.csv',
      '客户编码,订单号,订单日期,订单金额,状态\nC001,SO-1,2024-03-01,"2,000.00",未发货\nC002,SO-2,2024-03-02,300,已发货\n',
    );
    expect(await runImport(store(), 'orders', path)).toMatchObject({ status: 'loaded', inserted: 2 });
    expect(await runImport(store(), 'orders', path)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const orders = await store()
      .db.selectFrom('sales_order')
      .select(['number', 'status', 'amount', 'open_amount', 'shipped_not_invoiced_amount'])
      .orderBy('number')
      .execute();
    expect(orders).toEqual([
      {
        number: 'SO-1',
        status: 'open',
        amount: 200_000,
        open_amount: 200_000,
        shipped_not_invoiced_amount: 0,
      },
      {
        number: 'SO-2',
        status: 'shipped',
        amount: 30_000,
        open_amount: 0,
        shipped_not_invoiced_amount: 30_000,
      },
    ]);
  });
});
