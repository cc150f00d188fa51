// `huikuan simulate --from DATE --days N --strategy A [--strategy B]`: replays the engine day by day on a
// copy of the data per strategy and prints the comparison (the real data is never touched).
import type { Command } from 'commander';
import { type SimulationResult, simulate } from '../../collections/simulator/simulate';
import { validateSimulationParams } from '../../collections/simulator/simulation-jobs';
import { formatMoney } from '../../shared/money';
import { printJson, withApp } from '../context';

function table(result: SimulationResult): string {
  // null: the amount needs an exchange rate the store does not have (listed above the table).
  const money = (minor: number | null) => (minor === null ? '—' : formatMoney(minor, result.reportCurrency));
  const rows = [
    ['strategy', 'collected', 'overdue end', 'open end', 'DSO', 'messages', 'tasks', 'promises kept/broken'],
    ...result.strategies.map((s) => [
      s.version ? `${s.name} v${s.version}` : s.name,
      money(s.collected),
      money(s.overdueEnd),
      money(s.openEnd),
      s.dso === null ? '—' : `${s.dso.toFixed(1)} days`,
      `${s.messages.total} (${s.messages.email} email, ${s.messages.sms} sms, ${s.messages.letter} letter)`,
      String(s.tasks.total),
      `${s.promises.kept}/${s.promises.broken} of ${s.promises.made}`,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function registerSimulateCommands(program: Command): void {
  program
    .command('simulate')
    .description('compare collection strategies on a copy of the data, day by day')
    .requiredOption('--from <date>', 'first simulated day')
    .requiredOption('--days <n>', 'number of days')
    .requiredOption('--strategy <name...>', 'strategies to compare ("none" = nobody chases)')
    .option('--seed <n>', 'random seed for customer behaviour', '1')
    .option('--max-customers <n>', 'sample a large ledger down to this many customers', '3000')
    .option('--report-currency <code>', 'amounts in this currency (default: the first entity currency)')
    .option('--json', 'print JSON (with the daily series)')
    .action(
      async (options: {
        from: string;
        days: string;
        strategy: string[];
        seed: string;
        maxCustomers: string;
        reportCurrency?: string;
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          const params = validateSimulationParams({
            from: options.from,
            days: Number(options.days),
            strategies: options.strategy,
            seed: Number(options.seed),
            maxCustomers: Number(options.maxCustomers),
            reportCurrency: options.reportCurrency,
          });
          const result = await simulate(app.store.db, params, (name, day, days) => {
            if (!options.json && (day === days || day % 10 === 0))
              process.stderr.write(`  ${name}: day ${day}/${days}\n`);
          });
          if (options.json) return printJson(result);
          const missing = result.missingRates.length
            ? `no exchange rate for ${result.missingRates.join(', ')}: amounts that need it are unknown (—)\n`
            : '';
          process.stdout.write(
            `simulated ${result.from} … ${result.to} (${result.days} days), ${result.customers} customers` +
              `${result.sampled ? ' (sampled)' : ''}, ${result.invoices} invoices; amounts in ${result.reportCurrency}\n` +
              `${missing}\n${table(result)}\n`,
          );
        });
      },
    );
}
