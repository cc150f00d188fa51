// Loads the default demo into an in-memory PGlite, runs its desk, and prints what a newcomer sees: the
// desk's activity (tasks, messages, promises, plans) and the dashboard's figures (AR, overdue, DSO, CEI).
//   npx tsx scripts/demo-desk-check.ts [--as-of 2026-12-07] [--seed 2024]
import { sql } from 'kysely';
import { getDashboard } from '../src/analytics/get-dashboard';
import { runDemoDesk } from '../src/demo/live-desk';
import { loadDemo } from '../src/demo/load-demo';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor';
import { migrate } from '../src/platform/db/migrate';
import { openStore } from '../src/platform/db/store';
import { todayIn } from '../src/shared/dates';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const asOf = arg('as-of', todayIn('Asia/Shanghai'));
const seed = Number(arg('seed', '2024'));

const store = await openStore({ inMemory: true });
await migrate(store);
const summary = await loadDemo(store, SYSTEM_ACTOR, { asOf, seed });
const desk = await runDemoDesk(store.db, { asOf, seed });
console.log(`load ${summary.seconds.toFixed(1)} s, desk ${desk.seconds.toFixed(1)} s`, desk);
const counts = await sql<{ k: string; n: number }>`
  select 'task:' || type || ':' || status as k, count(*)::int as n from task group by 1
  union all select 'promise:' || status, count(*)::int from promise group by 1
  union all select 'plan:' || status, count(*)::int from payment_plan group by 1
  union all select 'outbox:' || channel || ':' || status, count(*)::int from outbox group by 1
  union all select 'case:' || coalesce(strategy_name, 'none') || ':' || coalesce(stage, '-'), count(*)::int
    from collection_case where closed_on is null group by 1
  order by 1`.execute(store.db);
for (const r of counts.rows) console.log(`  ${r.k.padEnd(40)} ${r.n}`);
const dash = await getDashboard(store.db, SYSTEM_ACTOR, {});
const yuan = (v: number | null) => (v === null ? '-' : (v / 100 / 1e6).toFixed(1));
console.log(
  `dashboard ${dash.asOf} (${dash.reportCurrency}): AR ${yuan(dash.totals.ar)} M, overdue ${yuan(dash.totals.overdue)} M = ${(
    (100 * (dash.totals.overdue ?? 0)) / (dash.totals.ar ?? 1)
  ).toFixed(1)} %`,
);
for (const t of dash.trend)
  console.log(
    `  ${t.month} AR ${yuan(t.closingAr)} sales ${yuan(t.creditSales)} DSO ${t.dso} countback ${t.countbackDso} BPDSO ${t.bestPossibleDso} ADD ${t.averageDaysDelinquent} CEI ${t.cei}`,
  );
await store.close();
