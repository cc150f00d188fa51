// `huikuan invoices list`: invoices with open amount, status and days past due.
import type { Command } from 'commander';
import type { InvoiceStatusFilter } from '../../ledger/invoices/invoice-status';
import { listInvoices } from '../../ledger/invoices/list-invoices';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { todayIn } from '../../shared/dates';
import { printJson, withApp } from '../context';
import { money } from './customers';
import { cliLimit, formatTable } from './ledger-table';

const actor = SYSTEM_ACTOR;

export function registerInvoiceCommands(program: Command): void {
  const invoices = program.command('invoices').description('invoices (应收单)');

  invoices
    .command('list')
    .description('list invoices, oldest due first')
    .option('--customer <code>', 'only this customer')
    .option('--status <status>', 'open (overdue included) | overdue | paid | all', 'all')
    .option('--q <text>', 'invoice number contains')
    .option('--currency <code>', 'only this currency')
    .option(
      '--sort <sort>',
      'dueDate | issueDate | amount | openAmount | number, "-" for descending',
      'dueDate',
    )
    .option('--limit <n>', 'page size, 1 to 500', '50')
    .option('--cursor <cursor>', 'the next page, as printed at the end of the previous one')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        customer?: string;
        status: string;
        q?: string;
        currency?: string;
        sort: string;
        limit: string;
        cursor?: string;
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          const page = await listInvoices(app.store.db, actor, {
            customerCode: options.customer,
            status: options.status as InvoiceStatusFilter,
            q: options.q,
            currency: options.currency?.toUpperCase(),
            sort: options.sort,
            limit: cliLimit(options.limit),
            cursor: options.cursor,
            today: todayIn(app.config.timeZone),
          });
          if (options.json) return printJson(page);
          process.stdout.write(
            formatTable(
              [
                { header: 'Number' },
                { header: 'Entity' },
                { header: 'Customer' },
                { header: 'Due' },
                { header: 'Status' },
                { header: 'Days', align: 'right' },
                { header: 'Amount', align: 'right' },
                { header: 'Open', align: 'right' },
              ],
              page.items.map((i) => [
                i.number,
                i.entityCode,
                `${i.customerCode} ${i.customerName}`,
                i.dueDate,
                i.disputed ? `${i.status} (disputed)` : i.status,
                String(i.daysPastDue),
                money(i.amount, i.currency),
                money(i.openAmount, i.currency),
              ]),
            ),
          );
          if (page.nextCursor) process.stdout.write(`more: --cursor ${page.nextCursor}\n`);
        });
      },
    );
}
