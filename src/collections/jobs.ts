// The collections module's background jobs: the daily cycle (scheduled), the incremental cycle (queued by
// ledger changes through the database triggers and by case changes), and simulations.
import type { JobHandlers } from '../jobs/runner';
import { todayIn } from '../shared/dates';
import { runEngine } from './engine/run-engine';
import { runSimulationJob } from './simulator/simulation-jobs';

export const collectionsJobHandlers: JobHandlers = {
  'collections.cycle': (app, job) =>
    runEngine(app.store.db, {
      asOf: String(job.payload.asOf ?? todayIn(app.config.timeZone)),
      kind: 'full',
      concurrency: app.store.kind === 'postgres' ? 2 : 1,
    }),
  'collections.incremental': (app) =>
    runEngine(app.store.db, { asOf: todayIn(app.config.timeZone), kind: 'incremental' }),
  'collections.simulate': (app, job) => runSimulationJob(app, Number(job.payload.simulationId)),
};
