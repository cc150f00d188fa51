// Changes what may change on an invoice after it is recorded: dispute flag (争议), description, due date
// (an agreed extension) and order number. Amounts change only through allocations and credit notes.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
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
  return inTransaction(db, actor, (tx) => applyInvoiceUpdate(tx, actor, input));
}

/**
 * Marks the invoice disputed (争议) or not inside the caller's transaction: the way another module's use case
 * (a structured dispute raised or resolved, src/collections/disputes) changes the flag together with its own
 * rows, all or nothing. The caller's use case checks its own right (collections:write for a dispute); the
 * invoice must be visible to the actor.
 */
export async function setInvoiceDisputed(
  tx: Tx,
  actor: Actor,
  input: { id: number; disputed: boolean; today: string },
): Promise<InvoiceDetail> {
  return applyInvoiceUpdate(tx, actor, {
    id: input.id,
    changes: { disputed: input.disputed },
    today: input.today,
  });
}

async function applyInvoiceUpdate(
  tx: Tx,
  actor: Actor,
  input: { id: number; changes: UpdateInvoiceInput; today: string },
): Promise<InvoiceDetail> {
  const current = await selectInvoiceById(tx, actor, input.id);
  if (!current) throw notFound('Invoice', input.id);
  const changes = checkUpdateInvoice(input.changes, current.issueDate);
  if (Object.keys(changes).length > 0) await updateInvoiceRow(tx, current.id, changes);
  return getInvoice(tx, actor, { id: current.id, today: input.today });
}
