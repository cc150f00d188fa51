// `huikuan disputes open|resolve|list`: disputes (异议/争议) from the command line, through the same use cases
// as the API. Opening the first dispute of an invoice takes it out of dunning, resolving the last puts it back;
// --on gives the day raised or resolved, so a case's history can be scripted.
import type { Command } from 'commander';
import { cliActor } from '../../auth/cli-support';
import {
  DISPUTE_REASONS,
  DISPUTE_RESOLUTIONS,
  type DisputeView,
} from '../../collections/disputes/dispute-dto';
import { listDisputes, openDispute, updateDispute } from '../../collections/disputes/disputes';
import { findInvoicesByNumber } from '../../ledger/allocations/allocation-queries';
import { findCreditNotesByNumber } from '../../ledger/credit-notes/credit-note-queries';
import type { AppContext } from '../../platform/app';
import { invalid, msg, notFound } from '../../platform/errors';
import { todayIn } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { printJson, withApp } from '../context';
import { cliAmount } from './payments';

function line(d: DisputeView): string {
  const resolution = d.resolutionCode ? ` → ${d.resolutionCode} on ${d.resolvedOn}` : '';
  const owner = [d.ownerDepartment, d.ownerName].filter(Boolean).join(' / ');
  return `#${d.id} ${d.invoiceNumber} ${d.currency} ${formatMoney(d.amount, d.currency)} ${d.reasonCode} ${d.status}${resolution} · raised ${d.raisedOn}, ${d.ageDays} days${owner ? ` · ${owner}` : ''}${d.dueOn ? ` · due ${d.dueOn}` : ''}${d.overdue ? ' (overdue)' : ''}`;
}

async function invoiceByNumber(app: AppContext, number: string) {
  const found = await findInvoicesByNumber(app.store.db, cliActor(), number);
  if (found.length !== 1)
    throw found.length === 0
      ? notFound('Invoice', number)
      : invalid(
          msg('invoiceInSeveralEntities', { number, entities: found.map((f) => f.entity_code).join(', ') }),
        );
  return found[0];
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw invalid(msg('optionOneOf', { option: option.replace(/^--/, ''), allowed: allowed.join(', ') }));
  return value as T;
}

export function registerDisputeCommands(program: Command): void {
  const disputes = program
    .command('disputes')
    .description('disputes (异议) on invoices: an invoice with an open one is not dunned');

  disputes
    .command('open')
    .description('raise a dispute on an invoice or an amount of it')
    .requiredOption('--invoice <number>', 'the invoice, by number')
    .requiredOption('--reason <code>', DISPUTE_REASONS.join(' | '))
    .option('--amount <amount>', 'disputed amount (default: the open amount)')
    .option('--owner-department <name>', 'department that resolves it')
    .option('--due <date>', 'resolve by YYYY-MM-DD')
    .option('--note <text>', 'what the customer says')
    .option('--on <date>', 'the day it was raised, YYYY-MM-DD (default today)')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        invoice: string;
        reason: string;
        amount?: string;
        ownerDepartment?: string;
        due?: string;
        note?: string;
        on?: string;
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          const invoice = await invoiceByNumber(app, options.invoice);
          const dispute = await openDispute(app.store.db, cliActor(), {
            invoiceId: invoice.id,
            reasonCode: oneOf(options.reason, DISPUTE_REASONS, '--reason')!,
            amount: options.amount ? cliAmount(options.amount, invoice.currency) : undefined,
            ownerDepartment: options.ownerDepartment,
            dueOn: options.due,
            note: options.note,
            today: todayIn(app.config.timeZone),
            raisedOn: options.on,
          });
          if (options.json) printJson(dispute);
          else process.stdout.write(`${line(dispute)}\n`);
        });
      },
    );

  disputes
    .command('resolve <id>')
    .description('resolve a dispute: credit_note (with --credit-note), rejected, partly or other')
    .requiredOption('--resolution <code>', DISPUTE_RESOLUTIONS.join(' | '))
    .option('--credit-note <number>', 'the credit note that settles it')
    .option('--note <text>', 'how it was resolved')
    .option('--on <date>', 'the day it was resolved, YYYY-MM-DD (default today)')
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        options: { resolution: string; creditNote?: string; note?: string; on?: string; json?: boolean },
      ) => {
        if (!/^\d+$/.test(id)) throw invalid(msg('idNotNumber', { what: 'dispute', value: id }));
        await withApp(async (app) => {
          let creditNoteId: number | undefined;
          if (options.creditNote) {
            const notes = await findCreditNotesByNumber(app.store.db, cliActor(), options.creditNote);
            if (notes.length !== 1) throw notFound('Credit note', options.creditNote);
            creditNoteId = notes[0].id;
          }
          const dispute = await updateDispute(app.store.db, cliActor(), {
            id: Number(id),
            resolutionCode: oneOf(options.resolution, DISPUTE_RESOLUTIONS, '--resolution'),
            creditNoteId,
            resolutionNote: options.note,
            today: todayIn(app.config.timeZone),
            resolvedOn: options.on,
          });
          if (options.json) printJson(dispute);
          else process.stdout.write(`${line(dispute)}\n`);
        });
      },
    );

  disputes
    .command('list')
    .description('disputes, oldest first, with their age')
    .option('--invoice <number>', 'of one invoice')
    .option('--open', 'only those not resolved')
    .option('--json', 'print JSON')
    .action(async (options: { invoice?: string; open?: boolean; json?: boolean }) => {
      await withApp(async (app) => {
        const invoiceId = options.invoice ? (await invoiceByNumber(app, options.invoice)).id : undefined;
        const list = await listDisputes(app.store.db, cliActor(), {
          invoiceId,
          open: options.open,
          today: todayIn(app.config.timeZone),
        });
        if (options.json) printJson(list);
        else process.stdout.write(list.map((d) => `${line(d)}\n`).join('') || 'no disputes\n');
      });
    });
}
