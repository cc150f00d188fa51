// Work left "running" by a process that is gone — an import killed mid-way, an engine cycle killed with its
// worker — is marked failed with the reason (src/platform/db/lease.ts), so lists never show it running for
// ever. On PGlite this happens when a process opens the data folder (it is then the only one, so every
// running row is a dead process's); on PostgreSQL when a server or command starts and, in a server, every
// minute, by the rows' leases.
import { markAbandonedRuns } from '../collections/engine/run-engine';
import { markAbandonedBatches } from '../ledger/import/import-queries';
import type { AppContext } from '../platform/app';

const SWEEP_MS = 60_000;

/** Marks abandoned import batches and engine runs; `atOpen`: this process has just opened the store. */
export async function sweepAbandonedWork(
  app: AppContext,
  options: { atOpen: boolean },
): Promise<{ importBatches: number; engineRuns: number }> {
  const everyRunning = options.atOpen && app.store.kind === 'pglite';
  const importBatches = await markAbandonedBatches(app.store.db, { everyRunning });
  const engineRuns = await markAbandonedRuns(app.store.db, { everyRunning });
  if (importBatches + engineRuns > 0) {
    app.logger.warn({ importBatches, engineRuns }, 'marked work abandoned by a stopped process as failed');
  }
  return { importBatches, engineRuns };
}

/** Start hook: sweep once now; on PostgreSQL (other processes may die meanwhile) every minute too. */
export async function abandonedWorkStartHook(app: AppContext): Promise<void> {
  await sweepAbandonedWork(app, { atOpen: true });
  if (app.store.kind !== 'postgres') return;
  const timer = setInterval(() => {
    sweepAbandonedWork(app, { atOpen: false }).catch((error) =>
      app.logger.warn({ err: error }, 'sweeping abandoned work failed'),
    );
  }, SWEEP_MS);
  timer.unref();
}
