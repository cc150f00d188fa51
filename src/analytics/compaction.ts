// Folds the AR summary's delta rows together now and then (analytics_compact_ar_delta()): the triggers only
// ever insert, so that concurrent payments never wait on each other, and the rows add up. Reads are exact
// either way; compaction only keeps them fast. Runs at start and every 15 minutes in the server process,
// one server at a time (advisory lock).
import { sql } from 'kysely';
import type { AppContext } from '../platform/app';
import type { Db } from '../platform/db/store';

const EVERY_MS = 15 * 60 * 1000;

export async function compactArSummary(db: Db): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(4841020777) as ok`.execute(
      tx,
    );
    if (!rows[0].ok) return false;
    await sql`select analytics_compact_ar_delta()`.execute(tx);
    return true;
  });
}

export async function analyticsCompactionStartHook(app: AppContext): Promise<void> {
  const run = () =>
    compactArSummary(app.store.db).catch((error) =>
      app.logger.warn({ err: error }, 'AR summary compaction failed'),
    );
  await run();
  setInterval(run, EVERY_MS).unref();
}
