// Reads of credit notes (红字发票 / 贷项), role-scoped.
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import type { AllocationLine } from '../payments/payment-queries';
import {
  afterPosition,
  normalizeLimit,
  parseSort,
  readCursor,
  type SortField,
  toPage,
} from '../reference/keyset';
import { containsPattern } from '../reference/like-pattern';

export interface CreditNoteView {
  id: number;
  entityId: number;
  entityCode: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  number: string;
  issueDate: string;
  currency: string;
  amount: number;
  allocatedAmount: number;
  unappliedAmount: number;
  invoiceNumber: string | null;
  reason: string | null;
}

export interface CreditNoteDetail extends CreditNoteView {
  allocations: AllocationLine[];
}

export interface CreditNoteFilters {
  customerId?: number;
  entityId?: number;
  q?: string;
  status?: 'unapplied' | 'applied' | 'all';
  from?: string;
  to?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

function baseQuery(db: Db | Tx, actor: Actor) {
  return db
    .selectFrom('credit_note')
    .innerJoin('customer', 'customer.id', 'credit_note.customer_id')
    .innerJoin('entity', 'entity.id', 'credit_note.entity_id')
    .select([
      'credit_note.id',
      'credit_note.entity_id',
      'entity.code as entity_code',
      'credit_note.customer_id',
      'customer.code as customer_code',
      'customer.name as customer_name',
      'credit_note.number',
      'credit_note.issue_date',
      'credit_note.currency',
      'credit_note.amount',
      'credit_note.allocated_amount',
      'credit_note.unapplied_amount',
      'credit_note.invoice_number',
      'credit_note.reason',
    ])
    .where(rowVisible(actor, { customer: 'credit_note.customer_id', entity: 'credit_note.entity_id' }));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toView = (row: Row): CreditNoteView => ({
  id: row.id,
  entityId: row.entity_id,
  entityCode: row.entity_code,
  customerId: row.customer_id,
  customerCode: row.customer_code,
  customerName: row.customer_name,
  number: row.number,
  issueDate: row.issue_date,
  currency: row.currency,
  amount: row.amount,
  allocatedAmount: row.allocated_amount,
  unappliedAmount: row.unapplied_amount,
  invoiceNumber: row.invoice_number,
  reason: row.reason,
});

const SORTS: Record<'issueDate' | 'amount', SortField> = {
  issueDate: { column: 'credit_note.issue_date', type: 'date' },
  amount: { column: 'credit_note.amount', type: 'int' },
};

export async function queryCreditNotes(db: Db | Tx, actor: Actor, filters: CreditNoteFilters) {
  const limit = normalizeLimit(filters.limit);
  const sort = parseSort(filters.sort, SORTS, '-issueDate', 'credit_note.id');
  const after = readCursor(filters.cursor, sort);
  let query = baseQuery(db, actor);
  if (filters.customerId !== undefined)
    query = query.where('credit_note.customer_id', '=', filters.customerId);
  if (filters.entityId !== undefined) query = query.where('credit_note.entity_id', '=', filters.entityId);
  if (filters.q?.trim())
    query = query.where('credit_note.number', 'ilike', containsPattern(filters.q.trim()));
  if (filters.from) query = query.where('credit_note.issue_date', '>=', filters.from);
  if (filters.to) query = query.where('credit_note.issue_date', '<=', filters.to);
  if (filters.status === 'unapplied') query = query.where('credit_note.unapplied_amount', '>', 0);
  if (filters.status === 'applied') query = query.where('credit_note.unapplied_amount', '=', 0);
  if (after) query = query.where(afterPosition(sort, after));
  const direction = sort.descending ? 'desc' : 'asc';
  const rows = await query
    .orderBy(sql.ref(sort.column), direction)
    .orderBy('credit_note.id', direction)
    .limit(limit + 1)
    .execute();
  const value = (row: (typeof rows)[number]) => (sort.key === 'amount' ? row.amount : row.issue_date);
  return toPage(rows, limit, sort, (row) => ({ value: value(row), id: row.id }), toView);
}

export async function loadCreditNoteDetail(db: Db | Tx, actor: Actor, id: number): Promise<CreditNoteDetail> {
  const row = await baseQuery(db, actor).where('credit_note.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Credit note', id);
  const allocations = await db
    .selectFrom('allocation')
    .innerJoin('invoice', 'invoice.id', 'allocation.invoice_id')
    .select([
      'allocation.id',
      'allocation.invoice_id',
      'invoice.number',
      'allocation.amount',
      'allocation.effective_on',
      'allocation.reversed_on',
      'allocation.method',
    ])
    .where('allocation.credit_note_id', '=', id)
    .orderBy('allocation.id')
    .execute();
  return {
    ...toView(row),
    allocations: allocations.map((a) => ({
      id: a.id,
      invoiceId: a.invoice_id,
      invoiceNumber: a.number,
      amount: a.amount,
      effectiveOn: a.effective_on,
      reversedOn: a.reversed_on,
      method: a.method,
    })),
  };
}

/** Credit notes with this number (one per entity at most), for the CLI. */
export async function findCreditNotesByNumber(db: Db | Tx, actor: Actor, number: string, entityId?: number) {
  let query = baseQuery(db, actor).where('credit_note.number', '=', number.trim());
  if (entityId !== undefined) query = query.where('credit_note.entity_id', '=', entityId);
  return (await query.orderBy('credit_note.id').execute()).map(toView);
}
