// Race tests set up a race and then must know that it is set up: that the second writer really waits on the
// first one's lock. A fixed sleep only guesses (too short on a loaded machine, and the race is not tested);
// these ask PostgreSQL instead.
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../../src/platform/db/store';

/** Sessions of this database, other than the asking one, that wait on a lock (row, tuple or advisory). */
export async function lockWaiters(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
     where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`.execute(db);
  return rows[0].n;
}

/** Waits until at least `count` sessions wait on a lock. PostgreSQL only: `db` must have a free connection. */
export async function waitForLockWaiters(db: Db, count = 1): Promise<void> {
  await expect.poll(() => lockWaiters(db), { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(count);
}

/** PostgreSQL's deadlock_timeout in milliseconds: how long a waiter waits before the deadlock check runs. */
export async function deadlockTimeoutMs(db: Db): Promise<number> {
  const { rows } = await sql<{ ms: number }>`
    select setting::int * case unit when 's' then 1000 else 1 end as ms
      from pg_settings where name = 'deadlock_timeout'`.execute(db);
  return rows[0].ms;
}
