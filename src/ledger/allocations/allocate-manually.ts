// Manual allocation (手工核销): the user applies an amount of a payment or credit note to an invoice of the
// same customer, entity and currency. Disputed invoices may be allocated by hand. An amount beyond either
// side's open amount is refused with a CONFLICT naming the amounts; if another writer takes the money
// between our check and our insert, the document's CHECK refuses it and that too is a CONFLICT.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { AppError, conflict, invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import {
  insertAllocations,
  lockCreditNotes,
  lockInvoices,
  lockPayments,
  selectLastReversals,
} from './allocation-queries';
import { earliestEffectiveOn, exceedProblems, mismatchProblems } from './allocation-rules';
import { type AllocationView, loadAllocation } from './allocation-view';
import { mappingRaces } from './conflicts';

export interface AllocateManuallyInput {
  invoiceId: number;
  paymentId?: number;
  creditNoteId?: number;
  amount: number;
  effectiveOn?: string;
}

function checkInput(input: AllocateManuallyInput): void {
  const problems = [];
  if ((input.paymentId === undefined) === (input.creditNoteId === undefined)) {
    problems.push({ field: 'paymentId', reason: 'give exactly one of paymentId and creditNoteId' });
  }
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    problems.push({
      field: 'amount',
      value: String(input.amount),
      reason: 'must be a positive integer of minor units',
    });
  }
  if (input.effectiveOn !== undefined && !isValidIsoDate(input.effectiveOn)) {
    problems.push({
      field: 'effectiveOn',
      value: input.effectiveOn,
      reason: 'must be a real date YYYY-MM-DD',
    });
  }
  if (problems.length > 0) throw invalid(msg('allocationInvalid'), problems);
}

export async function allocateManually(
  db: Db,
  actor: Actor,
  input: AllocateManuallyInput,
): Promise<AllocationView> {
  assertCan(actor, 'payments:write');
  checkInput(input);
  return mappingRaces(() =>
    inTransaction(db, actor, async (tx) => {
      // Lock order: invoice, then payment or credit note.
      const [invoice] = await lockInvoices(tx, actor, [input.invoiceId]);
      if (!invoice) throw notFound('Invoice', input.invoiceId);
      let source: {
        entity_id: number;
        customer_id: number;
        currency: string;
        unapplied_amount: number;
        date: string;
      };
      let sourceField: string;
      if (input.paymentId !== undefined) {
        const [payment] = await lockPayments(tx, actor, [input.paymentId]);
        if (!payment) throw notFound('Payment', input.paymentId);
        if (payment.reversed_on)
          throw conflict(
            msg('paymentReversed', { reference: payment.reference, date: String(payment.reversed_on) }),
          );
        source = { ...payment, date: payment.received_date };
        sourceField = 'paymentId';
      } else {
        const [note] = await lockCreditNotes(tx, actor, [input.creditNoteId!]);
        if (!note) throw notFound('Credit note', input.creditNoteId!);
        source = { ...note, date: note.issue_date };
        sourceField = 'creditNoteId';
      }
      const mismatch = mismatchProblems(invoice, source, sourceField);
      if (mismatch.length > 0) throw invalid(msg('documentsMismatch'), mismatch);
      const reversals = await selectLastReversals(tx, {
        invoiceIds: [invoice.id],
        paymentIds: input.paymentId === undefined ? [] : [input.paymentId],
        creditNoteIds: input.creditNoteId === undefined ? [] : [input.creditNoteId],
      });
      const earliest = earliestEffectiveOn(
        invoice,
        { paymentId: input.paymentId, creditNoteId: input.creditNoteId, date: source.date },
        reversals,
      );
      const effectiveOn = input.effectiveOn ?? earliest.date;
      if (effectiveOn < earliest.date) {
        throw invalid(msg('allocationDate'), [
          {
            field: 'effectiveOn',
            value: effectiveOn,
            reason: `must be on or after ${earliest.date}: ${earliest.reason}`,
            code: 'onOrAfterBecause',
            params: { date: earliest.date, because: earliest.reason },
          },
        ]);
      }
      const exceeded = exceedProblems(
        input.amount,
        invoice.open_amount,
        source.unapplied_amount,
        invoice.currency,
      );
      if (exceeded.length > 0) {
        throw new AppError(
          'CONFLICT',
          msg('allocationExceeds', {
            invoice: invoice.number,
            amount: `${invoice.currency} ${formatMoney(input.amount, invoice.currency)}`,
          }),
          { problems: exceeded },
        );
      }
      const [id] = await insertAllocations(tx, [
        {
          invoice_id: invoice.id,
          payment_id: input.paymentId ?? null,
          credit_note_id: input.creditNoteId ?? null,
          amount: input.amount,
          effective_on: effectiveOn,
          method: 'manual',
          created_by: actor.userId,
        },
      ]);
      return loadAllocation(tx, actor, id);
    }),
  );
}
