// The PostgreSQL store outlives a server that ends its connections (restart, administrator terminate):
// the pool's idle clients report it as 'error' events, which must not crash the process.
import { sql } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { ADMIN_URL, describeOnPostgres } from './support/stores';

describeOnPostgres('PostgreSQL store', (store) => {
  it('keeps working after the server terminates its idle connections', async () => {
    const db = store().db;
    // Several idle clients in the pool.
    await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(db)));
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(db);
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
    const again = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(again.rows).toEqual([{ one: 1 }]);
  });
});
