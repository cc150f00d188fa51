// Disputes (异议/争议), the one dispute model: raise one on an invoice or an amount of it with a reason code,
// give it an owner and a due date, put it in review, resolve it (credit note / rejected / partly). Collectors
// may raise them. The first dispute open on an invoice marks the invoice disputed through the ledger's own
// use case, and resolving the last one clears the mark, in the same transaction as the dispute row: the
// engine reads invoice.disputed and does not dun a disputed invoice. The days raised and resolved may be
// given (default today), so a case's history can be scripted or imported.
import { sql } from 'kysely';
import { loadCreditNoteDetail } from '../../ledger/credit-notes/credit-note-queries';
import { selectInvoiceById } from '../../ledger/invoices/invoice-queries';
import { setInvoiceDisputed } from '../../ledger/invoices/update-invoice';
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { AppError, invalid, msg, notFound } from '../../platform/errors';
import { daysBetween, isValidIsoDate } from '../../shared/dates';
import { markCustomerChanged } from '../cases/mark-changed';
import type { DisputeView, OpenDisputeInput, UpdateDisputeInput } from './dispute-dto';
import { type DisputeRow, disputeQuery, openDisputedAmount } from './dispute-queries';

export function toDisputeView(row: DisputeRow, today: string): DisputeView {
  const until = row.resolved_on ?? today;
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    customerId: row.customer_id,
    entityId: row.entity_id,
    amount: row.amount,
    currency: row.currency.trim(),
    reasonCode: row.reason_code,
    note: row.note,
    ownerDepartment: row.owner_department,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    dueOn: row.due_on,
    status: row.status,
    resolutionCode: row.resolution_code,
    resolutionNote: row.resolution_note,
    creditNoteId: row.credit_note_id,
    raisedOn: row.raised_on,
    raisedBy: row.raised_by,
    resolvedOn: row.resolved_on,
    ageDays: Math.max(0, daysBetween(row.raised_on, until)),
    overdue: row.status !== 'resolved' && row.due_on !== null && row.due_on < today,
  };
}

export async function getDispute(db: Db, actor: Actor, input: { id: number; today: string }) {
  const row = await disputeQuery(db, actor).where('d.id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('Dispute', input.id);
  return toDisputeView(row, input.today);
}

export async function listDisputes(
  db: Db,
  actor: Actor,
  input: { invoiceId?: number; customerId?: number; open?: boolean; today: string },
) {
  let query = disputeQuery(db, actor);
  if (input.invoiceId !== undefined) query = query.where('d.invoice_id', '=', input.invoiceId);
  if (input.customerId !== undefined) query = query.where('d.customer_id', '=', input.customerId);
  if (input.open) query = query.where('d.status', '<>', 'resolved');
  const rows = await query.orderBy('d.raised_on').orderBy('d.id').limit(500).execute();
  return rows.map((row) => toDisputeView(row, input.today));
}

function checkDay(field: string, value: string): void {
  if (!isValidIsoDate(value))
    throw invalid(msg('dateRequired', { field }), [{ field, value, reason: 'not a date' }]);
}

/** One writer at a time per invoice's disputes, so "the first open" and "the last open" are decided right. */
async function lockInvoiceDisputes(tx: Tx, invoiceId: number): Promise<void> {
  // One bigint key from the invoice id (the two-int form would overflow on ids past 2^31).
  await sql`select pg_advisory_xact_lock(hashtextextended('invoice_dispute:' || ${invoiceId}::text, 0))`.execute(
    tx,
  );
}

/** Raises a dispute; `raisedOn` is the day the customer raised it (default `today`). */
export async function openDispute(
  db: Db,
  actor: Actor,
  input: OpenDisputeInput & { today: string; raisedOn?: string },
) {
  assertCan(actor, 'collections:write');
  const raisedOn = input.raisedOn ?? input.today;
  checkDay('raisedOn', raisedOn);
  const id = await inTransaction(db, actor, (tx) => raiseDispute(tx, actor, { ...input, raisedOn }));
  return getDispute(db, actor, { id, today: input.today });
}

/**
 * Writes a dispute and, for the invoice's first open one, marks the invoice disputed — in the caller's
 * transaction (the use case above; the disputes import, src/collections/import-kinds.ts). Returns its id.
 */
export async function raiseDispute(
  tx: Tx,
  actor: Actor,
  input: OpenDisputeInput & { today: string; raisedOn: string },
): Promise<number> {
  const { raisedOn } = input;
  await lockInvoiceDisputes(tx, input.invoiceId);
  const invoice = await selectInvoiceById(tx, actor, input.invoiceId);
  if (!invoice) throw notFound('Invoice', input.invoiceId);
  if (raisedOn < invoice.issueDate)
    throw invalid(msg('disputeInvalid'), [
      {
        field: 'raisedOn',
        value: raisedOn,
        reason: `not before the invoice's issue date ${invoice.issueDate}`,
      },
    ]);
  const amount = input.amount ?? invoice.openAmount;
  const already = await openDisputedAmount(tx, invoice.id);
  if (amount <= 0 || amount + already > invoice.amount) {
    throw invalid(msg('disputeInvalid'), [
      {
        field: 'amount',
        value: String(amount),
        reason: `at most ${invoice.amount - already} (the invoice less its open disputes)`,
      },
    ]);
  }
  const row = await tx
    .insertInto('invoice_dispute')
    .values({
      invoice_id: invoice.id,
      customer_id: invoice.customerId,
      entity_id: invoice.entityId,
      amount,
      currency: invoice.currency,
      reason_code: input.reasonCode,
      note: input.note?.trim() || null,
      owner_department: input.ownerDepartment?.trim() || null,
      owner_user_id: input.ownerUserId ?? null,
      due_on: input.dueOn ?? null,
      raised_on: raisedOn,
      raised_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (already === 0) {
    // The first open dispute: the invoice leaves dunning.
    await setInvoiceDisputed(tx, actor, { id: invoice.id, disputed: true, today: input.today });
    await markCustomerChanged(tx, invoice.customerId);
  }
  return row.id;
}

/** Changes or resolves a dispute; `resolvedOn` is the day it was resolved (default `today`). */
export async function updateDispute(
  db: Db,
  actor: Actor,
  input: UpdateDisputeInput & { id: number; today: string; resolvedOn?: string },
) {
  assertCan(actor, 'collections:write');
  const resolvedOn = input.resolvedOn ?? input.today;
  checkDay('resolvedOn', resolvedOn);
  await inTransaction(db, actor, async (tx) => {
    const found = await disputeQuery(tx, actor).where('d.id', '=', input.id).executeTakeFirst();
    if (!found) throw notFound('Dispute', input.id);
    await lockInvoiceDisputes(tx, found.invoice_id);
    const row = await disputeQuery(tx, actor).where('d.id', '=', input.id).forUpdate('d').executeTakeFirst();
    if (!row) throw notFound('Dispute', input.id);
    if (row.status === 'resolved') throw new AppError('CONFLICT', msg('disputeResolved', { id: row.id }));
    const resolving = input.status === 'resolved' || input.resolutionCode !== undefined;
    if (resolving && resolvedOn < row.raised_on)
      throw invalid(msg('disputeInvalid'), [
        { field: 'resolvedOn', value: resolvedOn, reason: `not before it was raised (${row.raised_on})` },
      ]);
    if (resolving && !input.resolutionCode)
      throw invalid(msg('disputeInvalid'), [
        { field: 'resolutionCode', reason: 'credit_note, rejected, partly or other' },
      ]);
    if (input.creditNoteId) {
      const note = await loadCreditNoteDetail(tx, actor, input.creditNoteId);
      if (note.customerId !== row.customer_id || note.entityId !== row.entity_id)
        throw invalid(msg('disputeInvalid'), [
          {
            field: 'creditNoteId',
            value: String(input.creditNoteId),
            reason: 'a credit note of the same customer and entity',
          },
        ]);
    }
    if (input.resolutionCode === 'credit_note' && !input.creditNoteId)
      throw invalid(msg('disputeInvalid'), [
        { field: 'creditNoteId', reason: 'the credit note that resolves it' },
      ]);
    await tx
      .updateTable('invoice_dispute')
      .set({
        ...(input.ownerDepartment !== undefined
          ? { owner_department: input.ownerDepartment?.trim() || null }
          : {}),
        ...(input.ownerUserId !== undefined ? { owner_user_id: input.ownerUserId } : {}),
        ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
        ...(resolving
          ? {
              status: 'resolved' as const,
              resolution_code: input.resolutionCode,
              resolution_note: input.resolutionNote?.trim() || null,
              credit_note_id: input.creditNoteId ?? null,
              resolved_on: resolvedOn,
              resolved_by: actor.userId,
            }
          : input.status
            ? { status: input.status }
            : {}),
      })
      .where('id', '=', row.id)
      .execute();
    if (resolving && (await openDisputedAmount(tx, row.invoice_id)) === 0) {
      // The last open dispute is resolved: the invoice is dunned again.
      await setInvoiceDisputed(tx, actor, { id: row.invoice_id, disputed: false, today: input.today });
      await markCustomerChanged(tx, row.customer_id);
    }
  });
  return getDispute(db, actor, { id: input.id, today: input.today });
}
