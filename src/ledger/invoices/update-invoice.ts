// Changes what may change on an invoice after it is recorded: dispute flag (争议), description, due date
// (an agreed extension) and order number. Amounts change only through allocations and credit notes.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { notFound } from '../../platform/errors';
import { getInvoice } from './get-invoice';
import type { InvoiceDetail } from './invoice-dto';
import { checkUpdateInvoice, type UpdateInvoiceInput } from './invoice-input';
import { selectInvoiceById } from './invoice-queries';
import { updateInvoiceRow } from './invoice-write-queries';

export async function updateInvoice(
  db: Db,
  actor: Actor,
  input: { id: number; changes: UpdateInvoiceInput; today: string },
): Promise<InvoiceDetail> {
  assertCan(actor, 'ledger:write');
  return inTransaction(db, actor, async (tx) => {
    const current = await selectInvoiceById(tx, actor, input.id);
    if (!current) throw notFound('Invoice', input.id);
    const changes = checkUpdateInvoice(input.changes, current.issueDate);
    if (Object.keys(changes).length > 0) await updateInvoiceRow(tx, current.id, changes);
    return getInvoice(tx, actor, { id: current.id, today: input.today });
  });
}
