// Shared plumbing for CLI commands: open the app (store + migrations), run, close; print errors clearly.
import { sweepAbandonedWork } from '../jobs/abandoned-work';
import { type AppContext, openApp } from '../platform/app';
import { loadConfig } from '../platform/config';
import { AppError, fromDatabaseError } from '../platform/errors';
import { forwardedIo } from './cli-io';

export async function withApp<T>(fn: (app: AppContext) => Promise<T>): Promise<T> {
  // A command forwarded to the running server works on the server's store (src/cli/local-server.ts).
  const forwarded = forwardedIo();
  if (forwarded) return fn(forwarded.app);
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const app = await openApp(config);
  try {
    // An import or engine run killed earlier shows as failed, not running (src/jobs/abandoned-work.ts).
    await sweepAbandonedWork(app, { atOpen: true });
    return await fn(app);
  } finally {
    await app.store.close();
  }
}

/** Prints an error for a person (or as JSON with --json) and returns the exit code. */
export function reportCliError(error: unknown, json = process.argv.includes('--json')): number {
  const appError = error instanceof AppError ? error : fromDatabaseError(error);
  if (appError) {
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ error: { code: appError.code, message: appError.message, ...appError.details } }, null, 2)}\n`,
      );
    } else {
      process.stderr.write(`error: ${appError.message}\n`);
      for (const problem of appError.details?.problems ?? []) {
        const where = [problem.line ? `line ${problem.line}` : null, problem.field]
          .filter(Boolean)
          .join(', ');
        process.stderr.write(`  ${where ? `${where}: ` : ''}${problem.reason}\n`);
      }
    }
    return appError.code === 'IMPORT_REJECTED' ? 3 : 2;
  }
  process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
