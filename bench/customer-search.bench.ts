// The customer search by code prefix on a worked database after VACUUM ANALYZE, where the one-statement
// search (code prefix OR name OR tax id) used to walk the code index from the first customer. For prefixes
// at 10%, 50% and 90% of the codes: the statement the API sends (recorded from listCustomers) and, as the
// baseline, the hand-written one-statement SQL of the same page (bench/list-cases.ts, the form the API used
// before migration 0025), each run under EXPLAIN (ANALYZE, BUFFERS): the server's execution time, and the
// customer rows and buffers it read, which other work on a shared machine does not change.
// BENCH_SEARCH_DATABASE_URL: a worked database (e.g. kept by the worklist bench), else the kept demo at
// BENCH_SEARCH_CUSTOMERS / BENCH_SEARCH_INVOICES (full size 100,000 / 1,000,000).
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { listCustomers } from '../src/ledger/customers/list-customers';
import { SYSTEM_ACTOR } from '../src/platform/auth/actor';
import { openStore } from '../src/platform/db/store';
import { type PlanNode, planNodes, recordedStatements } from '../test/support/plans';
import { demoDatabase } from './lib/demo-db';
import { describeMachine, machineInfo } from './lib/machine';
import { isMain, table, writeSection } from './lib/results';
import { closeStore, serverVersion } from './lib/scratch-db';
import { ms, percentiles } from './lib/timing';

const SIZE = {
  customers: Number(process.env.BENCH_SEARCH_CUSTOMERS ?? 100_000),
  invoices: Number(process.env.BENCH_SEARCH_INVOICES ?? 1_000_000),
};
const REPS = Number(process.env.BENCH_SEARCH_REPS ?? 20);
const TODAY = '2025-06-30';

const HAND_SQL = `select c.id, c.code from customer c
  where (upper(c.code) like upper($1) || '%' or c.name ilike '%' || $1 || '%' or upper(c.tax_id) = upper($1))
  order by c.code, c.id limit 51`;

// The statement GET /api/customers?q= sent before migration 0025: the three search parts ORed (recorded then).
const BEFORE_SQL = `select customer.id, customer.code, customer.name, customer.tax_id as "taxId", customer.region,
  customer.country, customer.segment, customer.language, customer.time_zone as "timeZone",
  customer.payment_terms_days as "paymentTermsDays", customer.collector_id as "collectorId",
  collector.display_name as "collectorName", customer.salesperson_id as "salespersonId",
  salesperson.display_name as "salespersonName"
  from customer left join app_user as collector on collector.id = customer.collector_id
  left join app_user as salesperson on salesperson.id = customer.salesperson_id
  where true and true and (upper(customer.code) like $1 or customer.name ilike $2 or upper(customer.tax_id) = $3)
  order by customer.code asc, customer.id asc limit $4`;

interface Measure {
  ms: number;
  rows: number;
  buffers: number;
}

async function explain(client: pg.Client, text: string, params: unknown[]): Promise<Measure> {
  const { rows } = await client.query(`explain (analyze, buffers, format json) ${text}`, params);
  const json = rows[0]['QUERY PLAN'] as Array<{
    Plan: PlanNode & Record<string, number>;
    'Execution Time': number;
  }>;
  const nodes = planNodes(json[0].Plan) as Array<PlanNode & Record<string, number>>;
  const read = nodes
    .filter((n) => n['Relation Name'] === 'customer')
    .reduce(
      (sum, n) =>
        sum + (n['Actual Rows'] ?? 0) * (Number(n['Actual Loops']) || 1) + (n['Rows Removed by Filter'] ?? 0),
      0,
    );
  const root = json[0].Plan;
  return {
    ms: json[0]['Execution Time'],
    rows: read,
    buffers: (root['Shared Hit Blocks'] ?? 0) + (root['Shared Read Blocks'] ?? 0),
  };
}

export async function runCustomerSearchBench(): Promise<void> {
  const given = process.env.BENCH_SEARCH_DATABASE_URL;
  const url = given ?? (await demoDatabase(SIZE)).url;
  const machine = machineInfo(await serverVersion());
  const store = await openStore({ databaseUrl: url, maxConnections: 2 });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const rows: Array<Array<string | number>> = [];
  try {
    await client.query('vacuum analyze customer');
    const n = Number((await client.query('select count(*) as n from customer')).rows[0].n);
    for (const at of [0.1, 0.5, 0.9]) {
      const code = String(
        (
          await client.query('select code from customer order by code offset $1 limit 1', [
            Math.floor(n * at),
          ])
        ).rows[0].code,
      );
      const prefix = code.slice(0, Math.max(2, code.length - 2)); // e.g. C0050 of C005012: ~100 customers
      const statements = await recordedStatements(store.db, (db) =>
        listCustomers(db, SYSTEM_ACTOR, { q: prefix, limit: 50, today: TODAY }),
      );
      const api: CompiledQuery = statements[0];
      const beforeParams = [`${prefix}%`, `%${prefix}%`, prefix, 51];
      const apiRuns: Measure[] = [];
      const beforeRuns: Measure[] = [];
      const handRuns: Measure[] = [];
      for (let k = 0; k < REPS + 2; k++) {
        const a = await explain(client, api.sql, [...api.parameters]);
        const b = await explain(client, BEFORE_SQL, beforeParams);
        const h = await explain(client, HAND_SQL, [prefix]);
        if (k >= 2) {
          apiRuns.push(a);
          beforeRuns.push(b);
          handRuns.push(h);
        }
      }
      const b = percentiles(beforeRuns.map((r) => r.ms));
      const apiIds = (await client.query(api.sql, [...api.parameters])).rows.map((r) => r.id).join();
      const handIds = (await client.query(HAND_SQL, [prefix])).rows.map((r) => r.id).join();
      const a = percentiles(apiRuns.map((r) => r.ms));
      const h = percentiles(handRuns.map((r) => r.ms));
      rows.push([
        `${prefix} (${Math.round(at * 100)}% of the codes)`,
        ms(a.p50),
        ms(a.p99),
        apiRuns[0].rows,
        apiRuns[0].buffers,
        ms(b.p50),
        ms(b.p99),
        beforeRuns[0].rows,
        ms(h.p50),
        ms(h.p99),
        handRuns[0].rows,
        handRuns[0].buffers,
        `${(a.p50 / h.p50).toFixed(2)}×`,
        apiIds === handIds ? 'yes' : '**no**',
      ]);
      process.stderr.write(
        `  ${prefix}: API statement p50 ${ms(a.p50)} ms, before 0025 ${ms(b.p50)} ms, hand SQL p50 ${ms(h.p50)} ms\n`,
      );
    }
  } finally {
    await client.end();
    await closeStore(store);
  }
  const text = `## customer-search — code prefix search on a worked database after VACUUM ANALYZE

${describeMachine(machine)}

${given ? 'A worked database (BENCH_SEARCH_DATABASE_URL)' : `The demo at ${SIZE.invoices.toLocaleString('en')} invoices / ${SIZE.customers.toLocaleString('en')} customers`}, customer table vacuumed and analysed first. Each row: a code prefix
matching about 100 customers, at 10%, 50% and 90% of the code order. "API statement": the customer page
statement GET /api/customers?q= sends (recorded from listCustomers); "before 0025": the statement it sent before
migration 0025 (code prefix, name and tax id ORed, each part its own parameter); "hand SQL", the baseline:
one hand-written statement for the same page (ids only), code prefix ORed with name and tax id. Both under EXPLAIN
(ANALYZE, BUFFERS), ${REPS} runs each, alternating: server execution time, and the customer rows (returned or
filtered out) and shared buffers of one run, which other work on the shared machine does not change.

${table(
  [
    'prefix',
    'API stmt p50 ms',
    'API stmt p99 ms',
    'customer rows read',
    'buffers',
    'before 0025 p50 ms',
    'before 0025 p99 ms',
    'customer rows read',
    'hand SQL p50 ms',
    'hand SQL p99 ms',
    'customer rows read',
    'buffers',
    'p50 ratio',
    'same page',
  ],
  rows,
)}
`;
  writeSection('customer-search', text);
  process.stdout.write(`${text}\n`);
}

if (isMain(import.meta.url)) await runCustomerSearchBench();
