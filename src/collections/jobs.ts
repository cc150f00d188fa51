// The collections module's background jobs: the daily cycle (scheduled), the incremental cycle (queued by
// ledger changes through the database triggers, by case changes, and by promises falling due), the daily
// check for promises and installments falling due (scheduled), and simulations.
import type { DailySchedule } from '../jobs/job-queries';
import type { JobHandlers } from '../jobs/runner';
import { todayIn } from '../shared/dates';
import { markDueCommitments } from './due-commitments';
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
  'collections.promises-due': (app, job) =>
    markDueCommitments(app.store.db, String(job.payload.asOf ?? todayIn(app.config.timeZone))),
  'collections.simulate': (app, job) => runSimulationJob(app, Number(job.payload.simulationId)),
};

/**
 * Daily, in the business time zone. The full cycle's row comes from migration 0006; declaring it here as
 * well only lists it (an existing row, and any time a person set on it, is kept). Promises and
 * installments are checked just after the date changes, so that a broken one escalates at once rather than
 * when the full cycle reaches its case.
 */
export const collectionsJobSchedules: DailySchedule[] = [
  {
    name: 'collections.promises-due',
    kind: 'collections.promises-due',
    atTime: '00:05',
    description: 'promises and installments past their date plus grace → incremental cycle',
  },
  {
    name: 'collections.daily',
    kind: 'collections.cycle',
    atTime: '01:00',
    description: 'full collections cycle',
  },
];
