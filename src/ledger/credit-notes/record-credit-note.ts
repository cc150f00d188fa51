// Records a credit note (红字发票) and, by default, allocates it: to the invoice it names (invoice_number),
// then oldest due first. Idempotent by (entity, number) like payments: same data → the stored note.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { AppError, type FieldProblem, invalid, msg } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { autoAllocate } from '../allocations/auto-allocate';
import { mappingRaces } from '../allocations/conflicts';
import { assertCurrency, type PartyRef, resolveCustomer, resolveEntity } from '../payments/party-queries';
import { type CreditNoteDetail, loadCreditNoteDetail } from './credit-note-queries';

export interface RecordCreditNoteInput extends PartyRef {
  number: string;
  issueDate: string;
  currency: string;
  amount: number;
  invoiceNumber?: string | null;
  reason?: string | null;
  autoAllocate?: boolean;
}

const blankToNull = (value: string | null | undefined) => value?.trim() || null;

export async function recordCreditNote(
  db: Db,
  actor: Actor,
  input: RecordCreditNoteInput,
): Promise<{ created: boolean; creditNote: CreditNoteDetail }> {
  assertCan(actor, 'payments:write');
  const number = input.number.trim();
  const currency = input.currency.trim().toUpperCase();
  const invoiceNumber = blankToNull(input.invoiceNumber);
  const reason = blankToNull(input.reason);
  const problems: FieldProblem[] = [];
  if (number.length < 1 || number.length > 100)
    problems.push({ field: 'number', reason: 'must be 1 to 100 characters' });
  if (!isValidIsoDate(input.issueDate)) {
    problems.push({ field: 'issueDate', value: input.issueDate, reason: 'must be a real date YYYY-MM-DD' });
  }
  if (!/^[A-Z]{3}$/.test(currency))
    problems.push({ field: 'currency', value: input.currency, reason: 'ISO 4217 code' });
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    problems.push({
      field: 'amount',
      value: String(input.amount),
      reason: 'must be a positive integer of minor units',
    });
  }
  if (problems.length > 0) throw invalid(msg('creditNoteInvalid'), problems);

  return mappingRaces(() =>
    inTransaction(db, actor, async (tx) => {
      const customer = await resolveCustomer(tx, actor, input);
      const entity = await resolveEntity(tx, actor, input, customer.id);
      await assertCurrency(tx, currency);
      const inserted = await tx
        .insertInto('credit_note')
        .values({
          entity_id: entity.id,
          customer_id: customer.id,
          number,
          issue_date: input.issueDate,
          currency,
          amount: input.amount,
          invoice_number: invoiceNumber,
          reason,
        })
        .onConflict((oc) => oc.columns(['entity_id', 'number']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        const stored = await tx
          .selectFrom('credit_note')
          .selectAll()
          .where('entity_id', '=', entity.id)
          .where('number', '=', number)
          .executeTakeFirstOrThrow();
        const differences = [
          stored.customer_id !== customer.id && 'customer',
          stored.issue_date !== input.issueDate && 'issueDate',
          stored.currency !== currency && 'currency',
          stored.amount !== input.amount && 'amount',
          stored.invoice_number !== invoiceNumber && 'invoiceNumber',
          stored.reason !== reason && 'reason',
        ].filter((d): d is string => Boolean(d));
        if (differences.length > 0) {
          throw new AppError(
            'CONFLICT',
            msg('creditNoteDiffers', { number, entity: entity.code, fields: differences.join(', ') }),
            {
              problems: differences.map((field) => ({
                field,
                reason: 'differs from the stored credit note',
              })),
            },
          );
        }
        return { created: false, creditNote: await loadCreditNoteDetail(tx, actor, stored.id) };
      }
      if (input.autoAllocate !== false) await autoAllocate(tx, actor, { creditNoteIds: [inserted.id] });
      return { created: true, creditNote: await loadCreditNoteDetail(tx, actor, inserted.id) };
    }),
  );
}
