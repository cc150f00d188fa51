// The trigger-maintained month-end summary (analytics_ar_delta) must always equal a scan of the ledger:
// after random imports (multi-row inserts), payments (allocations), reversals, invoice edits, a change of
// bucket edges (rebuild) and compaction.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { todayFigures } from '../../src/analytics/dashboard-today';
import { cumulate } from '../../src/analytics/month-series';
import { monthEnd, monthsBetween } from '../../src/analytics/months';
import { selectSettings } from '../../src/analytics/settings-queries';
import { updateAnalyticsSettings } from '../../src/analytics/settings-use-cases';
import { selectScannedMonthEnds, selectSummaryDeltas } from '../../src/analytics/trend-queries';
import { allocateManually } from '../../src/ledger/allocations/allocate-manually';
import type { Actor } from '../../src/platform/auth/actor';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { inTransaction } from '../../src/platform/db/transaction';
import { addDays, todayIn } from '../../src/shared/dates';
import { seededChoices } from '../support/random';
import { describeEachStore } from '../support/stores';

const actor = SYSTEM_ACTOR;
const months = monthsBetween('2024-11-01', '2027-06-30');

async function compare(db: Db, edges: number[]) {
  const deltas = await selectSummaryDeltas(db, actor, {}, monthEnd(months[months.length - 1]));
  const key = (c: { asOf: string; currency: string; bucket: number; amount: number }) =>
    `${c.asOf} ${c.currency} ${c.bucket} ${c.amount}`;
  const fromSummary = cumulate(deltas, months).map(key).sort();
  const scanned = (await selectScannedMonthEnds(db, actor, months.map(monthEnd), edges, {})).map(key).sort();
  expect(fromSummary.length).toBeGreaterThan(50);
  expect(fromSummary).toEqual(scanned);

  // The dashboard's figures on a few days: from the summary (all customers) and by scanning (an actor
  // scoped to a collector who has every customer) must agree, top overdue customers included.
  const settings = await selectSettings(db);
  const { rows: users } = await sql<{
    id: number;
  }>`select id from app_user where username = 'sum_collector'`.execute(db);
  const scoped: Actor = {
    userId: users[0].id,
    name: 'sum_collector',
    permissions: new Set(['reports:read']),
    customerScope: { collectorUserIds: [users[0].id], salespersonUserIds: [] },
    entityIds: null,
  };
  const rankFactors = [
    { currency: 'CNY', factor: '1' },
    { currency: 'USD', factor: '7.2' },
  ];
  const specificIds = (
    await db.selectFrom('analytics_specific_provision').select('customer_id').execute()
  ).map((r) => r.customer_id);
  // Compaction folds the days of months before last month into their first day, so the exact days are
  // month-ends and days from last month on (the dashboard asks for today).
  const today = todayIn('Asia/Shanghai');
  for (const asOf of ['2025-03-31', '2025-08-31', '2026-02-28', addDays(today, -20), today, '2027-01-15']) {
    const params = { asOf, settings, filter: {}, specificIds, rankFactors, top: 3 };
    const fromSummary = await todayFigures(db, actor, params);
    const fromScan = await todayFigures(db, scoped, params);
    expect(fromSummary.source).toBe('summary');
    expect(fromScan.source).toBe('scan');
    const norm = (m: Map<string, number[]>) => [...m].filter(([, a]) => a.some((x) => x !== 0)).sort();
    expect(norm(fromSummary.due)).toEqual(norm(fromScan.due));
    expect(norm(fromSummary.dueCollective)).toEqual(norm(fromScan.dueCollective));
    expect(norm(fromSummary.ageCollective)).toEqual(norm(fromScan.ageCollective));
    const tops = (t: { customerId: number; currency: string; overdue: number }[]) =>
      t.map((r) => `${r.customerId} ${r.currency} ${r.overdue}`).sort();
    expect(tops(fromSummary.top)).toEqual(tops(fromScan.top));
  }
  const { rows: open } = await sql<{ diff: number }>`
    with a as (select customer_id, entity_id, currency, sum(open_amount) as amount from invoice group by 1, 2, 3
               having sum(open_amount) <> 0),
         b as (select customer_id, entity_id, currency, amount from analytics_customer_open where amount <> 0)
    select count(*)::int as diff from ((select * from a except select * from b) union all (select * from b except select * from a)) x`.execute(
    db,
  );
  expect(open[0].diff).toBe(0);
}

describeEachStore('analytics summary equals the scan', (store) => {
  it('after random imports, payments, reversals and edits', async () => {
    const db = store().db;
    const { random, pick, day } = seededChoices(20260131);
    const { entityIds, customerIds } = await inTransaction(db, actor, async (tx) => {
      const e1 = await tx
        .insertInto('entity')
        .values({ code: 'SE1', name: 'e1', base_currency: 'CNY' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const e2 = await tx
        .insertInto('entity')
        .values({ code: 'SE2', name: 'e2', base_currency: 'USD' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const collector = await tx
        .insertInto('app_user')
        .values({ username: 'sum_collector', display_name: 'c' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const cs = await tx
        .insertInto('customer')
        .values(
          Array.from({ length: 6 }, (_, k) => ({
            code: `SC${k}`,
            name: `c${k}`,
            attributes: '{}',
            collector_id: collector.id,
          })),
        )
        .returning('id')
        .execute();
      return { entityIds: [e1.id, e2.id], customerIds: cs.map((c) => c.id) };
    });
    let serial = 0;
    const importBatch = async (n: number) => {
      await inTransaction(db, actor, async (tx) => {
        await tx
          .insertInto('invoice')
          .values(
            Array.from({ length: n }, () => {
              const issue = day('2025-01-01', 600);
              return {
                entity_id: pick(entityIds),
                customer_id: pick(customerIds),
                number: `SI${++serial}`,
                issue_date: issue,
                due_date: addDays(issue, pick([0, 15, 30, 60, 90])),
                currency: pick(['CNY', 'CNY', 'USD']),
                amount: 1000 + Math.floor(random() * 100000),
              };
            }),
          )
          .execute();
      });
    };
    const pay = async (n: number) => {
      const open = await db
        .selectFrom('invoice')
        .select(['id', 'entity_id', 'customer_id', 'currency', 'open_amount', 'issue_date'])
        .where('open_amount', '>', 0)
        .execute();
      for (let k = 0; k < n && open.length; k++) {
        const inv = open.splice(Math.floor(random() * open.length), 1)[0];
        const amount = random() < 0.5 ? inv.open_amount : Math.max(1, Math.floor(inv.open_amount * random()));
        const on = day(inv.issue_date, 200);
        const p = await db
          .insertInto('payment')
          .values({
            entity_id: inv.entity_id,
            customer_id: inv.customer_id,
            reference: `SP${++serial}`,
            received_date: on,
            currency: inv.currency,
            amount,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Dated by the ledger's rule: after an earlier, later reversed, allocation of the invoice.
        await allocateManually(db, actor, { invoiceId: inv.id, paymentId: p.id, amount });
      }
    };
    const reverse = async (n: number) => {
      const active = await db
        .selectFrom('allocation')
        .select(['id', 'effective_on'])
        .where('reversed_on', 'is', null)
        .execute();
      const chosen = active.sort(() => random() - 0.5).slice(0, n);
      await inTransaction(db, actor, async (tx) => {
        for (const a of chosen) {
          await tx
            .updateTable('allocation')
            .set({ reversed_on: day(a.effective_on, 90) })
            .where('id', '=', a.id)
            .execute();
        }
      });
    };

    await importBatch(120);
    await pay(60);
    await compare(db, [30, 60, 90, 180, 365]);
    await db
      .insertInto('analytics_specific_provision')
      .values({ customer_id: customerIds[2], rate: '0.5', reason: 'x' })
      .execute();
    await reverse(15);
    await importBatch(40);
    await pay(40);
    // A bulk reversal in one statement, and edits of due dates, amounts and issue dates.
    await sql`update allocation set reversed_on = effective_on + 7 where reversed_on is null and id % 9 = 0`.execute(
      db,
    );
    await sql`update invoice set due_date = due_date + 20 where id % 7 = 0`.execute(db);
    await sql`update invoice set amount = amount + 500 where id % 11 = 0`.execute(db);
    await sql`update invoice set issue_date = issue_date - 3 where id % 13 = 0`.execute(db);
    await compare(db, [30, 60, 90, 180, 365]);

    // New edges rebuild the summary; compaction keeps the sums.
    await updateAnalyticsSettings(db, actor, { dueBuckets: [15, 45, 120] });
    await pay(20);
    await compare(db, [15, 45, 120]);
    await sql`select analytics_compact_ar_delta()`.execute(db);
    await compare(db, [15, 45, 120]);
    await updateAnalyticsSettings(db, actor, {
      dueBuckets: [30, 60, 90, 180, 365],
      agingMethod: { edges: [90, 365], rates: ['0.01', '0.1', '0.5'] },
    });
    await pay(10);
    await compare(db, [30, 60, 90, 180, 365]);
  });
});
