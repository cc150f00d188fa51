// `huikuan worker`: runs background jobs (the daily schedules: collections cycle and promises falling due;
// incremental cycles after payments; simulations). Several workers may run against one PostgreSQL
// database; on PGlite the server runs its own.
import type { Command } from 'commander';
import { abandonedWorkStartHook } from '../../jobs/abandoned-work';
import { JOB_HANDLERS, JOB_SCHEDULES } from '../../jobs/handlers';
import { runWorker } from '../../jobs/runner';
import { printJson, withApp } from '../context';

export function registerWorkerCommands(program: Command): void {
  program
    .command('worker')
    .description('run background jobs until stopped (daily schedules, events, simulations)')
    .addHelpText(
      'after',
      `\nDaily schedules (default times in the business time zone; job_schedule.at_time holds the time in force):\n${JOB_SCHEDULES.map(
        (s) => `  ${s.atTime}  ${s.kind.padEnd(26)} ${s.description ?? ''}`,
      ).join('\n')}\n`,
    )
    .option('--once', 'run the jobs that are ready, then stop')
    .option('--no-schedule', 'do not enqueue the daily schedules')
    .option('--poll <ms>', 'idle wait between polls', '2000')
    .action(async (options: { once?: boolean; schedule: boolean; poll: string }) => {
      await withApp(async (app) => {
        // On PostgreSQL, also mark work of processes that die while this worker runs (every minute).
        if (!options.once) await abandonedWorkStartHook(app);
        const controller = new AbortController();
        process.once('SIGINT', () => controller.abort());
        process.once('SIGTERM', () => controller.abort());
        const summary = await runWorker(app, {
          handlers: JOB_HANDLERS,
          dailySchedules: JOB_SCHEDULES,
          once: options.once,
          schedules: options.schedule,
          pollMs: Number(options.poll),
          signal: controller.signal,
        });
        printJson(summary);
      });
    });
}
