// `huikuan demo`: loads the deterministic demo data set (customers, contacts, invoices, payments, credit
// notes, write-offs, orders, exchange rates) into an empty store, with a progress bar.
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { describeDemo, describeDesk } from '../../demo/describe-demo';
import { runDemoDesk } from '../../demo/live-desk';
import { loadDemo } from '../../demo/load-demo';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { invalid, msg } from '../../platform/errors';
import { todayIn } from '../../shared/dates';
import { printJson, withApp } from '../context';

const integer = (name: string) => (text: string) => {
  if (!/^\d+$/.test(text.replace(/_/g, '')))
    throw invalid(msg('optionWholeNumber', { option: name, value: text }));
  return Number(text.replace(/_/g, ''));
};

export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('load the demo data set into an empty store (refuses a store that already has customers)')
    .option('--customers <n>', 'number of customers', integer('customers'), 300)
    .option('--invoices <n>', 'number of invoices over the history', integer('invoices'), 12_000)
    .option(
      '--seed <n>',
      'random seed: the same seed and as-of date give the same data',
      integer('seed'),
      2024,
    )
    .option('--as-of <date>', 'last day of the history (YYYY-MM-DD); default today in the business time zone')
    .option('--months <n>', 'months of history', integer('months'), 24)
    .option('--no-desk', 'leave the strategies off and do not replay the collections desk')
    .option('--json', 'print the summary as JSON, without a progress bar')
    .action(
      async (options: {
        customers: number;
        invoices: number;
        seed: number;
        asOf?: string;
        months: number;
        desk: boolean;
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          const asOf = options.asOf ?? todayIn(app.config.timeZone);
          const bar =
            options.json || !process.stderr.isTTY
              ? null
              : new cliProgress.SingleBar(
                  {
                    format:
                      'demo [{bar}] {percentage}% | {value}/{total} invoices | {customers} customers | {eta_formatted}',
                  },
                  cliProgress.Presets.shades_classic,
                );
          bar?.start(options.invoices, 0, { customers: 0 });
          const summary = await loadDemo(app.store, SYSTEM_ACTOR, { ...options, asOf }, (p) =>
            bar?.update(p.invoicesDone, { customers: p.customersDone }),
          );
          bar?.stop();
          // The shipped strategies on and the last weeks of the collections desk replayed (live-desk.ts).
          const desk = options.desk ? await runDemoDesk(app.store.db, { asOf, seed: options.seed }) : null;
          if (options.json) printJson({ ...summary, desk });
          else {
            process.stdout.write(describeDemo(summary, app.store.kind));
            if (desk) process.stdout.write(describeDesk(desk));
          }
        });
      },
    );
}
