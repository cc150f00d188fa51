// Invoice inserts and updates. Open amounts are never written: they derive from allocations.
import type { Tx } from '../../platform/db/store';
import type { UpdateInvoiceInput } from './invoice-input';

export interface NewInvoice {
  entityId: number;
  customerId: number;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  orderNumber: string | null | undefined;
  description: string | null | undefined;
  disputed: boolean | undefined;
}

export async function insertInvoice(tx: Tx, invoice: NewInvoice): Promise<number> {
  const row = await tx
    .insertInto('invoice')
    .values({
      entity_id: invoice.entityId,
      customer_id: invoice.customerId,
      number: invoice.number,
      issue_date: invoice.issueDate,
      due_date: invoice.dueDate,
      currency: invoice.currency,
      amount: invoice.amount,
      order_number: invoice.orderNumber ?? null,
      description: invoice.description ?? null,
      disputed: invoice.disputed,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateInvoiceRow(tx: Tx, id: number, changes: UpdateInvoiceInput): Promise<void> {
  await tx
    .updateTable('invoice')
    .set({
      disputed: changes.disputed,
      description: changes.description,
      due_date: changes.dueDate,
      order_number: changes.orderNumber,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function invoiceNumberTaken(tx: Tx, entityId: number, number: string): Promise<boolean> {
  const row = await tx
    .selectFrom('invoice')
    .select('id')
    .where('entity_id', '=', entityId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row !== undefined;
}
