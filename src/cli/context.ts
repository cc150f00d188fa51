// Shared plumbing for CLI commands: open the app (store + migrations), run, close; print errors clearly.
import { sweepAbandonedWork } from '../jobs/abandoned-work';
import { type AppContext, openApp } from '../platform/app';
import { loadConfig } from '../platform/config';
import { AppError, fromDatabaseError } from '../platform/errors';
import { localeFrom, problemText } from '../shared/messages';
import { stripTerminalControls } from '../shared/text';
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
export function reportCliError(
  error: unknown,
  json = process.argv.includes('--json'),
  argv: readonly string[] = process.argv,
): number {
  const appError = error instanceof AppError ? error : fromDatabaseError(error);
  if (appError) {
    if (json) {
      process.stdout.write(`${JSON.stringify({ error: appError.toPayload() }, null, 2)}\n`);
    } else {
      // In the user's language: --locale, else LANG (src/shared/messages); for a command forwarded to the
      // server, the asking process's, which it sent along (the server's LANG is not the user's).
      const locale = forwardedIo()?.locale ?? localeFrom(argv, process.env);
      // Messages quote the user's values: no control characters reach the terminal (stderr is not wrapped,
      // progress bars draw there).
      process.stderr.write(
        stripTerminalControls(`${locale === 'zh-CN' ? '错误' : 'error'}: ${appError.localized(locale)}`) +
          '\n',
      );
      for (const problem of appError.details?.problems ?? []) {
        const line = problem.line
          ? locale === 'zh-CN'
            ? `第 ${problem.line} 行`
            : `line ${problem.line}`
          : null;
        const where = [line, problem.field].filter(Boolean).join(', ');
        process.stderr.write(
          stripTerminalControls(`  ${where ? `${where}: ` : ''}${problemText(locale, problem)}\n`),
        );
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
