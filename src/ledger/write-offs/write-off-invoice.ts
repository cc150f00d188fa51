// Write-off (坏账核销): an approved loss closes (part of) an invoice. It is a write_off row plus an
// allocation of method 'write_off', so the invoice's open amount stays derived from allocations and a
// write-off can be undone like any allocation (e.g. when the debt is recovered after all).
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { AppError, invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { insertAllocations, lockInvoices, selectLastReversals } from '../allocations/allocation-queries';
import { earliestEffectiveOn, exceedProblems } from '../allocations/allocation-rules';
import { mappingRaces } from '../allocations/conflicts';

export interface WriteOffInput {
  invoiceId: number;
  amount: number;
  writtenOffOn: string;
  reason: string;
}

export interface WriteOffView {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  customerId: number;
  currency: string;
  amount: number;
  writtenOffOn: string;
  reason: string;
  allocationId: number;
  invoiceOpenAmount: number;
}

export async function writeOffInvoice(db: Db, actor: Actor, input: WriteOffInput): Promise<WriteOffView> {
  assertCan(actor, 'payments:write');
  const reason = input.reason?.trim() ?? '';
  const problems = [];
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    problems.push({
      field: 'amount',
      value: String(input.amount),
      reason: 'must be a positive integer of minor units',
    });
  }
  if (!isValidIsoDate(input.writtenOffOn)) {
    problems.push({
      field: 'writtenOffOn',
      value: input.writtenOffOn,
      reason: 'must be a real date YYYY-MM-DD',
    });
  }
  if (!reason) problems.push({ field: 'reason', reason: 'a write-off needs a reason' });
  if (problems.length > 0) throw invalid(msg('writeOffInvalid'), problems);

  return mappingRaces(() =>
    inTransaction(db, actor, async (tx) => {
      const [invoice] = await lockInvoices(tx, actor, [input.invoiceId]);
      if (!invoice) throw notFound('Invoice', input.invoiceId);
      // The write-off is an allocation dated by the user: refused where an allocation could not start.
      const reversals = await selectLastReversals(tx, { invoiceIds: [invoice.id] });
      const earliest = earliestEffectiveOn(invoice, null, reversals);
      if (input.writtenOffOn < earliest.date) {
        throw invalid(msg('writeOffDate'), [
          {
            field: 'writtenOffOn',
            value: input.writtenOffOn,
            reason: `must be on or after ${earliest.date}: ${earliest.reason}`,
            code: 'onOrAfterBecause',
            params: { date: earliest.date, because: earliest.reason },
          },
        ]);
      }
      const exceeded = exceedProblems(input.amount, invoice.open_amount, null, invoice.currency);
      if (exceeded.length > 0) {
        const money = (value: number) => `${invoice.currency} ${formatMoney(value, invoice.currency)}`;
        throw new AppError(
          'CONFLICT',
          msg('writeOffExceeds', {
            invoice: invoice.number,
            amount: money(input.amount),
            open: money(invoice.open_amount),
          }),
          { problems: exceeded },
        );
      }
      const writeOff = await tx
        .insertInto('write_off')
        .values({
          invoice_id: invoice.id,
          amount: input.amount,
          written_off_on: input.writtenOffOn,
          reason,
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const [allocationId] = await insertAllocations(tx, [
        {
          invoice_id: invoice.id,
          write_off_id: writeOff.id,
          amount: input.amount,
          effective_on: input.writtenOffOn,
          method: 'write_off',
          created_by: actor.userId,
        },
      ]);
      return {
        id: writeOff.id,
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        customerId: invoice.customer_id,
        currency: invoice.currency,
        amount: input.amount,
        writtenOffOn: input.writtenOffOn,
        reason,
        allocationId,
        invoiceOpenAmount: invoice.open_amount - input.amount,
      };
    }),
  );
}
