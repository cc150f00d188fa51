// The collections engine at 1,000,000 invoices / 100,000 customers on PostgreSQL (the demo data set, all
// four shipped strategies on): a full cycle (goal < 60 s), the next day's cycle, and an incremental cycle
// after 1,000 payments (goal < 2 s). Baseline: ONE set-based SQL statement that computes the same due
// time-based steps (anchor, days past due, stage, catch-up window, latest step per stage and action) for the
// same cases — what the engine's figures are divided by.
import { sql } from 'kysely';
import pg from 'pg';
import { type EngineResult, runEngine } from '../src/collections/engine/run-engine';
import { ensureDefaultStrategies } from '../src/collections/strategy/strategy-queries';
import { migrate } from '../src/platform/db/migrate';
import { openStore, type Store } from '../src/platform/db/store';
import { addDays } from '../src/shared/dates';
import { BENCH_AS_OF } from './lib/demo-data';
import { demoDatabase } from './lib/demo-db';
import { describeMachine, machineInfo } from './lib/machine';
import { isMain, table, writeSection } from './lib/results';
import { BENCH_ADMIN_URL, closeStore, serverVersion } from './lib/scratch-db';
import { timed } from './lib/timing';

const SIZE = {
  customers: Number(process.env.BENCH_ENGINE_CUSTOMERS ?? 100_000),
  invoices: Number(process.env.BENCH_ENGINE_INVOICES ?? 1_000_000),
};
const PAYMENTS = Number(process.env.BENCH_ENGINE_PAYMENTS ?? 1_000);

async function admin(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

/** A private copy of the kept demo database (the engine writes cases; the kept one stays as loaded). */
async function copyOfDemo(): Promise<{ name: string; url: string }> {
  // BENCH_ENGINE_TEMPLATE names an already loaded demo database to copy (e.g. one kept from before another
  // module's migration changed, which would otherwise mean reloading a million invoices first).
  const demo = process.env.BENCH_ENGINE_TEMPLATE
    ? { name: process.env.BENCH_ENGINE_TEMPLATE }
    : await demoDatabase(SIZE);
  const name = `huikuan_bench_engine_${process.pid}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(`drop database if exists ${name}`);
      await admin(`create database ${name} template ${demo.name}`);
      break;
    } catch (error) {
      // Another benchmark is connected to the template right now: wait and try again.
      if (attempt >= 30) throw error;
      await new Promise((done) => setTimeout(done, 10_000));
    }
  }
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/**
 * The copy, brought up to this tree's migrations: the kept demo database is named by a hash of the ledger
 * migrations and src/demo, so later migrations (collections) are applied here rather than reloading a
 * million invoices. migrate() refuses a database whose applied migrations were edited since.
 */
async function openCopy(url: string): Promise<Store> {
  const store = await openStore({ databaseUrl: url, maxConnections: 8 });
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

// The baseline: the time-based steps due on a date for every case, in one statement. Strategy per case by
// the shipped rules (language en → standard-en, segment OEM → key-account, else standard), steps read from
// the strategy rows. daysInStage steps are evaluated with the stage entered on the run date, which is what
// the engine does on a case's first evaluation (every case, in the first full cycle).
const BASELINE = `
with cases as (
  select i.customer_id, i.entity_id, min(i.due_date) filter (where not i.disputed) as anchor
  from invoice i
  where i.allocated_amount < i.amount and i.due_date <= $2::date and i.issue_date <= $1::date
    and ($3::bigint[] is null or i.customer_id = any($3::bigint[]))
  group by i.customer_id, i.entity_id
), chosen as (
  select k.customer_id, k.entity_id, $1::date - k.anchor as dpd,
         case when c.language like 'en%' then 'standard-en' when c.segment = 'OEM' then 'key-account'
              else 'standard' end as strategy
  from cases k join customer c on c.id = k.customer_id where k.anchor is not null
), staged as (
  select ch.*, s.settings, s.steps,
         case when ch.dpd >= (s.stages->'strong'->>'fromDay')::int then 'strong'
              when ch.dpd >= (s.stages->'early'->>'fromDay')::int then 'early' else 'reminder' end as stage
  from chosen ch join strategy s on s.name = ch.strategy and s.active
), occ as (
  select st.customer_id, st.entity_id, st.stage, step->>'key' as key, step->>'action' as action,
         (st.settings->>'catchUpDays')::int as catch_up,
         case step->'trigger'->>'type'
           when 'daysFromDue' then st.dpd - (step->'trigger'->>'days')::int
           when 'daysInStage' then 0 - (step->'trigger'->>'days')::int end as elapsed,
         (step->'trigger'->>'repeatEveryDays')::int as every
  from staged st cross join lateral jsonb_array_elements(st.steps) as step
  where step->'trigger'->>'type' in ('daysFromDue', 'daysInStage')
    and (step->>'stage' = st.stage or step->>'stage' = 'any')
    and (step->'conditions'->>'minAmount' is null and step->'conditions'->>'maxAmount' is null)
), latest as (
  select o.*, case when every is null then elapsed else elapsed % every end as since_last,
         min(case when every is null then elapsed else elapsed % every end)
           over (partition by customer_id, entity_id, stage, action) as newest
  from occ o where elapsed >= 0
)
select count(*)::int as due from latest where since_last = newest and since_last <= catch_up`;

async function baseline(
  url: string,
  asOf: string,
  customerIds: number[] | null,
): Promise<{ seconds: number; due: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const horizon = addDays(asOf, 10);
    await client.query(BASELINE, [asOf, horizon, customerIds]); // warm the cache like the engine's run
    const { result, seconds } = await timed(() =>
      client.query<{ due: number }>(BASELINE, [asOf, horizon, customerIds]),
    );
    return { seconds, due: result.rows[0].due };
  } finally {
    await client.end();
  }
}

export async function main(): Promise<void> {
  const machine = machineInfo(await serverVersion());
  const copy = await copyOfDemo();
  const store = await openCopy(copy.url);
  const rows: Array<Array<string | number>> = [];
  try {
    await ensureDefaultStrategies(store.db);
    await store.db.updateTable('strategy').set({ active: true }).where('version', '=', 1).execute();
    await sql`vacuum analyze`.execute(store.db);
    const report = (label: string, r: EngineResult, base: { seconds: number; due: number }, goal: string) => {
      const seconds = r.durationMs / 1000;
      rows.push([
        label,
        `${seconds.toFixed(2)} s`,
        goal,
        r.casesEvaluated,
        r.stepsFired,
        `${r.messages} / ${r.tasks}`,
        `${base.seconds.toFixed(2)} s (${base.due} due steps)`,
        `${(seconds / base.seconds).toFixed(1)}×`,
      ]);
      process.stdout.write(`${label}: ${seconds.toFixed(2)} s, baseline ${base.seconds.toFixed(2)} s\n`);
    };

    const day1 = BENCH_AS_OF;
    const base1 = await baseline(copy.url, day1, null);
    const full = await runEngine(store.db, { asOf: day1, kind: 'full', concurrency: 2 });
    report(`full cycle ${day1} (opens every case)`, full, base1, '< 60 s');

    const day2 = addDays(day1, 1);
    const base2 = await baseline(copy.url, day2, null);
    const next = await runEngine(store.db, { asOf: day2, kind: 'full', concurrency: 2 });
    report(`full cycle ${day2} (next day)`, next, base2, '< 60 s');

    // 1,000 payments, each settling one open overdue invoice of a different customer, in one statement
    // (the ledger triggers mark the customers for the incremental cycle).
    const pick = await sql<{
      id: number;
      entity_id: number;
      customer_id: number;
      currency: string;
      open_amount: number;
    }>`
      select distinct on (customer_id) id, entity_id, customer_id, currency, open_amount
      from invoice where allocated_amount < amount and due_date < ${day2}::date and not disputed
      order by customer_id, due_date limit ${PAYMENTS}`.execute(store.db);
    await sql`
      with r as (
        select * from jsonb_to_recordset(${JSON.stringify(pick.rows)}::jsonb) as r(id bigint, entity_id bigint,
          customer_id bigint, currency text, open_amount bigint)
      ), p as (
        insert into payment (entity_id, customer_id, reference, received_date, currency, amount)
        select entity_id, customer_id, 'BENCH-' || id, ${day2}::date, currency, open_amount from r
        returning id, reference)
      insert into allocation (invoice_id, payment_id, amount, effective_on, method)
      select r.id, p.id, r.open_amount, ${day2}::date, 'reference' from r join p on p.reference = 'BENCH-' || r.id`.execute(
      store.db,
    );
    const customers = [...new Set(pick.rows.map((r) => r.customer_id))];
    const base3 = await baseline(copy.url, day2, customers);
    const incremental = await runEngine(store.db, { asOf: day2, kind: 'incremental', concurrency: 2 });
    report(`incremental after ${customers.length} payments`, incremental, base3, '< 2 s');
  } finally {
    await closeStore(store);
    // Let the pool's sockets close before the forced drop, which would otherwise kill them mid-close.
    await new Promise((done) => setTimeout(done, 1000));
    await admin(`drop database if exists ${copy.name} with (force)`).catch((error) =>
      process.stderr.write(`could not drop ${copy.name}: ${(error as Error).message}\n`),
    );
  }
  const markdown = [
    '## engine — collections engine cycles',
    '',
    describeMachine(machine),
    '',
    `Demo data set ${SIZE.invoices.toLocaleString('en')} invoices / ${SIZE.customers.toLocaleString('en')} customers on PostgreSQL, as of ${BENCH_AS_OF}; the four shipped strategies active. Baseline: one set-based SQL statement computing the due time-based steps of the same cases (bench/engine.bench.ts).`,
    '',
    table(
      [
        'cycle',
        'time',
        'goal',
        'cases evaluated',
        'steps fired',
        'messages / tasks',
        'SQL baseline',
        'ratio',
      ],
      rows,
    ),
  ].join('\n');
  writeSection('engine', markdown);
  process.stdout.write(`${markdown}\n`);
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
