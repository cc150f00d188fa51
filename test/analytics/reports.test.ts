// Every report figure on the hand-computed fixture (see fixture.ts), on PGlite and PostgreSQL.
import { beforeAll, expect, it } from 'vitest';
import { getAgingReport } from '../../src/analytics/get-aging-report';
import { getPerformanceReport } from '../../src/analytics/get-performance-report';
import { getProvisionReport } from '../../src/analytics/get-provision-report';
import { getStatement } from '../../src/analytics/get-statement';
import { listAgingItems } from '../../src/analytics/list-aging-items';
import { setSpecificProvision } from '../../src/analytics/settings-use-cases';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { addDays, todayIn } from '../../src/shared/dates';
import { describeEachStore } from '../support/stores';
import { type Fixture, loadFixture } from './fixture';

const actor = SYSTEM_ACTOR;
const amounts = (r: { amounts: (number | null)[] }) => r.amounts;
const counts = (r: { counts: number[] }) => r.counts;

describeEachStore('analytics reports', (store) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await loadFixture(store().db);
  });

  it('ages as of a date inside the payment that was later reversed', async () => {
    const r = await getAgingReport(store().db, actor, { asOf: '2026-03-15' });
    // I1 40000 (39 d), I2 40000 (3 d), I4 USD 60.00 at 7.2 = 43200 (24 d); I3 paid until the 25th; I5 later.
    expect(r.reportCurrency).toBe('CNY');
    expect(amounts(r.totals)).toEqual([0, 83200, 40000, 0, 0, 0, 0]);
    expect(counts(r.totals)).toEqual([0, 2, 1, 0, 0, 0, 0]);
    expect([r.totals.amount, r.totals.count]).toEqual([123200, 3]);
    expect(r.totals.byCurrency.map((c) => [c.currency, c.amount])).toEqual([
      ['CNY', 80000],
      ['USD', 6000],
    ]);
  });

  it('ages at a month-end after the reversal, by customer and by group', async () => {
    const r = await getAgingReport(store().db, actor, { asOf: '2026-03-31', by: 'customer' });
    expect(amounts(r.totals)).toEqual([30000, 40000, 83200, 0, 80000, 0, 0]);
    expect(r.totals.amount).toBe(233200);
    expect(r.groups.map((g) => [g.code, g.amount, g.count])).toEqual([
      ['FX-B', 110000, 2],
      ['FX-A', 80000, 2],
      ['FX-C', 43200, 1],
    ]);
    const groups = await getAgingReport(store().db, actor, { asOf: '2026-03-31', by: 'customerGroup' });
    expect(groups.groups.map((g) => [g.code, g.amount])).toEqual([
      ['FX-A', 190000],
      ['FX-C', 43200],
    ]);
    const regions = await getAgingReport(store().db, actor, { asOf: '2026-03-31', by: 'currency' });
    // The CNY group is in the reporting currency already (no byCurrency); USD shows its own amount.
    expect(regions.groups.map((g) => [g.key, g.amount, g.byCurrency?.[0].amount])).toEqual([
      ['CNY', 190000, undefined],
      ['USD', 43200, 6000],
    ]);
  });

  it('ages by days since invoice date (账龄)', async () => {
    const r = await getAgingReport(store().db, actor, { asOf: '2026-03-31', basis: 'invoice' });
    // I5 11 d; I2 49 d; I1 85 d and I4 70 d; I3 181 d.
    expect(amounts(r.totals)).toEqual([30000, 40000, 83200, 0, 80000, 0, 0, 0]);
  });

  it('ages a past date before later payments and at the older rate', async () => {
    const r = await getAgingReport(store().db, actor, { asOf: '2026-02-28' });
    expect(amounts(r.totals)).toEqual([50000, 111000, 0, 0, 80000, 0, 0]);
    expect(r.totals.amount).toBe(241000);
  });

  it('drills down to the invoices of a cell, oldest first, page by page', async () => {
    const page1 = await listAgingItems(store().db, actor, { asOf: '2026-03-31', bucket: 2, limit: 1 });
    expect(page1.items.map((i) => [i.number, i.openAmount, i.daysPastDue])).toEqual([['FX-I1', 40000, 55]]);
    const page2 = await listAgingItems(store().db, actor, {
      asOf: '2026-03-31',
      bucket: 2,
      limit: 1,
      cursor: page1.nextCursor!,
    });
    expect(page2.items.map((i) => [i.number, i.openAmount, i.currency])).toEqual([['FX-I4', 6000, 'USD']]);
    expect(page2.nextCursor).toBeNull();
    const b = await listAgingItems(store().db, actor, {
      asOf: '2026-03-31',
      by: 'customer',
      key: String(fx.customers.B),
    });
    expect(b.items.map((i) => [i.number, i.openAmount, i.bucket])).toEqual([
      ['FX-I3', 80000, 4],
      ['FX-I5', 30000, 0],
    ]);
  });

  it('computes DSO, countback, best possible DSO, ADD and CEI for March', async () => {
    const r = await getPerformanceReport(store().db, actor, { from: '2026-03-01', to: '2026-03-31' });
    const march = r.months[0];
    expect(march).toMatchObject({
      month: '2026-03',
      openingAr: 241000,
      closingAr: 233200,
      closingCurrentAr: 30000,
      closingOverdueAr: 203200,
      creditSales: 30000,
      days: 31,
      // Days and percentages with one decimal: 240.97, 86.77, 209.97 days and 15.68 %.
      dso: 241,
      countbackDso: 86.8,
      bestPossibleDso: 31,
      averageDaysDelinquent: 210,
      cei: 15.7,
    });
    expect(r.period).toMatchObject({
      openingAr: 241000,
      closingAr: 233200,
      creditSales: 30000,
      dso: 241,
      cei: 15.7,
    });
    expect(r.ceiSummary).toMatchObject({ months: 1, period: 15.7, monthlyAverage: 15.7, meaningful: true });
    // Only P3 is a payment allocated in March and still active at its end: 40 days after issue, 10 late.
    const c = r.customers.find((x) => x.customerCode === 'FX-C')!;
    expect(c).toMatchObject({ paidAmount: 28800, avgDaysToPay: 40, avgDaysLate: 10, settledCount: 0 });
  });

  it('ends the last month and the countback at a period end that is not a month-end', async () => {
    const r = await getPerformanceReport(store().db, actor, { from: '2026-03-01', to: '2026-03-15' });
    // AR 123200 on 3/15; no sales 3/1–3/15 (15 days), February's 50000 (28 days) leaves 73200 of
    // January's 171000 (I1 100000 + I4 USD 100.00 at January's 7.1): 15 + 28 + 73200/171000 × 31 = 56.27.
    expect(r.months).toHaveLength(1);
    expect(r.months[0]).toMatchObject({
      month: '2026-03',
      from: '2026-03-01',
      to: '2026-03-15',
      days: 15,
      openingAr: 241000,
      closingAr: 123200,
      creditSales: 0,
      countbackDso: 56.3,
      cei: 48.9,
    });
    expect(r.period).toMatchObject({ to: '2026-03-15', days: 15, closingAr: 123200, countbackDso: 56.3 });
  });

  it('refuses a period that ends after today instead of moving it to today', async () => {
    const today = todayIn('Asia/Shanghai');
    const error = await getPerformanceReport(store().db, actor, {
      from: '2026-01-01',
      to: addDays(today, 1),
      timeZone: 'Asia/Shanghai',
    }).catch((e) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(error.message).toMatch(/after today/);
    expect(error.details.problems).toEqual([
      {
        field: 'to',
        value: addDays(today, 1),
        reason: `after today (${today})`,
        code: 'afterToday',
        params: { today },
      },
    ]);
    const upToToday = await getPerformanceReport(store().db, actor, {
      from: addDays(today, -40),
      to: today,
      timeZone: 'Asia/Shanghai',
      withoutCustomers: true,
    });
    expect(upToToday.period.to).toBe(today);
  });

  it('builds statements whose closing balance reconciles with the aging', async () => {
    const a = await getStatement(store().db, actor, {
      customerId: fx.customers.A,
      from: '2026-02-01',
      to: '2026-03-31',
    });
    const cny = a.sections[0];
    expect(cny.openingBalance).toBe(100000);
    expect(cny.lines.map((l) => [l.kind, l.debit, l.credit, l.balance])).toEqual([
      ['invoice', 50000, 0, 150000],
      ['payment', 0, 60000, 90000],
      ['credit_note', 0, 10000, 80000],
    ]);
    expect(cny.closingBalance).toBe(80000);
    expect(cny.aging.buckets).toEqual([0, 40000, 40000, 0, 0, 0, 0]);
    expect(cny.reconciled).toBe(true);
    const b = await getStatement(store().db, actor, {
      customerId: fx.customers.B,
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(b.sections[0].lines.map((l) => [l.date, l.kind, l.balance])).toEqual([
      ['2026-03-10', 'payment', 0],
      ['2026-03-20', 'invoice', 30000],
      ['2026-03-25', 'payment_reversal', 110000],
    ]);
    expect([b.sections[0].openingBalance, b.sections[0].closingBalance, b.sections[0].reconciled]).toEqual([
      80000,
      110000,
      true,
    ]);
  });

  it('provides by the aging method, the roll-rate matrix and specifically', async () => {
    const r = await getProvisionReport(store().db, actor, { asOf: '2026-03-31' });
    expect(r.aging.buckets[0]).toMatchObject({ balance: 233200, rate: '0.0500', provision: 11660 });
    expect(r.booked.total).toBe(11660);
    expect(r.matrix.buckets.map((b) => b.enteredAmount)).toEqual([302000, 252000, 80000, 80000, 0, 0, null]);
    expect(r.matrix.buckets.map((b) => b.rolledAmount)).toEqual([292000, 163200, 80000, 80000, 0, 0, null]);
    await setSpecificProvision(store().db, actor, {
      customerId: fx.customers.B,
      rate: '0.5',
      reason: '破产清算',
    });
    try {
      const s = await getProvisionReport(store().db, actor, { asOf: '2026-03-31' });
      expect(s.specific.customers.map((c) => [c.customerCode, c.balance, c.provision])).toEqual([
        ['FX-B', 110000, 55000],
      ]);
      expect(s.aging.balance).toBe(123200);
      expect(s.booked).toEqual({ collective: 6160, specific: 55000, total: 61160 });
    } finally {
      await setSpecificProvision(store().db, actor, { customerId: fx.customers.B, rate: null });
    }
  });
});
