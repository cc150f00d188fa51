// Invoice import: `huikuan import invoices <file>` of a 1,000,000-row ERP export on PostgreSQL, run as a
// child process with its peak RSS sampled, against `psql \copy` of the same file into a bare table (the
// baseline). Goals: ≤ 3× the baseline, RSS < 512 MiB. Plus the same on PGlite at a smaller size.
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { migrate } from '../src/platform/db/migrate';
import { openStore } from '../src/platform/db/store';
import { generateInvoicesCsv } from './gen-invoices-csv';
import { describeMachine, machineInfo } from './lib/machine';
import { isMain, table, writeSection } from './lib/results';
import { type ChildRun, mib, runWithRss } from './lib/rss';
import { closeStore, createScratchDb, openMigrated } from './lib/scratch-db';
import { secs } from './lib/timing';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const PG_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const PGLITE_ROWS = Number(process.env.BENCH_IMPORT_PGLITE_ROWS ?? 200_000);
/** Another checkout (e.g. of an earlier commit, with node_modules): its import is timed in the same run. */
const BEFORE = process.env.BENCH_IMPORT_BEFORE;
const CUSTOMERS = Number(process.env.BENCH_IMPORT_CUSTOMERS ?? 100_000);
const BARE_TABLE = `create table bare_invoice_csv (customer_code text, customer_name text, number text,
  issue_date date, due_date date, amount text, currency text)`;

async function csvFile(rows: number, customers: number): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `invoices-${rows}-${customers}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${file}…\n`);
    await generateInvoicesCsv({ rows, customers, out: file });
  }
  return file;
}

/** The file's text in chunks that end at a line end, without its header line. */
async function* wholeLines(file: string): AsyncGenerator<string> {
  let rest = '';
  let header = true;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let text = rest + chunk;
    if (header) {
      text = text.slice(text.indexOf('\n') + 1);
      header = false;
    }
    const end = text.lastIndexOf('\n') + 1;
    rest = text.slice(end);
    if (end > 0) yield text.slice(0, end);
  }
  if (rest) yield rest;
}

/** `huikuan <args>` as a child process, on the store the environment names. */
function huikuan(args: string[], env: NodeJS.ProcessEnv, root = ROOT): Promise<ChildRun> {
  return runWithRss(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
}

function checkRun(what: string, run: ChildRun): void {
  if (run.code !== 0) {
    throw new Error(
      `${what} failed (exit ${run.code}):\n${run.stderr.slice(-2000)}\n${run.stdout.slice(-2000)}`,
    );
  }
}

interface Row {
  store: string;
  rows: number;
  what: string;
  seconds: number;
  rss: number | null;
  baseline: number;
  /** The CLI's start-up (node, tsx, opening the store) measured in the same run, for the import rows. */
  startup?: number;
}

async function postgresFigures(file: string): Promise<{ rows: Row[]; version: string }> {
  const bare = await createScratchDb('import_bare');
  const scratch = await createScratchDb('import');
  try {
    const client = new pg.Client({ connectionString: bare.url });
    await client.connect();
    await client.query(BARE_TABLE);
    await client.end();
    process.stderr.write('baseline: psql \\copy into a bare table…\n');
    const baseline = await runWithRss('psql', [
      bare.url,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy bare_invoice_csv from '${file}' with (format csv, header true)`,
    ]);
    checkRun('psql \\copy', baseline);
    const store = await openMigrated(scratch.url);
    // Statistics that say "empty", as once autovacuum has cleaned up after a failed first import: the
    // planner's worst case for the first load (it made the upsert quadratic until the anti-join was split
    // from the insert, stage-queries.ts prepareUpsert).
    await sql`vacuum analyze`.execute(store.db);
    await closeStore(store);
    // The fixed cost of starting the CLI (node, tsx, opening the store), included in the import's time.
    const startup = await huikuan(['--version'], { DATABASE_URL: scratch.url });
    checkRun('huikuan --version', startup);
    process.stderr.write('huikuan import invoices (PostgreSQL)…\n');
    const first = await huikuan(['import', 'invoices', file], { DATABASE_URL: scratch.url });
    checkRun('huikuan import', first);
    const before = BEFORE ? await importWith(BEFORE, file) : null;
    process.stderr.write(
      `  ${secs(first.seconds)} s, peak RSS ${mib(first.peakRssBytes)} MiB; re-import (no changes)…\n`,
    );
    const again = await huikuan(['import', 'invoices', file], { DATABASE_URL: scratch.url });
    checkRun('huikuan re-import', again);
    const check = new pg.Client({ connectionString: scratch.url });
    await check.connect();
    const count = Number((await check.query('select count(*) as n from invoice')).rows[0].n);
    await check.end();
    if (count !== PG_ROWS) throw new Error(`expected ${PG_ROWS} invoices after the import, found ${count}`);
    return {
      version: scratch.version,
      rows: [
        {
          store: 'PostgreSQL',
          rows: PG_ROWS,
          what: 'psql \\copy, bare table',
          seconds: baseline.seconds,
          rss: null,
          baseline: baseline.seconds,
        },
        {
          store: 'PostgreSQL',
          rows: PG_ROWS,
          what: 'huikuan import (new rows)',
          seconds: first.seconds,
          rss: first.peakRssBytes,
          baseline: baseline.seconds,
          startup: startup.seconds,
        },
        ...(before
          ? [
              {
                store: 'PostgreSQL',
                rows: PG_ROWS,
                what: `huikuan import (new rows), ${process.env.BENCH_IMPORT_BEFORE_LABEL ?? `checkout ${BEFORE}`}`,
                seconds: before.seconds,
                rss: before.peakRssBytes,
                baseline: baseline.seconds,
                startup: startup.seconds,
              },
            ]
          : []),
        {
          store: 'PostgreSQL',
          rows: PG_ROWS,
          what: 're-import, same file',
          seconds: again.seconds,
          rss: again.peakRssBytes,
          baseline: baseline.seconds,
          startup: startup.seconds,
        },
        {
          store: 'PostgreSQL',
          rows: 0,
          what: 'CLI start-up only (`huikuan --version`)',
          seconds: startup.seconds,
          rss: startup.peakRssBytes,
          baseline: baseline.seconds,
        },
      ],
    };
  } finally {
    await bare.drop();
    await scratch.drop();
  }
}

/** The first import of the file by another checkout's CLI, into a database migrated by it. */
async function importWith(root: string, file: string): Promise<ChildRun> {
  const scratch = await createScratchDb('import_before');
  try {
    checkRun('migrate (other checkout)', await huikuan(['migrate'], { DATABASE_URL: scratch.url }, root));
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    await client.query('vacuum analyze');
    await client.end();
    process.stderr.write(`huikuan import invoices (PostgreSQL, checkout ${root})…\n`);
    const run = await huikuan(['import', 'invoices', file], { DATABASE_URL: scratch.url }, root);
    checkRun('huikuan import (other checkout)', run);
    return run;
  } finally {
    await scratch.drop();
  }
}

async function pgliteFigures(file: string): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'huikuan-bench-'));
  try {
    // Baseline: COPY of the same file into a bare table of an on-disk PGlite, in this process.
    const bare = await openStore({ dataDir: join(dir, 'bare') });
    const started = performance.now();
    await bare.withConnection(async ({ raw }) => {
      await raw.exec(BARE_TABLE);
      // PGlite's copyFrom sends the data as several COPY statements: give it whole lines, header skipped.
      await raw.copyFrom('copy bare_invoice_csv from stdin with (format csv)', wholeLines(file));
    });
    const baseline = (performance.now() - started) / 1000;
    await bare.close();
    const env = { HUIKUAN_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    const store = await openStore({ dataDir: env.HUIKUAN_DATA_DIR });
    await migrate(store);
    await store.close();
    process.stderr.write('huikuan import invoices (PGlite)…\n');
    const run = await huikuan(['import', 'invoices', file], env);
    checkRun('huikuan import (PGlite)', run);
    return [
      {
        store: 'PGlite (disk)',
        rows: PGLITE_ROWS,
        what: 'COPY, bare table',
        seconds: baseline,
        rss: null,
        baseline,
      },
      {
        store: 'PGlite (disk)',
        rows: PGLITE_ROWS,
        what: 'huikuan import (new rows)',
        seconds: run.seconds,
        rss: run.peakRssBytes,
        baseline,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runImportBench(): Promise<void> {
  const pgFile = await csvFile(PG_ROWS, CUSTOMERS);
  const liteFile =
    PGLITE_ROWS > 0 ? await csvFile(PGLITE_ROWS, Math.min(CUSTOMERS, Math.ceil(PGLITE_ROWS / 10))) : '';
  const { rows: pgRows, version } = await postgresFigures(pgFile);
  const machine = machineInfo(version);
  const liteRows = PGLITE_ROWS > 0 ? await pgliteFigures(liteFile) : [];
  const all = [...pgRows, ...liteRows];
  const text = `## import — \`huikuan import invoices\` of an ERP export

${describeMachine(machine)}

${table(
  [
    'store',
    'rows',
    'run',
    'seconds',
    'rows/s',
    'peak RSS MiB',
    'ratio to baseline',
    'ratio without CLI start-up',
  ],
  all.map((r) => [
    r.store,
    r.rows.toLocaleString('en'),
    r.what,
    secs(r.seconds),
    r.rows ? Math.round(r.rows / r.seconds).toLocaleString('en') : '–',
    r.rss === null ? '–' : mib(r.rss),
    `${(r.seconds / r.baseline).toFixed(2)}×`,
    r.startup === undefined ? '–' : `${((r.seconds - r.startup) / r.baseline).toFixed(2)}×`,
  ]),
)}

- File: \`bench/gen-invoices-csv.ts\` (UTF-8, Chinese headers, grouped amounts, some quoted names),
  ${CUSTOMERS.toLocaleString('en')} customer codes; the import creates the customers it does not know.
- huikuan import: the CLI as a child process (\`node --import tsx src/cli/main.ts import invoices <file>\`)
  on a freshly migrated and analysed (so: known empty) database, wall time including process start;
  peak RSS = largest sum of VmRSS over the process tree, sampled every 50 ms. Goal: ≤ 3× baseline and < 512 MiB.
  "Without CLI start-up" subtracts the time of \`huikuan --version\` measured in the same run.
- Into the empty table, a load of at least 100,000 rows is a bulk load: indexes and foreign keys are built
  after the rows, the audit is one chain entry for the batch (digest of its rows' digests, kept per row in
  \`audit_batch\`) and the AR summary is computed from the batch in one statement (migrations 0032–0033).
- Baseline (PostgreSQL): \`psql \\copy\` of the same file into a table of text/date columns without index,
  constraint or trigger. PGlite baseline: COPY of the same file into such a table of an on-disk PGlite.
- PGlite is measured at ${PGLITE_ROWS.toLocaleString('en')} rows: a million rows through the single-threaded
  WebAssembly backend take too long for a routine benchmark run.
`;
  writeSection(PG_ROWS === 1_000_000 ? 'import' : `import-${PG_ROWS}`, text);
  process.stdout.write(`${text}\n`);
}

if (isMain(import.meta.url)) await runImportBench();
