// `huikuan engine run`: one collections cycle now — every customer, or the named ones — as of a date.
import type { Command } from 'commander';
import { runCycle } from '../../collections/engine/run-cycle';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
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
}

/** Registers every collections command (engine, worker, strategies, cases, simulate) from one place. */
export function registerCollectionsCommands(program: Command): void {
  registerEngineCommands(program);
  registerWorkerCommands(program);
  registerStrategyCommands(program);
  registerCaseCommands(program);
  registerSimulateCommands(program);
}
