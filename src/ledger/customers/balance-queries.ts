// Balances of a page of customers, per currency, in two set-based queries: open and overdue invoice
// amounts (from the partial index invoice_customer_open, so paid invoices are never read) and unapplied
// cash (未核销: payments and credit notes not yet allocated). Amounts in different currencies are never
// added together.
import { sql } from 'kysely';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';

export interface Balance {
  currency: string;
  openAmount: number;
  overdueAmount: number;
  openCount: number;
  overdueCount: number;
}

export interface BalanceRow extends Balance {
  customerId: number;
  /** Due date of the oldest overdue open invoice in this currency, or null. */
  oldestOverdueDue: string | null;
}

export interface Unapplied {
  currency: string;
  amount: number;
}

export async function selectBalances(
  db: Db | Tx,
  actor: Actor,
  customerIds: number[],
  today: string,
): Promise<BalanceRow[]> {
  if (customerIds.length === 0) return [];
  return balancesQuery(db, actor, customerIds, today).execute();
}

/** The statement of selectBalances (for a non-empty list), to run alone or inside another (customer detail). */
export function balancesQuery(db: Db | Tx, actor: Actor, customerIds: number[], today: string) {
  const overdue = sql<boolean>`invoice.due_date < ${today}::date`;
  return (
    db
      .selectFrom('invoice')
      .select([
        'invoice.customer_id as customerId',
        'invoice.currency',
        sql<number>`sum(invoice.open_amount)::bigint`.as('openAmount'),
        sql<number>`coalesce(sum(invoice.open_amount) filter (where ${overdue}), 0)::bigint`.as(
          'overdueAmount',
        ),
        sql<number>`count(*)::int`.as('openCount'),
        sql<number>`(count(*) filter (where ${overdue}))::int`.as('overdueCount'),
        sql<string | null>`min(invoice.due_date) filter (where ${overdue})`.as('oldestOverdueDue'),
      ])
      .where('invoice.customer_id', 'in', customerIds)
      // Same predicate as the partial index invoice_customer_open, so the planner can use it.
      .whereRef('invoice.allocated_amount', '<', 'invoice.amount')
      .where(rowVisible(actor, { customer: null, entity: 'invoice.entity_id' }))
      .groupBy(['invoice.customer_id', 'invoice.currency'])
      .orderBy('invoice.customer_id')
      .orderBy('invoice.currency')
  );
}

export async function selectUnapplied(
  db: Db | Tx,
  actor: Actor,
  customerIds: number[],
): Promise<Array<Unapplied & { customerId: number }>> {
  if (customerIds.length === 0) return [];
  return unappliedQuery(db, actor, customerIds).execute();
}

/** The statement of selectUnapplied (for a non-empty list), to run alone or inside another. */
export function unappliedQuery(db: Db | Tx, actor: Actor, customerIds: number[]) {
  const payments = db
    .selectFrom('payment')
    .select(['payment.customer_id as customerId', 'payment.currency', 'payment.unapplied_amount as amount'])
    .where('payment.customer_id', 'in', customerIds)
    .whereRef('payment.allocated_amount', '<', 'payment.amount')
    // A reversed (bounced) payment is no cash at all, whatever its allocations say.
    .where('payment.reversed_on', 'is', null)
    .where(rowVisible(actor, { customer: null, entity: 'payment.entity_id' }));
  const creditNotes = db
    .selectFrom('credit_note')
    .select([
      'credit_note.customer_id as customerId',
      'credit_note.currency',
      'credit_note.unapplied_amount as amount',
    ])
    .where('credit_note.customer_id', 'in', customerIds)
    .whereRef('credit_note.allocated_amount', '<', 'credit_note.amount')
    .where(rowVisible(actor, { customer: null, entity: 'credit_note.entity_id' }));
  return db
    .selectFrom(payments.unionAll(creditNotes).as('u'))
    .select(['u.customerId', 'u.currency', sql<number>`sum(u.amount)::bigint`.as('amount')])
    .groupBy(['u.customerId', 'u.currency'])
    .orderBy('u.customerId')
    .orderBy('u.currency');
}

/** Groups rows by customer id, keeping their order. */
export function byCustomer<T extends { customerId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.customerId) ?? [];
    list.push(row);
    map.set(row.customerId, list);
  }
  return map;
}
