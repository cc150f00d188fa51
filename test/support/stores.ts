// Integration tests run against both stores: embedded PGlite (in memory) and the real PostgreSQL at
// TEST_DATABASE_URL (default 127.0.0.1:5432), each test file in a database of its own.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { AppContext } from '../../src/platform/app';
import { loadConfig } from '../../src/platform/config';
import { migrate } from '../../src/platform/db/migrate';
import { openStore, type Store } from '../../src/platform/db/store';
import { createLogger } from '../../src/platform/logger';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type StoreKind = 'pglite' | 'postgres';
export const STORE_KINDS: StoreKind[] = ['pglite', 'postgres'];

export interface TestStore {
  store: Store;
  dispose(): Promise<void>;
}

/** A fresh, migrated store of the given kind. */
export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const store = await openStore({ inMemory: true });
    await migrate(store);
    return { store, dispose: () => store.close() };
  }
  const name = `huikuan_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), maxConnections: 8 });
  await migrate(store);
  return {
    store,
    async dispose() {
      await store.close();
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** An AppContext around a test store, for use cases and the HTTP server. */
export function testApp(store: Store): AppContext {
  const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent' };
  return { config, store, logger: createLogger('silent') };
}

/** The store kinds to test on: HUIKUAN_TEST_STORES (comma-separated), by default both. */
function wantedKinds(): string[] {
  return (process.env.HUIKUAN_TEST_STORES ?? 'pglite,postgres').split(',');
}

/** For the enclosing describe: a fresh store of `kind` before its tests, disposed of after them. */
function useTestStore(kind: StoreKind): () => Store {
  let testStore: TestStore;
  beforeAll(async () => {
    testStore = await createTestStore(kind);
  });
  afterAll(async () => {
    await testStore?.dispose();
  });
  return () => testStore.store;
}

/**
 * Runs the same suite on PGlite and on PostgreSQL. `ctx()` gives the current store inside tests.
 * Set HUIKUAN_TEST_STORES=pglite to skip PostgreSQL on a machine without it.
 */
export function describeEachStore(title: string, suite: (ctx: () => Store, kind: StoreKind) => void): void {
  const wanted = wantedKinds();
  for (const kind of STORE_KINDS.filter((k) => wanted.includes(k))) {
    describe(`${title} [${kind}]`, () => {
      suite(useTestStore(kind), kind);
    });
  }
}

/**
 * A suite for PostgreSQL only (what PGlite cannot show, e.g. concurrent connections), titled `<title>
 * [postgres]`; `ctx()` gives its store inside tests. Skipped when HUIKUAN_TEST_STORES leaves out postgres.
 */
export function describeOnPostgres(title: string, suite: (ctx: () => Store) => void): void {
  describe.skipIf(!wantedKinds().includes('postgres'))(`${title} [postgres]`, () => {
    suite(useTestStore('postgres'));
  });
}
