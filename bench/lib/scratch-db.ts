// Scratch PostgreSQL databases for benchmarks: created empty (and migrated when asked), dropped after.
import pg from 'pg';
import { migrate } from '../../src/platform/db/migrate';
import { openStore, type Store } from '../../src/platform/db/store';

export const BENCH_ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDb {
  name: string;
  url: string;
  /** The server's version string, for the results. */
  version: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The PostgreSQL server's version, e.g. "PostgreSQL 15.20 (Debian 15.20-0+deb12u1)". */
export function serverVersion(): Promise<string> {
  return admin(async (client) => {
    const { rows } = await client.query<{ v: string }>(`select split_part(version(), ' on ', 1) as v`);
    return rows[0].v;
  });
}

export async function createScratchDb(prefix: string): Promise<ScratchDb> {
  const name = `huikuan_bench_${prefix}_${process.pid}`;
  const version = await admin(async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
    const { rows } = await client.query<{ v: string }>(`select split_part(version(), ' on ', 1) as v`);
    return rows[0].v;
  });
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    version,
    drop: () =>
      admin((client) => client.query(`drop database if exists ${name} with (force)`).then(() => undefined)),
  };
}

/** Opens a store on the scratch database and applies the migrations. */
export async function openMigrated(url: string): Promise<Store> {
  const store = await openStore({ databaseUrl: url, maxConnections: 8 });
  await migrate(store);
  return store;
}

/**
 * Closes a store so that its pool really ends: Kysely ends the pool only once `store.db` has been used,
 * and a pool left open keeps idle connections that a later forced drop kills.
 */
export async function closeStore(store: Store): Promise<void> {
  await store.db.selectFrom('currency').select('code').limit(1).execute();
  await store.close();
}
