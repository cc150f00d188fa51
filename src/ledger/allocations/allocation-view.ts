// One allocation as the API shows it, with the open amounts of both sides after the change, so the
// allocation screen can refresh without another round trip.
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { notFound } from '../../platform/errors';

export interface AllocationView {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  customerId: number;
  currency: string;
  paymentId: number | null;
  creditNoteId: number | null;
  writeOffId: number | null;
  amount: number;
  effectiveOn: string;
  reversedOn: string | null;
  method: string;
  invoiceOpenAmount: number;
  /** Unapplied amount of the payment or credit note; null for a write-off. */
  sourceUnappliedAmount: number | null;
}

export async function loadAllocation(db: Db | Tx, actor: Actor, id: number): Promise<AllocationView> {
  const row = await db
    .selectFrom('allocation')
    .innerJoin('invoice', 'invoice.id', 'allocation.invoice_id')
    .leftJoin('payment', 'payment.id', 'allocation.payment_id')
    .leftJoin('credit_note', 'credit_note.id', 'allocation.credit_note_id')
    .select([
      'allocation.id',
      'allocation.invoice_id',
      'invoice.number as invoice_number',
      'invoice.customer_id',
      'invoice.currency',
      'allocation.payment_id',
      'allocation.credit_note_id',
      'allocation.write_off_id',
      'allocation.amount',
      'allocation.effective_on',
      'allocation.reversed_on',
      'allocation.method',
      'invoice.open_amount',
      'payment.unapplied_amount as payment_unapplied',
      'credit_note.unapplied_amount as credit_note_unapplied',
    ])
    .where('allocation.id', '=', id)
    .where(rowVisible(actor, { customer: 'invoice.customer_id', entity: 'invoice.entity_id' }))
    .executeTakeFirst();
  if (!row) throw notFound('Allocation', id);
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    customerId: row.customer_id,
    currency: row.currency,
    paymentId: row.payment_id,
    creditNoteId: row.credit_note_id,
    writeOffId: row.write_off_id,
    amount: row.amount,
    effectiveOn: row.effective_on,
    reversedOn: row.reversed_on,
    method: row.method,
    invoiceOpenAmount: row.open_amount,
    sourceUnappliedAmount: row.payment_unapplied ?? row.credit_note_unapplied ?? null,
  };
}
