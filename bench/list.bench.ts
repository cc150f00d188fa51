// List and search latency through the real HTTP API at 1,000,000 invoices / 100,000 customers on
// PostgreSQL (and a smaller size on PGlite), against the raw SQL that gives the same answer. Goal: p99 < 50 ms.
import { migrate } from '../src/platform/db/migrate';
import { openStore, type Store } from '../src/platform/db/store';
import { todayIn } from '../src/shared/dates';
import { loadBenchDemo } from './lib/demo-data';
import { demoDatabase } from './lib/demo-db';
import { type BenchServer, startBenchServer } from './lib/http';
import { describeMachine, machineInfo } from './lib/machine';
import { isMain, table, writeSection } from './lib/results';
import { BENCH_ADMIN_URL, closeStore, serverVersion } from './lib/scratch-db';
import { ms, type Percentiles, percentiles } from './lib/timing';
import { LIST_CASES, type ListCase, type ListContext } from './list-cases';

const REPS = Number(process.env.BENCH_LIST_REPS ?? 200);
const WARMUP = 10;
const PG_SIZE = {
  customers: Number(process.env.BENCH_LIST_CUSTOMERS ?? 100_000),
  invoices: Number(process.env.BENCH_LIST_INVOICES ?? 1_000_000),
};
const PGLITE_SIZE = {
  customers: Number(process.env.BENCH_LIST_PGLITE_CUSTOMERS ?? 10_000),
  invoices: Number(process.env.BENCH_LIST_PGLITE_INVOICES ?? 100_000),
};

type Query = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

async function listContext(query: Query): Promise<ListContext> {
  const one = async (text: string, params: unknown[] = []) => (await query(text, params))[0];
  const n = Number((await one('select count(*) as n from customer')).n);
  const m = Number((await one('select count(*) as n from invoice')).n);
  const c = await one('select code, id from customer order by code, id offset $1 limit 1', [
    Math.floor(n * 0.9),
  ]);
  const i = await one(
    `select to_char(due_date, 'YYYY-MM-DD') as d, id from invoice order by due_date, id offset $1 limit 1`,
    [Math.floor(m * 0.9)],
  );
  const big = await one('select customer_id from invoice group by 1 order by count(*) desc, 1 limit 1');
  // A rare substring: the city and 字号 of one customer in the middle (e.g. 苏州恒达).
  const mid = await one(`select name from customer where country = 'CN' order by id offset $1 limit 1`, [
    Math.floor(n / 2),
  ]);
  return {
    today: todayIn(process.env.HUIKUAN_TIME_ZONE ?? 'Asia/Shanghai'),
    customersDeep: { cursorValue: String(c.code), id: Number(c.id) },
    invoicesDeep: { cursorValue: String(i.d), id: Number(i.id) },
    bigCustomerId: Number(big.customer_id),
    chineseCommon: '五金',
    chineseRare: String(mid.name).slice(0, 4),
    codePrefix: `C${String(Math.floor(n / 2))
      .padStart(6, '0')
      .slice(0, 4)}`,
  };
}

/** A cursor for the deep position, in the shape of the API's own cursor ([..., value, id], base64url). */
function deepCursor(sample: string, position: { cursorValue: string; id: number }): string {
  const values = JSON.parse(Buffer.from(sample, 'base64url').toString('utf8')) as unknown[];
  values[values.length - 2] = position.cursorValue;
  values[values.length - 1] = position.id;
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

interface CaseResult {
  name: string;
  api: Percentiles;
  sql: Percentiles;
  rows: number;
  same: boolean;
}

async function runCase(
  server: BenchServer,
  query: Query,
  ctx: ListContext,
  c: ListCase,
): Promise<CaseResult> {
  let path = c.path(ctx);
  if (c.deep) {
    const first = await server.get(path);
    const cursor = (first.body as { nextCursor: string | null }).nextCursor;
    if (!cursor) throw new Error(`${c.name}: page 1 has no nextCursor`);
    path += `&cursor=${deepCursor(cursor, c.deep === 'customers' ? ctx.customersDeep : ctx.invoicesDeep)}`;
  }
  const { text, params } = c.sql(ctx);
  const answer = await server.get(path);
  if (answer.status !== 200)
    throw new Error(`${c.name}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  const apiIds = (answer.body as { items: Array<{ id: number }> }).items.map((item) => String(item.id));
  const sqlIds = (await query(text, params)).map((row) => String(row.id));
  const apiTimes: number[] = [];
  const sqlTimes: number[] = [];
  for (let k = 0; k < WARMUP + REPS; k++) {
    const a = await server.get(path);
    if (a.status !== 200) throw new Error(`${c.name}: HTTP ${a.status}`);
    const start = performance.now();
    await query(text, params);
    const sqlMs = performance.now() - start;
    if (k >= WARMUP) {
      apiTimes.push(a.ms);
      sqlTimes.push(sqlMs);
    }
  }
  const result = {
    name: c.name,
    api: percentiles(apiTimes),
    sql: percentiles(sqlTimes),
    rows: apiIds.length,
    same: apiIds.join() === sqlIds.join(),
  };
  process.stderr.write(
    `  ${c.name}: API p50 ${ms(result.api.p50)} p99 ${ms(result.api.p99)} ms; SQL p50 ${ms(result.sql.p50)} p99 ${ms(result.sql.p99)} ms${result.same ? '' : ' (ANSWERS DIFFER)'}\n`,
  );
  return result;
}

async function runStore(store: Store, query: Query): Promise<CaseResult[]> {
  const ctx = await listContext(query);
  const server = await startBenchServer(store);
  try {
    const results: CaseResult[] = [];
    for (const c of LIST_CASES) results.push(await runCase(server, query, ctx, c));
    return results;
  } finally {
    await server.close();
  }
}

function resultTable(results: CaseResult[]): string {
  return table(
    [
      'request',
      'rows',
      'API p50 ms',
      'API p95 ms',
      'API p99 ms',
      'SQL p50 ms',
      'SQL p99 ms',
      'p50 ratio',
      'p99 < 50 ms',
      'same answer',
    ],
    results.map((r) => [
      r.name,
      r.rows,
      ms(r.api.p50),
      ms(r.api.p95),
      ms(r.api.p99),
      ms(r.sql.p50),
      ms(r.sql.p99),
      `${(r.api.p50 / r.sql.p50).toFixed(1)}×`,
      r.api.p99 < 50 ? 'yes' : '**no**',
      r.same ? 'yes' : '**no**',
    ]),
  );
}

export async function runListBench(): Promise<void> {
  const pgMod = await import('pg');
  // BENCH_LIST_DATABASE_URL: a worked database holding the demo at PG_SIZE (e.g. after an engine cycle);
  // it is vacuumed and analysed first, as a database in use is, which is when plans change.
  const given = process.env.BENCH_LIST_DATABASE_URL;
  const { url, name, loadedNow } = given
    ? { url: given, name: 'BENCH_LIST_DATABASE_URL', loadedNow: false }
    : await demoDatabase(PG_SIZE);
  const version = await serverVersion();
  const machine = machineInfo(version);
  process.stderr.write(`PostgreSQL: ${name}${loadedNow ? ' (loaded now)' : ' (kept from an earlier run)'}\n`);
  const store = await openStore({ databaseUrl: url, maxConnections: 8 });
  const client = new pgMod.default.Client({ connectionString: url });
  await client.connect();
  let pgResults: CaseResult[];
  try {
    if (given) await client.query('vacuum analyze');
    pgResults = await runStore(
      store,
      async (text, params) => (await client.query(text, params as unknown[])).rows,
    );
  } finally {
    await client.end();
    await closeStore(store);
  }
  // BENCH_LIST_PGLITE_INVOICES=0: PostgreSQL only.
  const skipLite = PGLITE_SIZE.invoices === 0;
  process.stderr.write(
    `PGlite (in memory): loading ${PGLITE_SIZE.invoices} invoices / ${PGLITE_SIZE.customers} customers…\n`,
  );
  const lite = await openStore({ inMemory: true });
  let liteResults: CaseResult[] = [];
  try {
    if (!skipLite) await migrate(lite);
    if (!skipLite) await loadBenchDemo(lite, PGLITE_SIZE, 'pglite ');
    if (!skipLite)
      liteResults = await runStore(lite, (text, params) =>
        lite.withConnection(
          async ({ raw }) => (await raw.query(text, params)).rows as Array<Record<string, unknown>>,
        ),
      );
  } finally {
    await lite.close();
  }
  const text = `## ${process.env.BENCH_LIST_SECTION ?? (given ? 'list-worked' : 'list')} — customer and invoice lists through the HTTP API

${describeMachine(machine)}

Through real HTTP (Fastify listening on port 0, fetch with keep-alive, an administrator's read token),
${REPS} measured requests per row after ${WARMUP} warm-up ones, one at a time. Baseline: the raw SQL that
returns the same page (same rows, balances and order) in one statement, timed in the same loop; "same
answer" compares the ids of both. Deep pages start from a keyset cursor at 90% of the list.

### PostgreSQL, ${PG_SIZE.invoices.toLocaleString('en')} invoices / ${PG_SIZE.customers.toLocaleString('en')} customers (demo data${given ? ', a worked database after VACUUM ANALYZE' : ''}, database ${BENCH_ADMIN_URL.replace(/\/[^/]*$/, '/…')})

${resultTable(pgResults)}
${
  skipLite
    ? ''
    : `
### PGlite (in memory), ${PGLITE_SIZE.invoices.toLocaleString('en')} invoices / ${PGLITE_SIZE.customers.toLocaleString('en')} customers

${resultTable(liteResults)}
`
}`;
  writeSection(process.env.BENCH_LIST_SECTION ?? (given ? 'list-worked' : 'list'), text);
  process.stdout.write(`${text}\n`);
}

if (isMain(import.meta.url)) await runListBench();
