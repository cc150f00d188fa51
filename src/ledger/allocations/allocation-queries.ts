// Queries for allocation (核销): locking the documents an allocation touches and inserting allocations.
// Lock order everywhere is invoices (by id) → payments (by id) → credit notes (by id), the same order in
// which the `allocation` trigger updates them, so that concurrent writers queue instead of deadlocking.
import { type Expression, type SqlBool, sql } from 'kysely';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { AllocationMethod } from '../../platform/db/schema';
import type { Db, Tx } from '../../platform/db/store';
import type { LastReversals } from './allocation-rules';

/** `column = any($ids)`: one bind parameter however many ids (thousands from an import). */
export function idIn(column: string, ids: readonly number[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} = any(${[...ids]}::bigint[])`;
}

export interface LockedInvoice {
  id: number;
  entity_id: number;
  customer_id: number;
  number: string;
  issue_date: string;
  due_date: string;
  currency: string;
  amount: number;
  open_amount: number;
  disputed: boolean;
}

const invoiceColumns = [
  'invoice.id',
  'invoice.entity_id',
  'invoice.customer_id',
  'invoice.number',
  'invoice.issue_date',
  'invoice.due_date',
  'invoice.currency',
  'invoice.amount',
  'invoice.open_amount',
  'invoice.disputed',
] as const;

/** Open invoices of these customers, locked in id order (the partial index on open invoices serves it). */
export async function lockOpenInvoicesOfCustomers(
  db: Db | Tx,
  actor: Actor,
  customerIds: readonly number[],
): Promise<LockedInvoice[]> {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('invoice')
    .select(invoiceColumns)
    .where(idIn('invoice.customer_id', customerIds))
    .where(sql<SqlBool>`invoice.allocated_amount < invoice.amount`)
    .where(rowVisible(actor, { customer: 'invoice.customer_id', entity: 'invoice.entity_id' }))
    .orderBy('invoice.id')
    .forUpdate()
    .execute();
}

/** Invoices by id, locked in id order; invisible or missing ones are simply absent. */
export async function lockInvoices(
  db: Db | Tx,
  actor: Actor,
  ids: readonly number[],
): Promise<LockedInvoice[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('invoice')
    .select(invoiceColumns)
    .where(idIn('invoice.id', ids))
    .where(rowVisible(actor, { customer: 'invoice.customer_id', entity: 'invoice.entity_id' }))
    .orderBy('invoice.id')
    .forUpdate()
    .execute();
}

export async function lockPayments(db: Db | Tx, actor: Actor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('payment')
    .select([
      'id',
      'entity_id',
      'customer_id',
      'reference',
      'received_date',
      'currency',
      'amount',
      'unapplied_amount',
      'remittance_invoice_numbers',
      'reversed_on',
    ])
    .where(idIn('payment.id', ids))
    .where(rowVisible(actor, { customer: 'payment.customer_id', entity: 'payment.entity_id' }))
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function lockCreditNotes(db: Db | Tx, actor: Actor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('credit_note')
    .select([
      'id',
      'entity_id',
      'customer_id',
      'number',
      'issue_date',
      'currency',
      'amount',
      'unapplied_amount',
      'invoice_number',
    ])
    .where(idIn('credit_note.id', ids))
    .where(rowVisible(actor, { customer: 'credit_note.customer_id', entity: 'credit_note.entity_id' }))
    .orderBy('id')
    .forUpdate()
    .execute();
}

export interface NewAllocation {
  invoice_id: number;
  payment_id?: number | null;
  credit_note_id?: number | null;
  write_off_id?: number | null;
  amount: number;
  effective_on: string;
  method: AllocationMethod;
  created_by: number | null;
}

// 8 columns per row: 2,000 rows stay far below PostgreSQL's 65,535 bind parameters, and each statement
// fires the statement-level trigger once.
const INSERT_CHUNK = 2_000;

/** Inserts allocations in bulk; returns the new ids in input order. */
export async function insertAllocations(db: Db | Tx, rows: readonly NewAllocation[]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK).map((row) => ({
      invoice_id: row.invoice_id,
      payment_id: row.payment_id ?? null,
      credit_note_id: row.credit_note_id ?? null,
      write_off_id: row.write_off_id ?? null,
      amount: row.amount,
      effective_on: row.effective_on,
      method: row.method,
      created_by: row.created_by,
    }));
    const inserted = await db.insertInto('allocation').values(chunk).returning('id').execute();
    for (const row of inserted) ids.push(row.id);
  }
  return ids;
}

/**
 * The last reversal date of earlier allocations of these invoices, payments and credit notes, for
 * earliestEffectiveOn(). An allocation reversed on its own effective date was never in effect and does not
 * count (the history import voids a stale settlement that way). Call it after locking the documents: every
 * reversal locks them too, so none can slip in before the new allocation is inserted.
 */
export async function selectLastReversals(
  db: Db | Tx,
  ids: { invoiceIds: readonly number[]; paymentIds?: readonly number[]; creditNoteIds?: readonly number[] },
): Promise<LastReversals> {
  const reversals = {
    invoice: new Map<number, string>(),
    payment: new Map<number, string>(),
    creditNote: new Map<number, string>(),
  };
  const { rows } = await sql<{ kind: keyof LastReversals; id: number; last: string }>`
    select 'invoice' as kind, invoice_id as id, max(reversed_on)::text as last from allocation
     where invoice_id = any(${[...ids.invoiceIds]}::bigint[]) and reversed_on > effective_on group by invoice_id
    union all
    select 'payment', payment_id, max(reversed_on)::text from allocation
     where payment_id = any(${[...(ids.paymentIds ?? [])]}::bigint[]) and reversed_on > effective_on group by payment_id
    union all
    select 'creditNote', credit_note_id, max(reversed_on)::text from allocation
     where credit_note_id = any(${[...(ids.creditNoteIds ?? [])]}::bigint[]) and reversed_on > effective_on
     group by credit_note_id`.execute(db);
  for (const row of rows) reversals[row.kind].set(row.id, row.last);
  return reversals;
}

/** The later of two ISO dates. */
export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** Invoices with this number (one per entity at most), for the CLI's `--invoice NUM`. */
export async function findInvoicesByNumber(db: Db | Tx, actor: Actor, number: string, entityId?: number) {
  let query = db
    .selectFrom('invoice')
    .innerJoin('entity', 'entity.id', 'invoice.entity_id')
    .select(['invoice.id', 'invoice.entity_id', 'entity.code as entity_code', 'invoice.currency'])
    .where('invoice.number', '=', number.trim())
    .where(rowVisible(actor, { customer: 'invoice.customer_id', entity: 'invoice.entity_id' }));
  if (entityId !== undefined) query = query.where('invoice.entity_id', '=', entityId);
  return query.orderBy('invoice.id').execute();
}
