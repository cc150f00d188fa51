// The dashboard's provision card and the provisions page show one figure: the provision booked at the
// last month-end, dated, from the same use case (getProvisionReport) — for the aging method and for the
// provision matrix. The balances it is computed on are the same from the summary and from a scan.
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { getDashboard } from '../../src/analytics/get-dashboard';
import { getProvisionReport, lastMonthEnd } from '../../src/analytics/get-provision-report';
import { loadProvisionBalances } from '../../src/analytics/provision-balances';
import { selectSettings } from '../../src/analytics/settings-queries';
import { setSpecificProvision, updateAnalyticsSettings } from '../../src/analytics/settings-use-cases';
import { type Actor, SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { addDays, todayIn } from '../../src/shared/dates';
import { describeEachStore } from '../support/stores';
import { type Fixture, loadFixture } from './fixture';

const actor = SYSTEM_ACTOR;
const timeZone = 'Asia/Shanghai';

describeEachStore('dashboard provision and provisions page', (store) => {
  let fx: Fixture;
  let scoped: Actor;
  const today = todayIn(timeZone);
  const monthEnd = lastMonthEnd(today);

  beforeAll(async () => {
    const db = store().db;
    fx = await loadFixture(db, 'PA');
    // One year old at the last month-end, older than a year today (unless today is a month-end): the
    // aging method puts it in different buckets on the two dates.
    await db
      .insertInto('invoice')
      .values({
        entity_id: fx.entityId,
        customer_id: fx.customers.A,
        number: 'PA-YEAR',
        issue_date: addDays(monthEnd, -365),
        due_date: addDays(monthEnd, -335),
        currency: 'CNY',
        amount: 123_457,
      })
      .execute();
    await setSpecificProvision(db, actor, { customerId: fx.customers.B, rate: '0.5', reason: 'in dispute' });
    // A collector who has every customer: the same ledger seen through the scan instead of the summary.
    const user = await db
      .insertInto('app_user')
      .values({ username: 'pa_collector', display_name: 'c' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`update customer set collector_id = ${user.id}`.execute(db);
    scoped = {
      userId: user.id,
      name: 'pa_collector',
      permissions: new Set(['reports:read']),
      customerScope: { collectorUserIds: [user.id], salespersonUserIds: [] },
      entityIds: null,
    };
  });

  it('dates the dashboard provision at the last month-end and shows the page figure, for both methods', async () => {
    const db = store().db;
    for (const method of ['aging', 'matrix']) {
      await updateAnalyticsSettings(db, actor, { provisionMethod: method });
      const page = await getProvisionReport(db, actor, { timeZone });
      const dashboard = await getDashboard(db, actor, { timeZone, months: 2 });
      expect(page.asOf).toBe(monthEnd);
      expect(dashboard.provision.asOf).toBe(page.asOf);
      expect(dashboard.provision.method).toBe(method);
      const booked = method === 'aging' ? page.aging : page.matrix;
      expect(dashboard.provision).toMatchObject({
        total: page.booked.total,
        collective: page.booked.collective,
        specificTotal: page.booked.specific,
      });
      expect(dashboard.provision.buckets.map((b) => [b.label, b.balance, b.provision])).toEqual(
        booked.buckets.map((b) => [b.label, b.balance, b.provision]),
      );
      expect(dashboard.provision.specific.map((s) => s.provision)).toEqual(
        page.specific.customers.map((s) => s.provision),
      );
      expect(page.booked.total).toBeGreaterThan(0);
      expect(page.specific.provision).toBeGreaterThan(0);
    }
    await updateAnalyticsSettings(db, actor, { provisionMethod: 'aging' });
  });

  it('computes the same balances from the summary and from a scan', async () => {
    const db = store().db;
    const settings = await selectSettings(db);
    const specificIds = [fx.customers.B];
    const norm = (m: Map<string, number[]>) => [...m].filter(([, a]) => a.some((x) => x !== 0)).sort();
    for (const asOf of ['2026-02-28', '2026-03-31', monthEnd, today]) {
      const params = { asOf, today, settings, filter: {}, specificIds };
      const fromSummary = await loadProvisionBalances(db, actor, params);
      const fromScan = await loadProvisionBalances(db, scoped, params);
      expect([fromSummary.source, fromScan.source]).toEqual(['summary', 'scan']);
      expect(norm(fromSummary.due), asOf).toEqual(norm(fromScan.due));
      expect(norm(fromSummary.age), asOf).toEqual(norm(fromScan.age));
      expect([...fromSummary.specific].sort(), asOf).toEqual([...fromScan.specific].sort());
    }
    // A day inside a past month is not kept by the summary (compaction folds it): the scan answers.
    const midMonth = await loadProvisionBalances(db, actor, {
      asOf: '2026-03-15',
      today,
      settings,
      filter: {},
      specificIds,
    });
    expect(midMonth.source).toBe('scan');
    // The whole report agrees too, for the page at a past month-end.
    const page = await getProvisionReport(db, actor, { asOf: '2026-03-31', timeZone });
    const scopedPage = await getProvisionReport(db, scoped, { asOf: '2026-03-31', timeZone });
    expect(page.source).toBe('summary');
    expect(scopedPage.booked).toEqual(page.booked);
  });
});
