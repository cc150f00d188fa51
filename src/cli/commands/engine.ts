// `huikuan engine run`: one collections cycle now — every customer, or the named ones — as of a date.
import type { Command } from 'commander';
import { listEngineRuns } from '../../collections/engine/list-runs';
import { runCycle } from '../../collections/engine/run-cycle';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { invalid, msg } from '../../platform/errors';
import { todayIn } from '../../shared/dates';
import { printJson, withApp } from '../context';
import { registerCaseCommands } from './cases';
import { registerSimulateCommands } from './simulate';
import { registerStrategyCommands } from './strategies';
import { registerWorkerCommands } from './worker';

export function registerEngineCommands(program: Command): void {
  const engine = program.command('engine').description('the collections engine (催收引擎)');
  engine
    .command('run')
    .description('sync cases with the ledger and fire the due strategy steps (idempotent: safe to repeat)')
    .option('--as-of <date>', 'business date to run for (default: today in the business time zone)')
    .option('--customer <code...>', 'only these customers (incremental)')
    .option('--json', 'print JSON')
    .action(async (options: { asOf?: string; customer?: string[]; json?: boolean }) => {
      await withApp(async (app) => {
        const result = await runCycle(app.store.db, SYSTEM_ACTOR, {
          asOf: options.asOf ?? todayIn(app.config.timeZone),
          customerCodes: options.customer,
          concurrency: app.store.kind === 'postgres' ? 2 : 1,
        });
        if (options.json) return printJson(result);
        process.stdout.write(
          `engine run ${result.runId} (${result.kind}) as of ${result.asOf}: ${result.casesOpened} cases opened, ` +
            `${result.casesClosed} closed, ${result.casesEvaluated} evaluated; ${result.stepsFired} steps fired → ` +
            `${result.messages} messages, ${result.tasks} tasks (${result.durationMs} ms)\n`,
        );
      });
    });

  engine
    .command('runs')
    .description(
      'engine runs, newest first: done, running, or failed with the reason (a killed run included)',
    )
    .option('--status <status>', 'running | done | failed')
    .option('--limit <n>', 'at most this many', '20')
    .option('--json', 'print JSON')
    .action(async (options: { status?: string; limit: string; json?: boolean }) => {
      if (options.status && !['running', 'done', 'failed'].includes(options.status)) {
        throw invalid(
          msg('optionOneOfNot', {
            option: 'status',
            allowed: 'running, done, failed',
            value: options.status,
          }),
        );
      }
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw invalid(msg('optionBetween', { option: 'limit', min: 1, max: 500 }));
      await withApp(async (app) => {
        const page = await listEngineRuns(app.store.db, SYSTEM_ACTOR, {
          limit,
          status: options.status as 'failed' | undefined,
        });
        if (options.json) return printJson(page.items);
        for (const run of page.items) {
          process.stdout.write(
            `#${run.id} ${run.kind.padEnd(11)} as of ${run.asOf}  ${run.status.padEnd(7)} ${run.startedAt}` +
              `  ${run.casesEvaluated} evaluated, ${run.stepsFired} steps${run.error ? `\n    ${run.error}` : ''}\n`,
          );
        }
      });
    });
}

/** Registers every collections command (engine, worker, strategies, cases, simulate) from one place. */
export function registerCollectionsCommands(program: Command): void {
  registerEngineCommands(program);
  registerWorkerCommands(program);
  registerStrategyCommands(program);
  registerCaseCommands(program);
  registerSimulateCommands(program);
}
