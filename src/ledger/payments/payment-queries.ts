// Reads of payments (收款单) for lists, details and the CLI, always within what the actor may see.
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import {
  afterPosition,
  normalizeLimit,
  parseSort,
  readCursor,
  type SortField,
  toPage,
} from '../reference/keyset';
import { containsPattern } from '../reference/like-pattern';

export interface PaymentView {
  id: number;
  entityId: number;
  entityCode: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  reference: string;
  receivedDate: string;
  currency: string;
  amount: number;
  allocatedAmount: number;
  /** Cash still to apply; 0 for a reversed (bounced) payment, which is no cash at all. */
  unappliedAmount: number;
  method: string | null;
  remittanceInvoiceNumbers: string[];
  note: string | null;
  reversedOn: string | null;
  reversalReason: string | null;
}

export interface AllocationLine {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  amount: number;
  effectiveOn: string;
  reversedOn: string | null;
  method: string;
}

export interface PaymentDetail extends PaymentView {
  allocations: AllocationLine[];
}

export interface PaymentFilters {
  customerId?: number;
  entityId?: number;
  q?: string;
  status?: 'unapplied' | 'applied' | 'reversed' | 'all';
  from?: string;
  to?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

function basePaymentQuery(db: Db | Tx, actor: Actor) {
  return db
    .selectFrom('payment')
    .innerJoin('customer', 'customer.id', 'payment.customer_id')
    .innerJoin('entity', 'entity.id', 'payment.entity_id')
    .select([
      'payment.id',
      'payment.entity_id',
      'entity.code as entity_code',
      'payment.customer_id',
      'customer.code as customer_code',
      'customer.name as customer_name',
      'payment.reference',
      'payment.received_date',
      'payment.currency',
      'payment.amount',
      'payment.allocated_amount',
      'payment.unapplied_amount',
      'payment.method',
      'payment.remittance_invoice_numbers',
      'payment.note',
      'payment.reversed_on',
      'payment.reversal_reason',
    ])
    .where(rowVisible(actor, { customer: 'payment.customer_id', entity: 'payment.entity_id' }));
}

type PaymentRow = Awaited<ReturnType<ReturnType<typeof basePaymentQuery>['executeTakeFirstOrThrow']>>;

function toView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    entityId: row.entity_id,
    entityCode: row.entity_code,
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    reference: row.reference,
    receivedDate: row.received_date,
    currency: row.currency,
    amount: row.amount,
    allocatedAmount: row.allocated_amount,
    unappliedAmount: row.reversed_on ? 0 : row.unapplied_amount,
    method: row.method,
    remittanceInvoiceNumbers: row.remittance_invoice_numbers ?? [],
    note: row.note,
    reversedOn: row.reversed_on,
    reversalReason: row.reversal_reason,
  };
}

const SORTS: Record<'receivedDate' | 'amount', SortField> = {
  receivedDate: { column: 'payment.received_date', type: 'date' },
  amount: { column: 'payment.amount', type: 'int' },
};

export async function queryPayments(db: Db | Tx, actor: Actor, filters: PaymentFilters) {
  const limit = normalizeLimit(filters.limit);
  const sort = parseSort(filters.sort, SORTS, '-receivedDate', 'payment.id');
  // A cursor carries its sort: one made for another sort is refused, not read as a wrong position.
  const after = readCursor(filters.cursor, sort);
  let query = basePaymentQuery(db, actor);
  if (filters.customerId !== undefined) query = query.where('payment.customer_id', '=', filters.customerId);
  if (filters.entityId !== undefined) query = query.where('payment.entity_id', '=', filters.entityId);
  if (filters.q?.trim()) query = query.where('payment.reference', 'ilike', containsPattern(filters.q.trim()));
  if (filters.from) query = query.where('payment.received_date', '>=', filters.from);
  if (filters.to) query = query.where('payment.received_date', '<=', filters.to);
  switch (filters.status ?? 'all') {
    case 'unapplied':
      query = query.where('payment.reversed_on', 'is', null).where('payment.unapplied_amount', '>', 0);
      break;
    case 'applied':
      query = query.where('payment.reversed_on', 'is', null).where('payment.unapplied_amount', '=', 0);
      break;
    case 'reversed':
      query = query.where('payment.reversed_on', 'is not', null);
      break;
  }
  if (after) query = query.where(afterPosition(sort, after));
  const direction = sort.descending ? 'desc' : 'asc';
  const rows = await query
    .orderBy(sql.ref(sort.column), direction)
    .orderBy('payment.id', direction)
    .limit(limit + 1)
    .execute();
  const value = (row: PaymentRow) => (sort.key === 'amount' ? row.amount : row.received_date);
  return toPage(rows, limit, sort, (row) => ({ value: value(row), id: row.id }), toView);
}

export async function allocationsOfPayment(db: Db | Tx, paymentId: number): Promise<AllocationLine[]> {
  const rows = await db
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
    .where('allocation.payment_id', '=', paymentId)
    .orderBy('allocation.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.number,
    amount: row.amount,
    effectiveOn: row.effective_on,
    reversedOn: row.reversed_on,
    method: row.method,
  }));
}

export async function findPayment(db: Db | Tx, actor: Actor, id: number): Promise<PaymentView | null> {
  const row = await basePaymentQuery(db, actor).where('payment.id', '=', id).executeTakeFirst();
  return row ? toView(row) : null;
}

export async function loadPaymentDetail(db: Db | Tx, actor: Actor, id: number): Promise<PaymentDetail> {
  const payment = await findPayment(db, actor, id);
  if (!payment) throw notFound('Payment', id);
  return { ...payment, allocations: await allocationsOfPayment(db, id) };
}

/** Payments with this reference (one per entity at most), for the CLI. */
export async function findPaymentsByReference(
  db: Db | Tx,
  actor: Actor,
  reference: string,
  entityId?: number,
) {
  let query = basePaymentQuery(db, actor).where('payment.reference', '=', reference.trim());
  if (entityId !== undefined) query = query.where('payment.entity_id', '=', entityId);
  return (await query.orderBy('payment.id').execute()).map(toView);
}
