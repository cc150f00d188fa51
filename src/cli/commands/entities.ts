// `huikuan entities list|create` and `huikuan rates list|import`: reference data from the command line,
// through the same use cases as the API.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createEntity } from '../../ledger/reference/create-entity';
import { listEntities } from '../../ledger/reference/list-entities';
import { listExchangeRates } from '../../ledger/reference/list-exchange-rates';
import { type RateInput, upsertExchangeRates } from '../../ledger/reference/upsert-exchange-rates';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { invalid, msg } from '../../platform/errors';
import { printJson, withApp } from '../context';
import { formatTable } from './ledger-table';

const actor = SYSTEM_ACTOR;

/** Rate lines `from,to,date,rate` (comma, semicolon or tab); a first line that is not a rate is a header. */
export function parseRateLines(text: string): RateInput[] {
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"|"$/g, '')));
  if (rows.length > 0 && !/^\d{4}-\d{2}-\d{2}$/.test(rows[0][2] ?? '')) rows.shift();
  return rows.map((cells, index) => {
    if (cells.length !== 4) {
      throw invalid(msg('ratesLine', { line: index + 1 }), [
        {
          line: index + 1,
          field: null,
          value: cells.join(','),
          reason: 'expected 4 columns: from,to,date,rate',
          code: 'ratesColumns',
        },
      ]);
    }
    const [fromCurrency, toCurrency, rateDate, rate] = cells;
    return { fromCurrency: fromCurrency.toUpperCase(), toCurrency: toCurrency.toUpperCase(), rateDate, rate };
  });
}

export function registerEntityCommands(program: Command): void {
  const entities = program.command('entities').description('selling legal entities (法人主体 / 账套)');

  entities
    .command('list')
    .description('list entities')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withApp(async (app) => {
        const result = await listEntities(app.store.db, actor);
        if (options.json) return printJson(result);
        process.stdout.write(
          formatTable(
            [
              { header: 'Code' },
              { header: 'Name' },
              { header: 'Currency' },
              { header: 'Country' },
              { header: 'Time zone' },
            ],
            result.items.map((e) => [e.code, e.name, e.baseCurrency, e.country, e.timeZone]),
          ),
        );
      });
    });

  entities
    .command('create')
    .description('create an entity')
    .requiredOption('--code <code>', 'short code, e.g. SZ')
    .requiredOption('--name <name>', 'legal name')
    .requiredOption('--base-currency <code>', 'ISO currency of its books, e.g. CNY')
    .option('--country <cc>', 'ISO country code', 'CN')
    .option('--time-zone <zone>', 'IANA time zone', 'Asia/Shanghai')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        code: string;
        name: string;
        baseCurrency: string;
        country: string;
        timeZone: string;
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          const entity = await createEntity(app.store.db, actor, options);
          if (options.json) return printJson(entity);
          process.stdout.write(`created entity ${entity.code} (id ${entity.id}, ${entity.baseCurrency})\n`);
        });
      },
    );

  const rates = program.command('rates').description('exchange rates (汇率) used by reports');

  rates
    .command('list')
    .description('rates newest first; with --date, the rate in force on that date per pair')
    .option('--from <code>', 'from currency')
    .option('--to <code>', 'to currency')
    .option('--date <date>', 'YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action(async (options: { from?: string; to?: string; date?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const result = await listExchangeRates(app.store.db, actor, {
          from: options.from?.toUpperCase(),
          to: options.to?.toUpperCase(),
          date: options.date,
        });
        if (options.json) return printJson(result);
        process.stdout.write(
          formatTable(
            [{ header: 'From' }, { header: 'To' }, { header: 'Date' }, { header: 'Rate', align: 'right' }],
            result.items.map((r) => [r.fromCurrency, r.toCurrency, r.rateDate, r.rate]),
          ),
        );
      });
    });

  rates
    .command('import <file>')
    .description('insert or replace rates from a CSV file of from,to,date,rate (all or nothing)')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const items = parseRateLines(readFileSync(file, 'utf8'));
      await withApp(async (app) => {
        const result = await upsertExchangeRates(app.store.db, actor, { items });
        if (options.json) return printJson({ inserted: result.inserted, updated: result.updated });
        process.stdout.write(`rates: ${result.inserted} inserted, ${result.updated} replaced\n`);
      });
    });
}
