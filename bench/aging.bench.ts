// Aging and dashboard latency through the real HTTP API at 1,000,000 invoices (PostgreSQL) and 100,000
// (PGlite), against the best hand-written SQL for the same answer, timed in the same loop. Goals: aging as
// of "today" (the demo's as-of date) and as of a past date within 1.2× of the best SQL; dashboard < 300 ms.
import { migrate } from '../src/platform/db/migrate';
import { openStore, type Store } from '../src/platform/db/store';
import { addDays } from '../src/shared/dates';
import { BENCH_AS_OF, loadBenchDemo } from './lib/demo-data';
import { demoDatabase } from './lib/demo-db';
import { type BenchServer, startBenchServer } from './lib/http';
import { describeMachine, machineInfo } from './lib/machine';
import { isMain, table, writeSection } from './lib/results';
import { BENCH_ADMIN_URL, closeStore, serverVersion } from './lib/scratch-db';
import { ms, type Percentiles, percentiles } from './lib/timing';

const REPS = Number(process.env.BENCH_AGING_REPS ?? 30);
const WARMUP = 3;
const PG_SIZE = {
  customers: Number(process.env.BENCH_AGING_CUSTOMERS ?? 100_000),
  invoices: Number(process.env.BENCH_AGING_INVOICES ?? 1_000_000),
};
const PGLITE_SIZE = {
  customers: 10_000,
  invoices: Number(process.env.BENCH_AGING_PGLITE_INVOICES ?? 100_000),
};
const PAGE = 100;
const PAST = addDays(BENCH_AS_OF, -181); // 2024-12-31

type Query = (text: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

// The default overdue buckets (not due, 1–30, 31–60, 61–90, 91–180, 181–365, >365) as SQL.
const BUCKET = `case when d <= 0 then 0 when d <= 30 then 1 when d <= 60 then 2 when d <= 90 then 3
  when d <= 180 then 4 when d <= 365 then 5 else 6 end`;

/** Hand-written SQL, two ways; the faster one of each case is the baseline. */
const SQL = {
  // Start from the current open amounts and correct by the allocations dated after the date.
  correction: (by: 'none' | 'customer') => `
    with adj as (
      select invoice_id, sum(case when reversed_on is null then amount else -amount end) as back
      from allocation
      where (reversed_on is null and effective_on > $1::date) or (reversed_on > $1::date and effective_on <= $1::date)
      group by invoice_id),
    o as (
      select i.customer_id, i.currency, $1::date - i.due_date as d, i.open_amount + coalesce(adj.back, 0) as open
      from invoice i left join adj on adj.invoice_id = i.id
      where i.allocated_amount < i.amount and i.issue_date <= $1::date
      union all
      select i.customer_id, i.currency, $1::date - i.due_date, i.open_amount + adj.back
      from adj join invoice i on i.id = adj.invoice_id
      where i.allocated_amount >= i.amount and i.issue_date <= $1::date)
    select ${by === 'customer' ? 'customer_id::text' : "''"} as key, currency::text as currency, ${BUCKET} as bucket,
           sum(open)::bigint as amount, count(*)::int as count
    from o where open > 0 group by 1, 2, 3`,
  // Every invoice issued by the date minus its allocations active on the date.
  direct: (by: 'none' | 'customer') => `
    with paid as (
      select invoice_id, sum(amount) as paid from allocation
      where effective_on <= $1::date and (reversed_on is null or reversed_on > $1::date) group by invoice_id),
    o as (
      select i.customer_id, i.currency, $1::date - i.due_date as d, i.amount - coalesce(paid.paid, 0) as open
      from invoice i left join paid on paid.invoice_id = i.id where i.issue_date <= $1::date)
    select ${by === 'customer' ? 'customer_id::text' : "''"} as key, currency::text as currency, ${BUCKET} as bucket,
           sum(open)::bigint as amount, count(*)::int as count
    from o where open > 0 group by 1, 2, 3`,
};

interface CaseResult {
  name: string;
  api: Percentiles;
  sql: Percentiles | null;
  sqlName: string;
  same: boolean | null;
  groups: number;
}

interface CurrencyCells {
  currency: string;
  amounts: number[];
  counts: number[];
}

interface AgingBody {
  reportCurrency: string;
  totals: { byCurrency: CurrencyCells[] };
  groups: { key: string; amounts: number[]; counts: number[]; byCurrency?: CurrencyCells[] }[];
}

/** The API answer as sorted "key currency bucket amount count" lines, to compare with the SQL rows. */
function apiCells(body: AgingBody, by: 'none' | 'customer'): string[] {
  const rows =
    by === 'none'
      ? [{ key: '', byCurrency: body.totals.byCurrency }]
      : body.groups.map((g) => ({
          key: g.key,
          // A group with only the reporting currency has no byCurrency: its figures are in that currency.
          byCurrency: g.byCurrency ?? [
            { currency: body.reportCurrency, amounts: g.amounts, counts: g.counts },
          ],
        }));
  return rows
    .flatMap((g) =>
      g.byCurrency.flatMap((c) =>
        c.counts.flatMap((n, k) => (n ? [`${g.key} ${c.currency} ${k} ${c.amounts[k]} ${n}`] : [])),
      ),
    )
    .sort();
}

async function timeBoth(
  server: BenchServer,
  path: string,
  query: Query | null,
  text: string,
  params: unknown[],
) {
  const apiTimes: number[] = [];
  const sqlTimes: number[] = [];
  for (let k = 0; k < WARMUP + REPS; k++) {
    const a = await server.get(path);
    if (a.status !== 200)
      throw new Error(`${path}: HTTP ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);
    let sqlMs = 0;
    if (query) {
      const start = performance.now();
      await query(text, params);
      sqlMs = performance.now() - start;
    }
    if (k >= WARMUP) {
      apiTimes.push(a.ms);
      sqlTimes.push(sqlMs);
    }
  }
  return { api: percentiles(apiTimes), sql: query ? percentiles(sqlTimes) : null };
}

async function agingCase(
  server: BenchServer,
  query: Query,
  name: string,
  asOf: string,
  by: 'none' | 'customer',
  limit?: number,
) {
  // With a limit: the first page of groups (largest first); the SQL still gives every cell, of which the
  // page's groups are compared.
  const path = `/api/reports/aging?asOf=${asOf}&by=${by}${limit ? `&limit=${limit}` : ''}`;
  // Pick the faster hand-written query for this case, then time it against the API in one loop.
  let best = { name: '', text: '', ms: Number.POSITIVE_INFINITY };
  for (const [sqlName, make] of Object.entries(SQL)) {
    const text = make(by);
    await query(text, [asOf]);
    const start = performance.now();
    for (let k = 0; k < 3; k++) await query(text, [asOf]);
    const took = (performance.now() - start) / 3;
    if (took < best.ms) best = { name: sqlName, text, ms: took };
  }
  const answer = await server.get(path);
  const pageKeys = limit ? new Set((answer.body as AgingBody).groups.map((g) => g.key)) : null;
  const sqlRows = (await query(best.text, [asOf]))
    .filter((r) => !pageKeys || pageKeys.has(String(r.key)))
    .map((r) => `${r.key} ${r.currency} ${r.bucket} ${r.amount} ${r.count}`)
    .sort();
  const api = apiCells(answer.body as AgingBody, by);
  const times = await timeBoth(server, path, query, best.text, [asOf]);
  const result: CaseResult = {
    name,
    ...times,
    sqlName: best.name,
    same: api.join('\n') === sqlRows.join('\n'),
    groups: by === 'none' ? 1 : (answer.body as AgingBody).groups.length,
  };
  process.stderr.write(
    `  ${name}: API p50 ${ms(result.api.p50)} ms; best SQL (${best.name}) p50 ${ms(result.sql!.p50)} ms; ratio ${(result.api.p50 / result.sql!.p50).toFixed(2)}${result.same ? '' : ' (ANSWERS DIFFER)'}\n`,
  );
  return result;
}

async function runStore(store: Store, query: Query): Promise<CaseResult[]> {
  const server = await startBenchServer(store);
  try {
    const results = [
      await agingCase(server, query, `aging as of ${BENCH_AS_OF} ("today"), totals`, BENCH_AS_OF, 'none'),
      await agingCase(
        server,
        query,
        `aging as of ${BENCH_AS_OF} ("today"), by customer`,
        BENCH_AS_OF,
        'customer',
      ),
      await agingCase(
        server,
        query,
        `aging as of ${BENCH_AS_OF} ("today"), by customer, first page of ${PAGE} (limit)`,
        BENCH_AS_OF,
        'customer',
        PAGE,
      ),
      await agingCase(server, query, `aging as of ${PAST} (past), totals`, PAST, 'none'),
      await agingCase(server, query, `aging as of ${PAST} (past), by customer`, PAST, 'customer'),
    ];
    const dash = await timeBoth(server, '/api/reports/dashboard', null, '', []);
    results.push({
      name: 'dashboard (today + 24-month trends)',
      ...dash,
      sqlName: '',
      same: null,
      groups: 0,
    });
    process.stderr.write(`  dashboard: p50 ${ms(dash.api.p50)} ms p95 ${ms(dash.api.p95)} ms\n`);
    // What the trends would cost without the summary: the 24 month-ends by scanning the ledger.
    const monthEnds = Array.from({ length: 24 }, (_, k) => {
      const d = new Date(Date.UTC(2026, 10 - k, 0));
      return d.toISOString().slice(0, 10);
    });
    const scanText = `
      with d as (select unnest($1::date[]) as as_of),
      x as (select d.as_of, i.currency, i.amount - coalesce(sum(a.amount) filter (
              where a.effective_on <= d.as_of and (a.reversed_on is null or a.reversed_on > d.as_of)), 0) as open
            from d join invoice i on i.issue_date <= d.as_of left join allocation a on a.invoice_id = i.id
            group by d.as_of, i.id)
      select as_of, currency, sum(open) from x where open <> 0 group by 1, 2`;
    const start = performance.now();
    const scanned = await query(scanText, [monthEnds]);
    const scanMs = performance.now() - start;
    // The same 24 month-end totals from the trigger-maintained summary must be equal.
    const summed = await query(
      `select m.as_of, d.currency, sum(d.amount) as sum from unnest($1::date[]) as m(as_of)
       join analytics_ar_delta d on d.on_date <= m.as_of and d.basis = 'd' and d.bucket >= 0
       group by 1, 2 having sum(d.amount) <> 0`,
      [monthEnds],
    );
    const lines = (rows: Array<Record<string, unknown>>) =>
      rows
        .map((r) => `${String(r.as_of)} ${r.currency} ${r.sum}`)
        .sort()
        .join('\n');
    const same = lines(scanned) === lines(summed);
    process.stderr.write(`  24 month-ends by scanning: ${ms(scanMs)} ms; summary equal: ${same}\n`);
    results.push({
      name: '24 month-end AR totals by scanning the ledger (what the summary saves), 1 run; compared with the summary',
      api: percentiles([scanMs]),
      sql: null,
      sqlName: '',
      same,
      groups: 0,
    });
    return results;
  } finally {
    await server.close();
  }
}

function resultTable(results: CaseResult[]): string {
  return table(
    [
      'request',
      'groups',
      'API p50 ms',
      'API p95 ms',
      'best SQL',
      'SQL p50 ms',
      'SQL p95 ms',
      'p50 ratio',
      'goal',
      'same answer',
    ],
    results.map((r) => {
      const ratio = r.sql ? r.api.p50 / r.sql.p50 : null;
      const goal = r.name.startsWith('dashboard')
        ? r.api.p50 < 300
          ? 'yes (< 300 ms)'
          : '**no** (< 300 ms)'
        : ratio === null
          ? ''
          : ratio <= 1.2
            ? 'yes (≤ 1.2×)'
            : '**no** (≤ 1.2×)';
      return [
        r.name,
        r.groups || '',
        ms(r.api.p50),
        ms(r.api.p95),
        r.sqlName,
        r.sql ? ms(r.sql.p50) : '',
        r.sql ? ms(r.sql.p95) : '',
        ratio === null ? '' : `${ratio.toFixed(2)}×`,
        goal,
        r.same === null ? '' : r.same ? 'yes' : '**no**',
      ];
    }),
  );
}

export async function runAgingBench(): Promise<void> {
  const pgMod = await import('pg');
  // BENCH_AGING_DATABASE_URL: a database already holding the demo at this size (loading takes long).
  const { url, name, loadedNow } = process.env.BENCH_AGING_DATABASE_URL
    ? { url: process.env.BENCH_AGING_DATABASE_URL, name: 'BENCH_AGING_DATABASE_URL', loadedNow: false }
    : await demoDatabase(PG_SIZE);
  const machine = machineInfo(await serverVersion());
  process.stderr.write(`PostgreSQL: ${name}${loadedNow ? ' (loaded now)' : ' (kept from an earlier run)'}\n`);
  const store = await openStore({ databaseUrl: url, maxConnections: 8 });
  const client = new pgMod.default.Client({ connectionString: url });
  await client.connect();
  let pgResults: CaseResult[];
  try {
    // What the server's periodic compaction does (src/analytics/compaction.ts), then fresh statistics.
    await client.query('select analytics_compact_ar_delta()');
    await client.query('vacuum analyze invoice, allocation, analytics_ar_delta, analytics_customer_open');
    pgResults = await runStore(
      store,
      async (text, params) => (await client.query(text, params as unknown[])).rows,
    );
  } finally {
    await client.end();
    await closeStore(store);
  }
  process.stderr.write(
    `PGlite: loading ${PGLITE_SIZE.invoices} invoices / ${PGLITE_SIZE.customers} customers…\n`,
  );
  // BENCH_AGING_PGLITE_INVOICES=0: PostgreSQL only.
  const skipLite = PGLITE_SIZE.invoices === 0;
  const lite = await openStore({ inMemory: true });
  let liteResults: CaseResult[] = [];
  try {
    if (!skipLite) {
      await migrate(lite);
      await loadBenchDemo(lite, PGLITE_SIZE, 'pglite ');
      await lite.withConnection(({ raw }) =>
        raw.exec('vacuum analyze invoice, allocation, analytics_ar_delta'),
      );
      liteResults = await runStore(lite, (text, params) =>
        lite.withConnection(
          async ({ raw }) => (await raw.query(text, params)).rows as Array<Record<string, unknown>>,
        ),
      );
    }
  } finally {
    await lite.close();
  }
  // A run at another size than the full one keeps the full size's section and writes one of its own.
  const section = PG_SIZE.invoices === 1_000_000 ? 'aging' : `aging-${PG_SIZE.invoices}`;
  const text = `## ${section} — aging report and dashboard through the HTTP API

${describeMachine(machine)}

Through real HTTP (Fastify on port 0, fetch with keep-alive, an administrator's read token), ${REPS} measured
requests per row after ${WARMUP} warm-up ones. Baseline: the faster of two hand-written SQL statements giving
the same cells (open amount and count per customer, currency and overdue bucket): "correction" starts from
the invoices' current open amounts and corrects by the allocations dated after the date; "direct" subtracts
from every invoice issued by then its allocations active on the date. Each API request is followed by the SQL
in the same loop. "Same answer" compares every cell of both (for the page, the cells of its groups:
the SQL still gives every group, as the database must aggregate them all to know the largest). "Today" is the demo's as-of date ${BENCH_AS_OF};
the dashboard runs as of the real today (its trends come from the trigger-maintained month-end summary).

### PostgreSQL, ${PG_SIZE.invoices.toLocaleString('en')} invoices / ${PG_SIZE.customers.toLocaleString('en')} customers (demo data, ${BENCH_ADMIN_URL.replace(/\/[^/]*$/, '/…')})

${resultTable(pgResults)}

${
  skipLite
    ? ''
    : `### PGlite (in memory), ${PGLITE_SIZE.invoices.toLocaleString('en')} invoices / ${PGLITE_SIZE.customers.toLocaleString('en')} customers

${resultTable(liteResults)}
`
}`;
  writeSection(section, text);
  process.stdout.write(`${text}\n`);
}

if (isMain(import.meta.url)) await runAgingBench();
