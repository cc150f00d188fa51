// The PostgreSQL store outlives a server that ends its connections (restart, administrator terminate):
// the pool's idle clients report it as 'error' events, which must not crash the process. And the server
// does not outlive a client that dies mid-query: its statement is stopped (and its locks released).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { expect, it } from 'vitest';
import { ADMIN_URL, describeOnPostgres } from './support/stores';

const HOLD_CONNECTION = fileURLToPath(new URL('./fixtures/hold-connection.ts', import.meta.url));

async function activeMarkerQueries(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      `select count(*)::int as n from pg_stat_activity
        where datname = $1 and state = 'active' and query like '%killed_client_marker%'
          and pid <> pg_backend_pid()`,
      [database],
    );
    return rows[0].n;
  } finally {
    await admin.end();
  }
}

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

  it('stops the statement of a client that died in the middle of it', { timeout: 60_000 }, async () => {
    const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(store().db);
    const database = rows[0].db;
    const url = new URL(ADMIN_URL);
    url.pathname = `/${database}`;
    const child = spawn(process.execPath, ['--import', 'tsx', HOLD_CONNECTION, url.toString()], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await once(child.stdout!, 'data');
    await expect.poll(() => activeMarkerQueries(database), { timeout: 10_000 }).toBe(1);
    child.kill('SIGKILL');
    await once(child, 'exit');
    // Without a connection check the server would sleep on for two minutes, holding what it had locked.
    await expect.poll(() => activeMarkerQueries(database), { timeout: 20_000, interval: 500 }).toBe(0);
  });
});
