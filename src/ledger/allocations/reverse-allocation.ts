// Un-allocation (反核销): the allocation is reversed on a date, never deleted, so that reports as of an
// earlier date still see it. The invoice re-opens and the payment/credit note gets the money back unapplied.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, invalid, msg } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { laterDate, lockCreditNotes, lockInvoices, lockPayments } from './allocation-queries';
import { type AllocationView, loadAllocation } from './allocation-view';
import { mappingRaces } from './conflicts';

export interface ReverseAllocationInput {
  allocationId: number;
  /** Default: today, or the allocation's effective date if that is later. */
  reversedOn?: string;
  today: string;
}

export async function reverseAllocation(
  db: Db,
  actor: Actor,
  input: ReverseAllocationInput,
): Promise<AllocationView> {
  assertCan(actor, 'payments:write');
  if (input.reversedOn !== undefined && !isValidIsoDate(input.reversedOn)) {
    throw invalid(msg('reversalInvalid'), [
      { field: 'reversedOn', value: input.reversedOn, reason: 'must be a real date YYYY-MM-DD' },
    ]);
  }
  return mappingRaces(() =>
    inTransaction(db, actor, async (tx) => {
      const before = await loadAllocation(tx, actor, input.allocationId);
      // Lock order: invoice, then the payment or credit note, then the allocation row itself.
      await lockInvoices(tx, actor, [before.invoiceId]);
      if (before.paymentId) await lockPayments(tx, actor, [before.paymentId]);
      if (before.creditNoteId) await lockCreditNotes(tx, actor, [before.creditNoteId]);
      const row = await tx
        .selectFrom('allocation')
        .select(['reversed_on', 'effective_on'])
        .where('id', '=', before.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (row.reversed_on)
        throw conflict(msg('allocationAlreadyReversed', { id: before.id, date: String(row.reversed_on) }));
      const reversedOn = input.reversedOn ?? laterDate(input.today, row.effective_on);
      if (reversedOn < row.effective_on) {
        throw invalid(msg('allocationReversalDate'), [
          {
            field: 'reversedOn',
            value: reversedOn,
            reason: `must be on or after ${row.effective_on}`,
            code: 'onOrAfter',
            params: { date: row.effective_on },
          },
        ]);
      }
      await tx
        .updateTable('allocation')
        .set({ reversed_on: reversedOn })
        .where('id', '=', before.id)
        .execute();
      return loadAllocation(tx, actor, before.id);
    }),
  );
}
