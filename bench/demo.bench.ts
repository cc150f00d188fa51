// Demo data generation: `huikuan demo` at 1,000,000 invoices / 100,000 customers on PostgreSQL (and the
// default 12,000 / 300 of `npm start` plus a larger size on PGlite), against a raw-SQL baseline: COPY of
// the very same generated rows into bare copies of the tables (no indexes, constraints or triggers).
import { COLUMNS, GenContext, TABLES } from '../src/demo/context';
import { generateDemo } from '../src/demo/generate';
import type { DemoSummary } from '../src/demo/load-demo';
import { migrate } from '../src/platform/db/migrate';
import { inPinnedTransaction, openStore, type Store } from '../src/platform/db/store';
import { backendCpu, cpuBetween, ownCpuSeconds } from './lib/cpu';
import { BENCH_AS_OF, loadBenchDemo } from './lib/demo-data';
import { keepAsDemoDatabase } from './lib/demo-db';
import { describeMachine, machineInfo } from './lib/machine';
import { isMain, table, writeSection } from './lib/results';
import { BENCH_ADMIN_URL, closeStore, createScratchDb, openMigrated } from './lib/scratch-db';
import { secs, timed } from './lib/timing';

const PG_SIZE = {
  customers: Number(process.env.BENCH_DEMO_CUSTOMERS ?? 100_000),
  invoices: Number(process.env.BENCH_DEMO_INVOICES ?? 1_000_000),
};
const PGLITE_SIZES = [
  { customers: 300, invoices: 12_000 },
  { customers: 5_000, invoices: Number(process.env.BENCH_DEMO_PGLITE_INVOICES ?? 100_000) },
];

/** Generates the same rows again and COPYs them into bare tables: the floor for loading this data. */
async function bareCopy(store: Store, size: { customers: number; invoices: number }): Promise<number> {
  const { seconds } = await timed(() =>
    inPinnedTransaction(store, async ({ raw }) => {
      for (const t of TABLES) await raw.exec(`create table bare_${t} (like ${t} including defaults)`);
      const ctx = new GenContext(
        { ...size, seed: 2024, asOf: BENCH_AS_OF, months: 24 },
        { domestic: { id: 1, code: 'CN01' }, export: { id: 2, code: 'HK01' } },
        { salespeople: [1, 2, 3], collectors: [4, 5] },
        Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<(typeof TABLES)[number], number>,
      );
      for (const batch of generateDemo(ctx)) {
        for (const t of TABLES) {
          if (batch.rows[t].length)
            await raw.copyFrom(`copy bare_${t} (${COLUMNS[t]}) from stdin`, [batch.rows[t].join('')]);
        }
      }
      for (const t of TABLES) await raw.exec(`drop table bare_${t}`);
    }),
  );
  return seconds;
}

/** Generation alone (no database), to split CPU time in Node from time in the database. */
function generateOnly(size: { customers: number; invoices: number }): number {
  const start = performance.now();
  const ctx = new GenContext(
    { ...size, seed: 2024, asOf: BENCH_AS_OF, months: 24 },
    { domestic: { id: 1, code: 'CN01' }, export: { id: 2, code: 'HK01' } },
    { salespeople: [1, 2, 3], collectors: [4, 5] },
    Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<(typeof TABLES)[number], number>,
  );
  for (const batch of generateDemo(ctx)) void batch;
  return (performance.now() - start) / 1000;
}

interface Figure {
  store: string;
  size: { customers: number; invoices: number };
  summary: DemoSummary;
  baseline: number;
  generate: number;
  /** CPU seconds of the load: Node (generation, and PGlite itself) and the PostgreSQL backends. */
  cpu: { node: number; db: number };
}

function row(f: Figure): Array<string | number> {
  const r = f.summary.rows;
  const all = Object.values(r).reduce((a, b) => a + b, 0);
  return [
    f.store,
    `${f.size.customers.toLocaleString('en')} / ${f.size.invoices.toLocaleString('en')}`,
    all.toLocaleString('en'),
    secs(f.summary.seconds),
    f.store === 'PGlite' ? `${secs(f.cpu.node)} (in process)` : `${secs(f.cpu.node)} + ${secs(f.cpu.db)}`,
    Math.round(r.invoice / f.summary.seconds).toLocaleString('en'),
    secs(f.generate),
    secs(f.baseline),
    `${(f.summary.seconds / f.baseline).toFixed(1)}×`,
  ];
}

export async function runDemoBench(): Promise<void> {
  const figures: Figure[] = [];
  const scratch = await createScratchDb('demo');
  const machine = machineInfo(scratch.version);
  let keep = false;
  try {
    const store = await openMigrated(scratch.url);
    try {
      process.stderr.write(
        `PostgreSQL: loading ${PG_SIZE.invoices} invoices / ${PG_SIZE.customers} customers…\n`,
      );
      const cpuBefore = await backendCpu(BENCH_ADMIN_URL, scratch.name);
      const ownBefore = ownCpuSeconds();
      const summary = await loadBenchDemo(store, PG_SIZE, 'postgres ');
      const cpu = {
        node: ownCpuSeconds() - ownBefore,
        db: cpuBetween(cpuBefore, await backendCpu(BENCH_ADMIN_URL, scratch.name)),
      };
      process.stderr.write(`  loaded in ${secs(summary.seconds)} s; baseline bare COPY…\n`);
      const baseline = await bareCopy(store, PG_SIZE);
      figures.push({
        store: 'PostgreSQL',
        size: PG_SIZE,
        summary,
        baseline,
        generate: generateOnly(PG_SIZE),
        cpu,
      });
      keep = true;
    } finally {
      await closeStore(store);
    }
  } finally {
    // The loaded database becomes the one the list benchmark reads, rather than loading it again.
    if (keep) await keepAsDemoDatabase(scratch.name, PG_SIZE);
    else await scratch.drop();
  }
  for (const size of PGLITE_SIZES) {
    const store = await openStore({ inMemory: true });
    try {
      await migrate(store);
      process.stderr.write(
        `PGlite (in memory): loading ${size.invoices} invoices / ${size.customers} customers…\n`,
      );
      const ownBefore = ownCpuSeconds();
      const summary = await loadBenchDemo(store, size, 'pglite ');
      const cpu = { node: ownCpuSeconds() - ownBefore, db: 0 }; // PGlite runs inside this process
      const baseline = await bareCopy(store, size);
      figures.push({ store: 'PGlite', size, summary, baseline, generate: generateOnly(size), cpu });
    } finally {
      await store.close();
    }
  }
  const rowsTable = table(
    [
      'store',
      'customers / invoices',
      'rows loaded',
      'total s',
      'CPU s node + db',
      'invoices/s',
      'generation only s',
      'baseline s',
      'ratio',
    ],
    figures.map(row),
  );
  const big = figures[0].summary.rows;
  const text = `## demo — \`huikuan demo\` data generation

${describeMachine(machine)}

${rowsTable}

- total: \`loadDemo\` end to end (generate, COPY into the real tables in one transaction with every index,
  constraint and trigger of the schema — allocation maintenance, audit summaries, analytics deltas —,
  reset sequences, ANALYZE). Seed 2024, as of ${BENCH_AS_OF}, 24 months.
- CPU s: CPU time of the load in Node (generation, COPY streaming; for PGlite also the database) and in
  the PostgreSQL backends (from /proc): unlike wall time, not inflated by other work on a shared machine.
- baseline: COPY of the same generated rows into bare copies of the tables (\`create table … (like … including defaults)\`:
  no index, key, check or trigger), in the same run; generation only: the Node side alone, no database.
- rows at the PostgreSQL size: ${Object.entries(big)
    .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
    .join(', ')}.
`;
  writeSection('demo', text);
  process.stdout.write(`${text}\n`);
}

if (isMain(import.meta.url)) await runDemoBench();
