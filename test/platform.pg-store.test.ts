// The PostgreSQL store outlives a server that ends its connections (restart, administrator terminate):
// the pool's idle clients report it as 'error' events, which must not crash the process.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/platform/db/store';
import { ADMIN_URL, createTestStore, type TestStore } from './support/stores';

const wanted = (process.env.HUIKUAN_TEST_STORES ?? 'pglite,postgres').split(',');

describe.skipIf(!wanted.includes('postgres'))('PostgreSQL store [postgres]', () => {
  let testStore: TestStore;
  let store: Store;
  beforeAll(async () => {
    testStore = await createTestStore('postgres');
    store = testStore.store;
  });
  afterAll(async () => {
    await testStore?.dispose();
  });

  it('keeps working after the server terminates its idle connections', async () => {
    // Several idle clients in the pool.
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(store.db)));
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(store.db);
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const killed = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [rows[0].db],
    );
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The broken clients are gone; the next query gets a fresh connection.
    const again = await sql<{ one: number }>`select 1 as one`.execute(store.db);
    expect(again.rows).toEqual([{ one: 1 }]);
  });
});
