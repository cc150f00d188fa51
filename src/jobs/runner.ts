// The worker loop: enqueue due daily schedules, claim a job, run its handler, record the outcome; sleep when
// idle. Any number of workers (processes, or the server's in-process worker on PGlite) can run at once.
import { hostname } from 'node:os';
import type { AppContext } from '../platform/app';
import { todayIn } from '../shared/dates';
import {
  claimJob,
  completeJob,
  type DailySchedule,
  enqueueDueSchedules,
  failJob,
  type JobRow,
} from './job-queries';

export type JobHandler = (app: AppContext, job: JobRow) => Promise<unknown>;
export type JobHandlers = Record<string, JobHandler>;

export interface WorkerOptions {
  handlers: JobHandlers;
  /** Stop when no job is ready instead of waiting for more. */
  once?: boolean;
  pollMs?: number;
  lockSeconds?: number;
  signal?: AbortSignal;
  /** Enqueue the daily schedules (default true). */
  schedules?: boolean;
  /** The daily schedules the code defines (JOB_SCHEDULES), added to job_schedule when missing. */
  dailySchedules?: readonly DailySchedule[];
  /** Clock for schedules (tests). */
  now?: () => Date;
}

export interface WorkerSummary {
  done: number;
  failed: number;
}

const workerName = () => `${hostname()}:${process.pid}`;

function localTime(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
}

/** Runs one ready job, if any; returns false when none was ready. */
export async function runOneJob(
  app: AppContext,
  options: WorkerOptions,
  summary: WorkerSummary,
): Promise<boolean> {
  const job = await claimJob(
    app.store.db,
    workerName(),
    options.lockSeconds ?? 900,
    Object.keys(options.handlers),
  );
  if (!job) return false;
  const handler = options.handlers[job.kind];
  try {
    const result = await handler(app, job);
    await completeJob(app.store.db, job.id, result);
    summary.done++;
    app.logger.debug({ job: job.id, kind: job.kind }, 'job done'); // routine: only failures at error
  } catch (error) {
    await failJob(app.store.db, job, error);
    summary.failed++;
    app.logger.error({ job: job.id, kind: job.kind, err: error }, 'job failed');
  }
  return true;
}

export async function runWorker(app: AppContext, options: WorkerOptions): Promise<WorkerSummary> {
  const summary: WorkerSummary = { done: 0, failed: 0 };
  const now = options.now ?? (() => new Date());
  while (!options.signal?.aborted) {
    const clock = now();
    if (options.schedules !== false)
      await enqueueDueSchedules(
        app.store.db,
        todayIn(app.config.timeZone, clock),
        localTime(app.config.timeZone, clock),
        options.dailySchedules,
      );
    const ran = await runOneJob(app, options, summary);
    if (ran) continue;
    if (options.once) break;
    await new Promise<void>((resolve) => {
      // Each idle wait removes its abort listener when it ends: a worker waits every two seconds for as
      // long as it runs, and listeners left on the one signal piled up (and warned of a leak after 10).
      const wake = () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, options.pollMs ?? 2000);
      options.signal?.addEventListener('abort', wake, { once: true });
    });
  }
  return summary;
}
