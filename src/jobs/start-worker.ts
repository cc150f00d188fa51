// The server's in-process worker (start hook). On PGlite only one process may open the data directory, so
// the server itself must run the jobs; on PostgreSQL it runs beside any `huikuan worker` processes (they
// share the queue safely). HUIKUAN_WORKER=off turns it off.
import type { AppContext } from '../platform/app';
import { JOB_HANDLERS, JOB_SCHEDULES } from './handlers';
import { runWorker } from './runner';

export async function startInProcessWorker(app: AppContext): Promise<void> {
  if (process.env.HUIKUAN_WORKER === 'off' || process.env.NODE_ENV === 'test') return;
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const loop = async () => {
    while (!controller.signal.aborted) {
      try {
        await runWorker(app, {
          handlers: JOB_HANDLERS,
          dailySchedules: JOB_SCHEDULES,
          signal: controller.signal,
          pollMs: 5000,
        });
      } catch (error) {
        if (controller.signal.aborted) return;
        app.logger.error({ err: error }, 'job worker stopped; restarting in 30 s');
        await new Promise((resolve) => setTimeout(resolve, 30_000));
      }
    }
  };
  void loop();
  app.logger.info('in-process job worker started');
}
