// A PostgreSQL database holding the demo data set at a given size, kept between benchmark runs: loading a
// million invoices takes minutes, and the read benchmarks only need the data to be there. Its name carries
// a hash of the migrations and the generator's sources, so any change to either builds a fresh one (and
// drops the stale ones).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../../src/platform/db/migrate';
import { BENCH_AS_OF, loadBenchDemo } from './demo-data';
import { BENCH_ADMIN_URL, closeStore, openMigrated } from './scratch-db';

const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'demo');
const PREFIX = 'huikuan_benchdemo_';

export interface DemoSize {
  customers: number;
  invoices: number;
}

function sourcesHash(): string {
  const hash = createHash('sha256').update(BENCH_AS_OF);
  for (const dir of [MIGRATIONS_DIR, DEMO_DIR]) {
    for (const file of readdirSync(dir).sort()) {
      if (/\.(sql|ts)$/.test(file) && !file.endsWith('.test.ts'))
        hash.update(file).update(readFileSync(join(dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 10);
}

export function demoDatabaseName(size: DemoSize): string {
  return `${PREFIX}${size.customers}_${size.invoices}_${sourcesHash()}`;
}

function urlOf(name: string): string {
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function isReady(name: string): Promise<boolean> {
  const exists = await withAdmin(
    async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount,
  );
  if (!exists) return false;
  const client = new pg.Client({ connectionString: urlOf(name) });
  await client.connect();
  try {
    return (
      ((await client.query(`select 1 from pg_tables where tablename = 'bench_demo_ready'`)).rowCount ?? 0) > 0
    );
  } finally {
    await client.end();
  }
}

/**
 * Drops kept demo databases of the same size built from older sources — but never one in use (another
 * benchmark may be reading or loading it right now): those are left for a later run to drop.
 */
async function dropStale(size: DemoSize, keep: string): Promise<void> {
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `select datname from pg_database d where datname like $1
          and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`,
      [`${PREFIX}${size.customers}_${size.invoices}_%`],
    );
    for (const { datname } of rows) {
      if (datname === keep) continue;
      await c.query(`drop database if exists ${datname}`).catch(() => undefined); // in use since: skip
    }
  });
}

/** Makes a loaded scratch database the kept one for its size (the demo benchmark's load is reused). */
export async function keepAsDemoDatabase(scratchName: string, size: DemoSize): Promise<void> {
  const name = demoDatabaseName(size);
  if (await isReady(name)) {
    await withAdmin((c) => c.query(`drop database if exists ${scratchName}`));
    return;
  }
  const client = new pg.Client({ connectionString: urlOf(scratchName) });
  await client.connect();
  await client.query('create table if not exists bench_demo_ready (loaded_at timestamptz default now())');
  await client.end();
  await dropStale(size, '');
  await withAdmin(async (c) => {
    await c.query(`drop database if exists ${name}`); // a half-loaded one from an interrupted run
    await c.query(`alter database ${scratchName} rename to ${name}`);
  });
}

/** The URL of a database with the demo at this size, loading it first when there is none yet. */
export async function demoDatabase(
  size: DemoSize,
): Promise<{ url: string; name: string; loadedNow: boolean }> {
  const name = demoDatabaseName(size);
  if (await isReady(name)) return { url: urlOf(name), name, loadedNow: false };
  await dropStale(size, '');
  await withAdmin((c) => c.query(`create database ${name}`));
  const store = await openMigrated(urlOf(name));
  try {
    process.stderr.write(
      `loading the demo (${size.invoices} invoices / ${size.customers} customers) into ${name}…\n`,
    );
    await loadBenchDemo(store, size);
    await store.db.schema.createTable('bench_demo_ready').addColumn('loaded_at', 'timestamptz').execute();
  } finally {
    await closeStore(store);
  }
  return { url: urlOf(name), name, loadedNow: true };
}
