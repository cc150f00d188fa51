// Fixture data for the browser tests, written straight into the ledger tables (the schema of 0001 is the
// stable contract; open amounts come from the allocation triggers). Due dates are relative to today in
// the business time zone, so "overdue" stays overdue whenever the tests run.
import type { Db } from '../../src/platform/db/store';
import { addDays, todayIn } from '../../src/shared/dates';

export interface Fixtures {
  today: string;
  entityId: number;
  collectorId: number;
  /** 上海明达机械: CNY 10,000.00 overdue 45 days (INV-1001) + 5,000.00 not yet due (INV-1002); INV-1003 paid. */
  mingda: number;
  /** 北京新远贸易: CNY 8,800.00 overdue 5 days. */
  xinyuan: number;
  /** Acme Trading: USD 1,234.56 overdue 20 days. */
  acme: number;
  invoices: Record<string, number>;
}

export async function seedFixtures(db: Db): Promise<Fixtures> {
  const today = todayIn('Asia/Shanghai');
  const entity = await db
    .insertInto('entity')
    .values({ code: 'HD01', name: '华东销售有限公司', base_currency: 'CNY' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [collector, sales] = await db
    .insertInto('app_user')
    .values([
      { username: 'lihua', display_name: '李华' },
      { username: 'wangqiang', display_name: '王强' },
    ])
    .returning('id')
    .execute();

  const customer = (values: {
    code: string;
    name: string;
    tax_id?: string;
    region?: string;
    segment?: string;
    country?: string;
    language?: string;
  }) =>
    db
      .insertInto('customer')
      .values({
        payment_terms_days: 30,
        collector_id: collector.id,
        salesperson_id: sales.id,
        attributes: JSON.stringify({}),
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((row) => row.id);

  const mingda = await customer({
    code: 'C001',
    name: '上海明达机械有限公司',
    tax_id: '91310115MA1H7X0001',
    region: '华东',
    segment: '制造业',
  });
  const xinyuan = await customer({
    code: 'C002',
    name: '北京新远贸易有限公司',
    region: '华北',
    segment: '分销',
  });
  const acme = await customer({
    code: 'C003',
    name: 'Acme Trading Ltd',
    region: '海外',
    segment: 'Export',
    country: 'US',
    language: 'en',
  });

  const invoiceRows = [
    { number: 'INV-1001', customer_id: mingda, issue: -75, due: -45, currency: 'CNY', amount: 1_000_000 },
    { number: 'INV-1002', customer_id: mingda, issue: -20, due: 10, currency: 'CNY', amount: 500_000 },
    { number: 'INV-1003', customer_id: mingda, issue: -120, due: -90, currency: 'CNY', amount: 300_000 },
    { number: 'INV-2001', customer_id: xinyuan, issue: -35, due: -5, currency: 'CNY', amount: 880_000 },
    { number: 'INV-3001', customer_id: acme, issue: -50, due: -20, currency: 'USD', amount: 123_456 },
  ];
  const inserted = await db
    .insertInto('invoice')
    .values(
      invoiceRows.map((r) => ({
        entity_id: entity.id,
        customer_id: r.customer_id,
        number: r.number,
        issue_date: addDays(today, r.issue),
        due_date: addDays(today, r.due),
        currency: r.currency,
        amount: r.amount,
        order_number: `SO-${r.number.slice(4)}`,
      })),
    )
    .returning(['id', 'number'])
    .execute();
  const invoices = Object.fromEntries(inserted.map((row) => [row.number, row.id]));

  // INV-1003 was paid in full by bank transfer 85 days ago.
  const payment = await db
    .insertInto('payment')
    .values({
      entity_id: entity.id,
      customer_id: mingda,
      reference: 'BANK-0001',
      received_date: addDays(today, -85),
      currency: 'CNY',
      amount: 300_000,
      method: 'bank_transfer',
      remittance_invoice_numbers: ['INV-1003'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('allocation')
    .values({
      invoice_id: invoices['INV-1003'],
      payment_id: payment.id,
      amount: 300_000,
      effective_on: addDays(today, -85),
      method: 'reference',
    })
    .execute();

  await db
    .insertInto('contact')
    .values([
      {
        customer_id: mingda,
        name: '张会计',
        role: 'finance',
        title: '财务主管',
        mobile: '13800138001',
        email: 'zhang@mingda.example.cn',
        channels: JSON.stringify({ email: true, sms: false, phone: true, letter: true }),
        preferred_hours: '09:00-17:30',
        is_primary: true,
      },
      {
        customer_id: mingda,
        name: '赵老板',
        role: 'owner',
        mobile: '13900139002',
        do_not_contact: true,
      },
    ])
    .execute();

  return {
    today,
    entityId: entity.id,
    collectorId: collector.id,
    mingda,
    xinyuan,
    acme,
    invoices,
  };
}
