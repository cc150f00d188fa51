// Invoice (应收单) reads. Every query is scoped by customer and by entity, so a collector sees only the
// invoices of assigned customers, in lists, details and searches alike.
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { afterPosition, type KeysetPosition, type Sort } from '../reference/keyset';
import { containsPattern } from '../reference/like-pattern';
import type { InvoiceStatusFilter } from './invoice-status';

export interface InvoiceFilter {
  customerId?: number;
  entityId?: number;
  status?: InvoiceStatusFilter;
  /** Invoice number contains (trigram index invoice_number_trgm). */
  q?: string;
  dueFrom?: string;
  dueTo?: string;
  currency?: string;
  disputed?: boolean;
  today: string;
}

export const INVOICE_SORTS = {
  dueDate: { column: 'invoice.due_date', type: 'date' },
  issueDate: { column: 'invoice.issue_date', type: 'date' },
  amount: { column: 'invoice.amount', type: 'int' },
  openAmount: { column: 'invoice.open_amount', type: 'int' },
  number: { column: 'invoice.number', type: 'text' },
} as const;

export function invoiceBaseQuery(db: Db | Tx, actor: Actor) {
  return db
    .selectFrom('invoice')
    .innerJoin('entity', 'entity.id', 'invoice.entity_id')
    .innerJoin('customer', 'customer.id', 'invoice.customer_id')
    .select([
      'invoice.id',
      'invoice.entity_id as entityId',
      'entity.code as entityCode',
      'invoice.customer_id as customerId',
      'customer.code as customerCode',
      'customer.name as customerName',
      'invoice.number',
      'invoice.issue_date as issueDate',
      'invoice.due_date as dueDate',
      'invoice.currency',
      'invoice.amount',
      'invoice.allocated_amount as allocatedAmount',
      'invoice.open_amount as openAmount',
      'invoice.disputed',
      'invoice.order_number as orderNumber',
      'invoice.description',
    ])
    .where(rowVisible(actor, { customer: 'invoice.customer_id', entity: 'invoice.entity_id' }));
}

export type InvoiceRow = Awaited<ReturnType<ReturnType<typeof invoiceBaseQuery>['executeTakeFirstOrThrow']>>;

export function selectInvoicePage(
  db: Db | Tx,
  actor: Actor,
  filter: InvoiceFilter,
  sort: Sort,
  after: KeysetPosition | null,
  limit: number,
): Promise<InvoiceRow[]> {
  let query = invoiceBaseQuery(db, actor);
  if (filter.customerId !== undefined) query = query.where('invoice.customer_id', '=', filter.customerId);
  if (filter.entityId !== undefined) query = query.where('invoice.entity_id', '=', filter.entityId);
  if (filter.currency) query = query.where('invoice.currency', '=', filter.currency);
  if (filter.disputed !== undefined) query = query.where('invoice.disputed', '=', filter.disputed);
  if (filter.dueFrom) query = query.where('invoice.due_date', '>=', filter.dueFrom);
  if (filter.dueTo) query = query.where('invoice.due_date', '<=', filter.dueTo);
  if (filter.q?.trim()) {
    const pattern = containsPattern(filter.q.trim());
    query = query.where(sql<boolean>`invoice.number ilike ${pattern}`);
  }
  // Written exactly as the partial indexes' predicate (allocated_amount < amount) so they apply.
  if (filter.status === 'open' || filter.status === 'overdue') {
    query = query.whereRef('invoice.allocated_amount', '<', 'invoice.amount');
  }
  if (filter.status === 'overdue') query = query.where('invoice.due_date', '<', filter.today);
  if (filter.status === 'paid') query = query.whereRef('invoice.allocated_amount', '=', 'invoice.amount');
  if (after) query = query.where(afterPosition(sort, after));
  const direction = sort.descending ? 'desc' : 'asc';
  return query
    .orderBy(sql.ref(sort.column), direction)
    .orderBy('invoice.id', direction)
    .limit(limit + 1)
    .execute();
}

export function selectInvoiceById(db: Db | Tx, actor: Actor, id: number): Promise<InvoiceRow | undefined> {
  return invoiceBaseQuery(db, actor).where('invoice.id', '=', id).executeTakeFirst();
}

export interface AllocationRow {
  id: number;
  amount: number;
  effectiveOn: string;
  reversedOn: string | null;
  method: string;
  paymentId: number | null;
  paymentReference: string | null;
  creditNoteId: number | null;
  creditNoteNumber: string | null;
  writeOffId: number | null;
  writeOffReason: string | null;
}

/** Every allocation of an invoice (核销记录), reversed ones included, oldest first. */
export function selectInvoiceAllocations(db: Db | Tx, invoiceId: number): Promise<AllocationRow[]> {
  return db
    .selectFrom('allocation')
    .leftJoin('payment', 'payment.id', 'allocation.payment_id')
    .leftJoin('credit_note', 'credit_note.id', 'allocation.credit_note_id')
    .leftJoin('write_off', 'write_off.id', 'allocation.write_off_id')
    .select([
      'allocation.id',
      'allocation.amount',
      'allocation.effective_on as effectiveOn',
      'allocation.reversed_on as reversedOn',
      'allocation.method',
      'allocation.payment_id as paymentId',
      'payment.reference as paymentReference',
      'allocation.credit_note_id as creditNoteId',
      'credit_note.number as creditNoteNumber',
      'allocation.write_off_id as writeOffId',
      'write_off.reason as writeOffReason',
    ])
    .where('allocation.invoice_id', '=', invoiceId)
    .orderBy('allocation.effective_on')
    .orderBy('allocation.id')
    .execute();
}

export interface OpenInvoiceOn {
  id: number;
  entityId: number;
  entityCode: string;
  country: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  number: string;
  dueDate: string;
  currency: string;
  amount: number;
  openAmount: number;
}

/** Invoices issued by the date with something still open on it (allocations effective and not reversed then). */
export async function selectInvoicesOpenOn(
  db: Db | Tx,
  actor: Actor,
  filter: { asOf: string; entityId?: number; customerId?: number },
): Promise<OpenInvoiceOn[]> {
  const { rows } = await sql<OpenInvoiceOn>`
    select i.id, i.entity_id as "entityId", e.code as "entityCode", e.country, i.customer_id as "customerId",
           c.code as "customerCode", c.name as "customerName", i.number, i.due_date::text as "dueDate", i.currency,
           i.amount, i.amount - coalesce(a.settled, 0) as "openAmount"
      from invoice i
      join entity e on e.id = i.entity_id
      join customer c on c.id = i.customer_id
      left join lateral (
        select sum(al.amount)::bigint as settled from allocation al
         where al.invoice_id = i.id and al.effective_on <= ${filter.asOf}
           and (al.reversed_on is null or al.reversed_on > ${filter.asOf})
      ) a on true
     where ${rowVisible(actor, { customer: 'i.customer_id', entity: 'i.entity_id' })}
       and i.issue_date <= ${filter.asOf}
       and i.amount > coalesce(a.settled, 0)
       ${filter.entityId !== undefined ? sql`and i.entity_id = ${filter.entityId}` : sql``}
       ${filter.customerId !== undefined ? sql`and i.customer_id = ${filter.customerId}` : sql``}
     order by i.due_date, i.id`.execute(db);
  return rows.map((r) => ({ ...r, amount: Number(r.amount), openAmount: Number(r.openAmount) }));
}

export interface InvoicePaymentOn {
  invoiceId: number;
  paymentId: number;
  reference: string;
  receivedDate: string;
  amount: number;
}

/** Payments allocated to these invoices, received by the date and not reversed by then (partial payments). */
export async function selectInvoicePaymentsOn(
  db: Db | Tx,
  invoiceIds: readonly number[],
  asOf: string,
): Promise<InvoicePaymentOn[]> {
  if (invoiceIds.length === 0) return [];
  const { rows } = await sql<InvoicePaymentOn>`
    select al.invoice_id as "invoiceId", p.id as "paymentId", p.reference, p.received_date::text as "receivedDate",
           al.amount
      from allocation al join payment p on p.id = al.payment_id
     where al.invoice_id = any(${[...invoiceIds]}::bigint[])
       and p.received_date <= ${asOf}
       and (al.reversed_on is null or al.reversed_on > ${asOf})
       and (p.reversed_on is null or p.reversed_on > ${asOf})
     order by p.received_date, p.id`.execute(db);
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** The invoice an entity's number names, as the actor sees it (the disputes import finds its invoices so). */
export async function selectInvoiceIdByNumber(
  db: Db | Tx,
  actor: Actor,
  entityId: number,
  number: string,
): Promise<number | null> {
  const row = await invoiceBaseQuery(db, actor)
    .where('invoice.entity_id', '=', entityId)
    .where('invoice.number', '=', number)
    .executeTakeFirst();
  return row?.id ?? null;
}
