// `huikuan customers list|show`: the customer list with balances, and one customer's picture (balances,
// contacts, open invoices with days past due), through the same use cases as the API.
import type { Command } from 'commander';
import type { CustomerSummary } from '../../ledger/customers/customer-dto';
import { getCustomerByCode } from '../../ledger/customers/get-customer';
import { listCustomers } from '../../ledger/customers/list-customers';
import { listInvoices } from '../../ledger/invoices/list-invoices';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { todayIn } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { printJson, withApp } from '../context';
import { cliLimit, formatTable } from './ledger-table';

const actor = SYSTEM_ACTOR;

export const money = (amount: number, currency: string) => `${currency} ${formatMoney(amount, currency)}`;

function balanceCells(c: CustomerSummary): [string, string, string] {
  return [
    c.balances.map((b) => money(b.openAmount, b.currency)).join('\n'),
    c.balances.map((b) => (b.overdueAmount ? money(b.overdueAmount, b.currency) : '-')).join('\n'),
    c.unapplied.map((u) => money(u.amount, u.currency)).join('\n'),
  ];
}

export function registerCustomerCommands(program: Command): void {
  const customers = program.command('customers').description('customers (客户) and their balances');

  customers
    .command('list')
    .description('list customers with open, overdue and unapplied amounts per currency')
    .option('--q <text>', 'code prefix, name substring or tax id')
    .option('--region <region>', 'only this region')
    .option('--segment <segment>', 'only this segment')
    .option('--overdue', 'only customers with an overdue invoice')
    .option('--sort <sort>', 'code | name | -code | -name', 'code')
    .option('--limit <n>', 'page size, 1 to 500', '50')
    .option('--cursor <cursor>', 'the next page, as printed at the end of the previous one')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        q?: string;
        region?: string;
        segment?: string;
        overdue?: boolean;
        sort: string;
        limit: string;
        cursor?: string;
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          const page = await listCustomers(app.store.db, actor, {
            q: options.q,
            region: options.region,
            segment: options.segment,
            overdue: options.overdue,
            sort: options.sort,
            limit: cliLimit(options.limit),
            cursor: options.cursor,
            today: todayIn(app.config.timeZone),
          });
          if (options.json) return printJson(page);
          process.stdout.write(
            formatTable(
              [
                { header: 'Code' },
                { header: 'Name' },
                { header: 'Region' },
                { header: 'Collector' },
                { header: 'Open', align: 'right' },
                { header: 'Overdue', align: 'right' },
                { header: 'Unapplied', align: 'right' },
              ],
              page.items.map((c) => [
                c.code,
                c.name,
                c.region ?? '',
                c.collector?.displayName ?? '',
                ...balanceCells(c),
              ]),
            ),
          );
          if (page.nextCursor) process.stdout.write(`more: --cursor ${page.nextCursor}\n`);
        });
      },
    );

  customers
    .command('show <code>')
    .description('one customer: balances, contacts and open invoices with days past due')
    .option('--json', 'print JSON')
    .action(async (code: string, options: { json?: boolean }) => {
      await withApp(async (app) => {
        const today = todayIn(app.config.timeZone);
        const customer = await getCustomerByCode(app.store.db, actor, { code, today });
        const open = await listInvoices(app.store.db, actor, {
          customerId: customer.id,
          status: 'open',
          sort: 'dueDate',
          limit: 500,
          today,
        });
        if (options.json)
          return printJson({ customer, openInvoices: open.items, moreOpenInvoices: !!open.nextCursor });
        const out = process.stdout;
        out.write(`${customer.code}  ${customer.name}\n`);
        const facts = [
          ['Tax id', customer.taxId],
          ['Region', [customer.region, customer.country].filter(Boolean).join(' / ')],
          ['Segment', customer.segment],
          ['Terms', customer.paymentTermsDays === null ? null : `${customer.paymentTermsDays} days`],
          ['Collector', customer.collector?.displayName],
          ['Salesperson', customer.salesperson?.displayName],
          ['Parent', customer.parent ? `${customer.parent.code} ${customer.parent.name}` : null],
          ['Oldest overdue', customer.oldestOverdueDays ? `${customer.oldestOverdueDays} days` : null],
          ['Last payment', customer.lastPaymentDate],
        ].filter(([, value]) => value);
        for (const [label, value] of facts) out.write(`  ${`${label}:`.padEnd(16)}${value}\n`);
        out.write('\nBalances\n');
        out.write(
          formatTable(
            [
              { header: 'Currency' },
              { header: 'Open', align: 'right' },
              { header: 'Overdue', align: 'right' },
              { header: 'Invoices', align: 'right' },
              { header: 'Overdue inv.', align: 'right' },
            ],
            customer.balances.map((b) => [
              b.currency,
              formatMoney(b.openAmount, b.currency),
              formatMoney(b.overdueAmount, b.currency),
              String(b.openCount),
              String(b.overdueCount),
            ]),
          ),
        );
        if (customer.unapplied.length) {
          out.write(
            `  Unapplied: ${customer.unapplied.map((u) => money(u.amount, u.currency)).join(', ')}\n`,
          );
        }
        out.write('\nContacts\n');
        out.write(
          formatTable(
            [
              { header: 'Name' },
              { header: 'Role' },
              { header: 'Mobile' },
              { header: 'Email' },
              { header: 'Notes' },
            ],
            customer.contacts.map((c) => [
              `${c.name}${c.isPrimary ? ' *' : ''}`,
              c.role,
              c.mobile ?? c.phone ?? '',
              c.email ?? '',
              [c.doNotContact ? 'do not contact' : '', c.preferredHours ?? ''].filter(Boolean).join(', '),
            ]),
          ),
        );
        out.write('\nOpen invoices\n');
        out.write(
          formatTable(
            [
              { header: 'Number' },
              { header: 'Entity' },
              { header: 'Issued' },
              { header: 'Due' },
              { header: 'Days past due', align: 'right' },
              { header: 'Amount', align: 'right' },
              { header: 'Open', align: 'right' },
              { header: 'Disputed' },
            ],
            open.items.map((i) => [
              i.number,
              i.entityCode,
              i.issueDate,
              i.dueDate,
              String(i.daysPastDue),
              money(i.amount, i.currency),
              money(i.openAmount, i.currency),
              i.disputed ? 'yes' : '',
            ]),
          ),
        );
        if (open.nextCursor)
          out.write('  (first 500 shown; use `huikuan invoices list --customer` for all)\n');
      });
    });
}
