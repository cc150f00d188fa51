// Leases on long-running work rows (import_batch, engine_run; migration 0014). The owner writes
// `lease_until = now() + LEASE` when it starts and renews it every RENEW while it works; a sweep marks
// 'running' rows whose lease ran out as failed (the process is gone). On PGlite one process holds the data
// folder (data-dir-lock.ts), so when it opens the folder every 'running' row is a dead process's.
import { sql } from 'kysely';
import type { Db } from './store';

export type LeasedTable = 'import_batch' | 'engine_run';

export const LEASE_SECONDS = 120;
const RENEW_MS = 20_000;

/** `now() + LEASE`, for the row's insert. */
export const leaseFromNow = (seconds = LEASE_SECONDS) => sql<Date>`now() + make_interval(secs => ${seconds})`;

/**
 * Renews the lease of the row while the owner works; call the returned function when it has finished.
 * A renewal that fails (the database is briefly away) is tried again at the next tick.
 */
export function holdLease(
  db: Db,
  table: LeasedTable,
  id: number,
  options: { renewMs?: number; leaseSeconds?: number } = {},
): () => void {
  let renewing = false;
  const renew = async () => {
    if (renewing) return; // PGlite: the previous renewal still waits for the one connection
    renewing = true;
    try {
      await sql`update ${sql.table(table)} set lease_until = ${leaseFromNow(options.leaseSeconds)}
                 where id = ${id} and status = 'running'`.execute(db);
    } catch {
      // next tick
    } finally {
      renewing = false;
    }
  };
  const timer = setInterval(() => void renew(), options.renewMs ?? RENEW_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The SQL condition for a 'running' row whose owner is gone: every running row when `everyRunning` (PGlite,
 * as its one process opens the folder), else those whose lease ran out.
 */
export function ownerGone(everyRunning: boolean) {
  return everyRunning
    ? sql<boolean>`true`
    : sql<boolean>`coalesce(lease_until, started_at + make_interval(secs => ${LEASE_SECONDS})) < now()`;
}

/** The reason written on a row whose owner is gone, in English and Chinese. */
export function abandonedReason(everyRunning: boolean): string {
  return everyRunning
    ? 'abandoned: the process running it ended before it finished (found when the data folder was next opened); nothing of it was committed / 已中断：执行它的进程在完成前结束（下次打开数据目录时发现），未提交任何内容'
    : `abandoned: the process running it stopped renewing its lease (no sign of life for ${LEASE_SECONDS} s) before it finished; nothing of it was committed / 已中断：执行它的进程在完成前停止响应（${LEASE_SECONDS} 秒无心跳），未提交任何内容`;
}
