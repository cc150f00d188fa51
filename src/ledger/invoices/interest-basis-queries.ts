// What late interest is computed on (src/credit): a customer's invoices still open on a date, each with
// what was applied to it (payments, credit notes, write-offs) effective up to that date. An allocation
// reversed on or before the date never counts (the payment bounced or was moved: it paid nothing); one
// reversed later counts, as it was known on that date. Scoped with rowVisible like every ledger read.
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';

export interface InterestBasisInvoice {
  id: number;
  entityId: number;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  /** Open on the as-of date. */
  openAmount: number;
  reductions: { effectiveOn: string; amount: number }[];
}

export async function selectInterestBasis(
  db: Db | Tx,
  actor: Actor,
  input: { customerId: number; asOf: string; entityId?: number },
): Promise<InterestBasisInvoice[]> {
  const applied = (asOf: string) =>
    sql<number>`coalesce((select sum(a.amount) from allocation a where a.invoice_id = invoice.id
      and a.effective_on <= ${asOf} and (a.reversed_on is null or a.reversed_on > ${asOf})), 0)::bigint`;
  let query = db
    .selectFrom('invoice')
    .select([
      'invoice.id',
      'invoice.entity_id as entityId',
      'invoice.number',
      sql<string>`invoice.issue_date::text`.as('issueDate'),
      sql<string>`invoice.due_date::text`.as('dueDate'),
      'invoice.currency',
      'invoice.amount',
      sql<number>`invoice.amount - ${applied(input.asOf)}`.as('openAmount'),
    ])
    .where('invoice.customer_id', '=', input.customerId)
    .where('invoice.issue_date', '<=', input.asOf)
    .where(sql<boolean>`invoice.amount > ${applied(input.asOf)}`)
    .where(rowVisible(actor, { customer: 'invoice.customer_id', entity: 'invoice.entity_id' }));
  if (input.entityId !== undefined) query = query.where('invoice.entity_id', '=', input.entityId);
  const invoices = await query.orderBy('invoice.due_date').orderBy('invoice.id').execute();
  if (invoices.length === 0) return [];
  const allocations = await db
    .selectFrom('allocation')
    .select([
      'allocation.invoice_id as invoiceId',
      sql<string>`allocation.effective_on::text`.as('effectiveOn'),
      'allocation.amount',
    ])
    .where(
      'allocation.invoice_id',
      'in',
      invoices.map((invoice) => invoice.id),
    )
    .where('allocation.effective_on', '<=', input.asOf)
    .where((eb) =>
      eb.or([eb('allocation.reversed_on', 'is', null), eb('allocation.reversed_on', '>', input.asOf)]),
    )
    .orderBy('allocation.effective_on')
    .execute();
  return invoices.map((invoice) => ({
    ...invoice,
    amount: Number(invoice.amount),
    openAmount: Number(invoice.openAmount),
    reductions: allocations
      .filter((allocation) => allocation.invoiceId === invoice.id)
      .map((allocation) => ({ effectiveOn: allocation.effectiveOn, amount: Number(allocation.amount) })),
  }));
}
