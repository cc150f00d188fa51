// `huikuan payments list|show|record|reverse`: payments received (收款单) from the command line, through the
// same use cases as the API. Amounts are typed as decimals (1234.50) and parsed exactly.
import type { Command } from 'commander';
import { listPayments } from '../../ledger/payments/list-payments';
import { resolveCustomer, resolveEntity } from '../../ledger/payments/party-queries';
import {
  findPaymentsByReference,
  loadPaymentDetail,
  type PaymentView,
} from '../../ledger/payments/payment-queries';
import { recordPayment } from '../../ledger/payments/record-payment';
import { reversePayment } from '../../ledger/payments/reverse-payment';
import type { AppContext } from '../../platform/app';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { invalid, msg, notFound } from '../../platform/errors';
import { formatMoney, minorUnitsOf, parseAmount } from '../../shared/money';
import { printJson, withApp } from '../context';

const actor = SYSTEM_ACTOR;

export function cliAmount(text: string, currency: string, field = 'amount'): number {
  const parsed = parseAmount(text, minorUnitsOf(currency));
  if (!parsed.ok)
    throw invalid(msg('optionAmount', { option: field, reason: parsed.reason }), [
      { field, value: text, reason: parsed.reason },
    ]);
  if (parsed.minor <= 0)
    throw invalid(msg('optionPositive', { option: field }), [{ field, value: text, reason: 'not positive' }]);
  return parsed.minor;
}

/** The one payment with this reference (in --entity when given). */
export async function paymentByReference(
  app: AppContext,
  reference: string,
  entityCode?: string,
): Promise<PaymentView> {
  const db = app.store.db;
  const entityId = entityCode ? (await resolveEntity(db, actor, { entityCode })).id : undefined;
  const found = await findPaymentsByReference(db, actor, reference, entityId);
  if (found.length === 0) throw notFound('Payment', reference);
  if (found.length > 1) {
    throw invalid(
      msg('paymentInSeveralEntities', { reference, entities: found.map((p) => p.entityCode).join(', ') }),
    );
  }
  return found[0];
}

function describe(p: PaymentView): string {
  const status = p.reversedOn ? `reversed ${p.reversedOn}` : p.unappliedAmount > 0 ? 'unapplied' : 'applied';
  return [
    p.reference.padEnd(20),
    p.receivedDate,
    p.customerCode.padEnd(12),
    `${p.currency} ${formatMoney(p.amount, p.currency)}`.padStart(18),
    `unapplied ${formatMoney(p.unappliedAmount, p.currency)}`.padStart(22),
    status,
  ].join('  ');
}

export function registerPaymentCommands(program: Command): void {
  const payments = program.command('payments').description('payments received (收款单) and their allocation');

  payments
    .command('list')
    .description('list payments, newest first')
    .option('--customer <code>', 'only this customer')
    .option('--status <status>', 'unapplied | applied | reversed | all', 'all')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .action(async (options: { customer?: string; status: string; limit: string; json?: boolean }) => {
      await withApp(async (app) => {
        const db = app.store.db;
        const customerId = options.customer
          ? (await resolveCustomer(db, actor, { customerCode: options.customer })).id
          : undefined;
        if (!['unapplied', 'applied', 'reversed', 'all'].includes(options.status)) {
          throw invalid(
            msg('optionOneOfNot', {
              option: 'status',
              allowed: 'unapplied, applied, reversed, all',
              value: options.status,
            }),
          );
        }
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500)
          throw invalid(msg('optionBetween', { option: 'limit', min: 1, max: 500 }));
        const page = await listPayments(db, actor, {
          customerId,
          status: options.status as 'all',
          limit,
        });
        if (options.json) printJson(page);
        else for (const p of page.items) process.stdout.write(`${describe(p)}\n`);
      });
    });

  payments
    .command('show <reference>')
    .description('one payment and its allocations')
    .option('--entity <code>', 'selling entity, when the reference exists in several')
    .option('--json', 'print JSON')
    .action(async (reference: string, options: { entity?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const found = await paymentByReference(app, reference, options.entity);
        const detail = await loadPaymentDetail(app.store.db, actor, found.id);
        if (options.json) return printJson(detail);
        process.stdout.write(`${describe(detail)}\n`);
        for (const a of detail.allocations) {
          const state = a.reversedOn ? `reversed ${a.reversedOn}` : 'active';
          process.stdout.write(
            `  #${a.id} ${a.invoiceNumber.padEnd(16)} ${formatMoney(a.amount, detail.currency).padStart(14)}  ${a.method.padEnd(9)} ${a.effectiveOn}  ${state}\n`,
          );
        }
      });
    });

  payments
    .command('record')
    .description('record a payment and allocate it (named invoices first, then oldest due)')
    .requiredOption('--customer <code>', 'customer code')
    .requiredOption('--reference <ref>', 'bank reference, unique per entity')
    .requiredOption('--date <date>', 'received date YYYY-MM-DD')
    .requiredOption('--amount <amount>', 'amount, e.g. 1234.50')
    .option('--currency <code>', 'ISO currency', 'CNY')
    .option('--invoices <numbers>', 'invoice numbers named by the remittance, comma separated')
    .option('--entity <code>', 'selling entity (optional when there is only one)')
    .option('--method <method>', 'bank transfer, acceptance bill, cash, ...')
    .option('--note <text>', 'note')
    .option('--no-auto-allocate', 'record only; allocate later')
    .option('--json', 'print JSON')
    .action(
      async (options: {
        customer: string;
        reference: string;
        date: string;
        amount: string;
        currency: string;
        invoices?: string;
        entity?: string;
        method?: string;
        note?: string;
        autoAllocate: boolean;
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          const currency = options.currency.trim().toUpperCase();
          const result = await recordPayment(app.store.db, actor, {
            customerCode: options.customer,
            entityCode: options.entity,
            reference: options.reference,
            receivedDate: options.date,
            currency,
            amount: cliAmount(options.amount, currency),
            method: options.method,
            note: options.note,
            remittanceInvoiceNumbers: options.invoices?.split(/[,，;]/),
            autoAllocate: options.autoAllocate,
          });
          if (options.json) return printJson(result);
          const p = result.payment;
          process.stdout.write(`${result.created ? 'recorded' : 'already recorded'}: ${describe(p)}\n`);
          for (const a of p.allocations.filter((x) => !x.reversedOn)) {
            process.stdout.write(
              `  → ${a.invoiceNumber} ${formatMoney(a.amount, p.currency)} (${a.method})\n`,
            );
          }
        });
      },
    );

  payments
    .command('reverse <reference>')
    .description('reverse a bounced payment: its allocations are reversed and its invoices re-open')
    .requiredOption('--date <date>', 'reversal date YYYY-MM-DD')
    .requiredOption('--reason <text>', 'why (bounced, returned, recorded by mistake, ...)')
    .option('--entity <code>', 'selling entity, when the reference exists in several')
    .option('--json', 'print JSON')
    .action(
      async (
        reference: string,
        options: { date: string; reason: string; entity?: string; json?: boolean },
      ) => {
        await withApp(async (app) => {
          const found = await paymentByReference(app, reference, options.entity);
          const detail = await reversePayment(app.store.db, actor, {
            paymentId: found.id,
            reversedOn: options.date,
            reason: options.reason,
          });
          if (options.json) return printJson(detail);
          const reopened = detail.allocations.filter((a) => a.reversedOn === options.date).length;
          process.stdout.write(`reversed: ${describe(detail)}\n  ${reopened} allocation(s) reversed\n`);
        });
      },
    );
}
