// Disputes (争议) with their dates: opening one marks the invoice disputed through the ledger's own use case
// (the ledger owns invoices) and records the dispute here (collections owns disputes); resolving it clears
// the mark. Disputed invoices are not dunned (the engine holds or cancels what would speak of them).
import { updateInvoice } from '../../ledger/invoices/update-invoice';
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { markCustomerChanged } from './mark-changed';

export interface DisputeView {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  openedOn: string;
  resolvedOn: string | null;
  status: 'open' | 'resolved';
  note: string | null;
}

function checkDate(field: string, value: string): void {
  if (!isValidIsoDate(value))
    throw invalid(msg('dateRequired', { field }), [{ field, value, reason: 'not a date' }]);
}

export async function openDispute(
  db: Db,
  actor: Actor,
  input: { invoiceId: number; on: string; note?: string | null },
): Promise<DisputeView> {
  assertCan(actor, 'collections:write');
  checkDate('on', input.on);
  const invoice = await updateInvoice(db, actor, {
    id: input.invoiceId,
    changes: { disputed: true },
    today: input.on,
  });
  return inTransaction(db, actor, async (tx) => {
    const row = await tx
      .insertInto('dispute')
      .values({
        invoice_id: invoice.id,
        customer_id: invoice.customerId,
        entity_id: invoice.entityId,
        opened_on: input.on,
        note: input.note ?? null,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await markCustomerChanged(tx, invoice.customerId);
    return view(row, invoice.number);
  });
}

export async function resolveDispute(
  db: Db,
  actor: Actor,
  input: { invoiceId: number; on: string },
): Promise<DisputeView> {
  assertCan(actor, 'collections:write');
  checkDate('on', input.on);
  const open = await db
    .selectFrom('dispute')
    .selectAll()
    .where('invoice_id', '=', input.invoiceId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!open) throw notFound('Dispute of invoice', input.invoiceId);
  if (input.on < open.opened_on)
    throw invalid(msg('fromAfterTo'), [{ field: 'on', value: input.on, reason: 'before it was opened' }]);
  const invoice = await updateInvoice(db, actor, {
    id: input.invoiceId,
    changes: { disputed: false },
    today: input.on,
  });
  return inTransaction(db, actor, async (tx) => {
    const row = await tx
      .updateTable('dispute')
      .set({ status: 'resolved', resolved_on: input.on })
      .where('id', '=', open.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await markCustomerChanged(tx, invoice.customerId);
    return view(row, invoice.number);
  });
}

function view(
  row: {
    id: number;
    invoice_id: number;
    opened_on: string;
    resolved_on: string | null;
    status: 'open' | 'resolved';
    note: string | null;
  },
  invoiceNumber: string,
): DisputeView {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber,
    openedOn: row.opened_on,
    resolvedOn: row.resolved_on,
    status: row.status,
    note: row.note,
  };
}
