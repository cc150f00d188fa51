// A currency without an exchange rate to the reporting currency: every figure that needs it is unknown
// (null) and the pair is listed in missingRates, in the provision report and the dashboard as in the aging
// report — never a silent 0.
import { beforeAll, expect, it } from 'vitest';
import { getDashboard } from '../../src/analytics/get-dashboard';
import { getProvisionReport } from '../../src/analytics/get-provision-report';
import { setSpecificProvision } from '../../src/analytics/settings-use-cases';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { describeEachStore } from '../support/stores';
import { type Fixture, loadFixture } from './fixture';

const actor = SYSTEM_ACTOR;

describeEachStore('analytics without an exchange rate', (store) => {
  let fx: Fixture;
  beforeAll(async () => {
    const db = store().db;
    fx = await loadFixture(db, 'NR');
    // EUR has no rate at all: one invoice not yet due on 3/31, one overdue since February (in the matrix's
    // cohorts for buckets 0 and 1).
    await db
      .insertInto('invoice')
      .values([
        {
          entity_id: fx.entityId,
          customer_id: fx.customers.C,
          number: 'NR-EUR1',
          issue_date: '2026-03-30',
          due_date: '2026-04-29',
          currency: 'EUR',
          amount: 100_00,
        },
        {
          entity_id: fx.entityId,
          customer_id: fx.customers.A,
          number: 'NR-EUR2',
          issue_date: '2026-01-01',
          due_date: '2026-01-31',
          currency: 'EUR',
          amount: 50_00,
        },
      ])
      .execute();
  });

  it('leaves the provision buckets, rates and totals that need the rate unknown', async () => {
    const r = await getProvisionReport(store().db, actor, { asOf: '2026-03-31', entityId: fx.entityId });
    expect(r.missingRates).toEqual(['EUR/CNY']);
    expect(r.aging.buckets[0]).toMatchObject({ balance: null, rate: '0.0500', provision: null });
    expect(r.aging.buckets[1]).toMatchObject({ balance: 0, provision: 0 });
    expect([r.aging.balance, r.aging.provision]).toEqual([null, null]);
    expect(r.booked).toEqual({ collective: null, specific: 0, total: null });
    // Matrix: EUR2 is in the cohorts entering buckets 0 and 1, so their loss rates are unknown; bucket 2's
    // cohort has no EUR and keeps its rate. Bucket 0 and 2 balances hold EUR, bucket 4 (I3) does not.
    const m = r.matrix.buckets;
    expect(m.map((b) => b.enteredAmount)).toEqual([null, null, 80000, 80000, 0, 0, null]);
    expect(m.map((b) => b.lossRate === null)).toEqual([true, true, false, false, false, false, false]);
    expect(m.map((b) => b.balance === null)).toEqual([true, false, true, false, false, false, false]);
    expect(m[0].provision).toBeNull();
    expect(m[4].provision).not.toBeNull();
    expect(r.matrix.provision).toBeNull();
  });

  it('leaves a specific provision on a balance in that currency unknown', async () => {
    await setSpecificProvision(store().db, actor, {
      customerId: fx.customers.C,
      rate: '0.5',
      reason: '失联',
    });
    try {
      const r = await getProvisionReport(store().db, actor, { asOf: '2026-03-31', entityId: fx.entityId });
      expect(r.specific.customers.map((c) => [c.customerCode, c.balance, c.provision])).toEqual([
        ['NR-C', null, null],
      ]);
      expect(r.booked).toEqual({ collective: null, specific: null, total: null });
    } finally {
      await setSpecificProvision(store().db, actor, { customerId: fx.customers.C, rate: null });
    }
  });

  it('shows the dashboard provision as unknown rather than 0', async () => {
    const d = await getDashboard(store().db, actor, { entityId: fx.entityId, months: 3 });
    expect(d.missingRates).toContain('EUR/CNY');
    expect(d.totals.ar).toBeNull();
    // Whatever today is, the age bucket holding the EUR invoices is unknown, and so are the totals.
    const unknown = d.provision.buckets.filter((b) => b.balance === null);
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((b) => b.provision === null)).toBe(true);
    expect([d.provision.collective, d.provision.total]).toEqual([null, null]);
  });
});
