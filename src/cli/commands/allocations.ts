// `huikuan allocate | unallocate | write-off`: manual allocation (手工核销), un-allocation and write-offs
// (坏账核销) from the command line, through the same use cases as the API.
import type { Command } from 'commander';
import { allocateManually } from '../../ledger/allocations/allocate-manually';
import { findInvoicesByNumber } from '../../ledger/allocations/allocation-queries';
import type { AllocationView } from '../../ledger/allocations/allocation-view';
import { reverseAllocation } from '../../ledger/allocations/reverse-allocation';
import { findCreditNotesByNumber } from '../../ledger/credit-notes/credit-note-queries';
import { resolveEntity } from '../../ledger/payments/party-queries';
import { writeOffInvoice } from '../../ledger/write-offs/write-off-invoice';
import type { AppContext } from '../../platform/app';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { invalid, msg, notFound } from '../../platform/errors';
import { todayIn } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { printJson, withApp } from '../context';
import { cliAmount, paymentByReference } from './payments';

const actor = SYSTEM_ACTOR;

async function invoiceByNumber(app: AppContext, number: string, entityId?: number) {
  const found = await findInvoicesByNumber(app.store.db, actor, number, entityId);
  if (found.length === 0) throw notFound('Invoice', number);
  if (found.length > 1) {
    throw invalid(
      msg('invoiceInSeveralEntities', { number, entities: found.map((i) => i.entity_code).join(', ') }),
    );
  }
  return found[0];
}

function describe(a: AllocationView): string {
  const source = a.paymentId
    ? `payment #${a.paymentId}`
    : a.creditNoteId
      ? `credit note #${a.creditNoteId}`
      : 'write-off';
  const state = a.reversedOn ? `reversed ${a.reversedOn}` : `effective ${a.effectiveOn}`;
  return `allocation #${a.id}: ${source} → ${a.invoiceNumber} ${a.currency} ${formatMoney(a.amount, a.currency)} (${a.method}, ${state}); invoice open ${formatMoney(a.invoiceOpenAmount, a.currency)}`;
}

export function registerAllocationCommands(program: Command): void {
  program
    .command('allocate')
    .description('allocate part of a payment or credit note to an invoice by hand (手工核销)')
    .option('--payment <reference>', 'the payment, by reference')
    .option('--credit-note <number>', 'or the credit note, by number')
    .requiredOption('--invoice <number>', 'the invoice, by number')
    .requiredOption('--amount <amount>', 'amount, e.g. 1234.50')
    .option('--date <date>', 'effective date (default: the payment date, or the invoice date if later)')
    .option('--entity <code>', 'selling entity, when numbers exist in several')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        payment?: string;
        creditNote?: string;
        invoice: string;
        amount: string;
        date?: string;
        entity?: string;
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          if (Boolean(options.payment) === Boolean(options.creditNote)) {
            throw invalid(msg('optionExactlyOne', { a: 'payment', b: 'credit-note' }));
          }
          const entityId = options.entity
            ? (await resolveEntity(app.store.db, actor, { entityCode: options.entity })).id
            : undefined;
          let source: { paymentId?: number; creditNoteId?: number; entityId: number; currency: string };
          if (options.payment) {
            const payment = await paymentByReference(app, options.payment, options.entity);
            source = { paymentId: payment.id, entityId: payment.entityId, currency: payment.currency };
          } else {
            const notes = await findCreditNotesByNumber(app.store.db, actor, options.creditNote!, entityId);
            if (notes.length !== 1) {
              throw notes.length === 0
                ? notFound('Credit note', options.creditNote!)
                : invalid(msg('addEntity'));
            }
            source = { creditNoteId: notes[0].id, entityId: notes[0].entityId, currency: notes[0].currency };
          }
          const invoice = await invoiceByNumber(app, options.invoice, entityId ?? source.entityId);
          const allocation = await allocateManually(app.store.db, actor, {
            invoiceId: invoice.id,
            paymentId: source.paymentId,
            creditNoteId: source.creditNoteId,
            amount: cliAmount(options.amount, source.currency),
            effectiveOn: options.date,
          });
          if (options.json) printJson(allocation);
          else process.stdout.write(`${describe(allocation)}\n`);
        });
      },
    );

  program
    .command('unallocate <allocationId>')
    .description('reverse an allocation (反核销): the invoice re-opens, the money is unapplied again')
    .option('--date <date>', 'reversal date (default today)')
    .option('--json', 'print JSON')
    .action(async (allocationId: string, options: { date?: string; json?: boolean }) => {
      if (!/^\d+$/.test(allocationId))
        throw invalid(msg('idNotNumber', { what: 'allocation', value: allocationId }));
      await withApp(async (app) => {
        const allocation = await reverseAllocation(app.store.db, actor, {
          allocationId: Number(allocationId),
          reversedOn: options.date,
          today: todayIn(app.config.timeZone),
        });
        if (options.json) printJson(allocation);
        else process.stdout.write(`${describe(allocation)}\n`);
      });
    });

  program
    .command('write-off')
    .description('write off (part of) an invoice as a bad debt (坏账核销)')
    .requiredOption('--invoice <number>', 'the invoice, by number')
    .requiredOption('--amount <amount>', 'amount, e.g. 1234.50')
    .requiredOption('--reason <text>', 'why (approval reference, court ruling, ...)')
    .option('--date <date>', 'write-off date (default today)')
    .option('--entity <code>', 'selling entity, when the number exists in several')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        invoice: string;
        amount: string;
        reason: string;
        date?: string;
        entity?: string;
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          const entityId = options.entity
            ? (await resolveEntity(app.store.db, actor, { entityCode: options.entity })).id
            : undefined;
          const invoice = await invoiceByNumber(app, options.invoice, entityId);
          const writeOff = await writeOffInvoice(app.store.db, actor, {
            invoiceId: invoice.id,
            amount: cliAmount(options.amount, invoice.currency),
            writtenOffOn: options.date ?? todayIn(app.config.timeZone),
            reason: options.reason,
          });
          if (options.json) return printJson(writeOff);
          process.stdout.write(
            `write-off #${writeOff.id}: ${writeOff.invoiceNumber} ${writeOff.currency} ${formatMoney(writeOff.amount, writeOff.currency)} on ${writeOff.writtenOffOn}; invoice open ${formatMoney(writeOff.invoiceOpenAmount, writeOff.currency)}\n`,
          );
        });
      },
    );
}
