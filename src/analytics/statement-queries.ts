// Documents of one customer for a statement of account (对账单): invoices and payment reversals are
// debits, payments, credit notes and write-offs are credits.
import { sql } from 'kysely';
import type { Db } from '../platform/db/store';

export interface StatementDoc {
  date: string;
  kind: 'invoice' | 'payment' | 'payment_reversal' | 'credit_note' | 'write_off';
  id: number;
  entityId: number;
  reference: string;
  currency: string;
  /** Positive = the customer owes more (debit), negative = less (credit). */
  amount: number;
  dueDate: string | null;
}

/** Every document of the customer dated on or before `to` (the opening balance is the sum before `from`). */
export async function selectStatementDocs(
  db: Db,
  customerId: number,
  to: string,
  entityIds: number[] | null,
): Promise<StatementDoc[]> {
  const entity = (col: string) =>
    entityIds ? sql`and ${sql.ref(col)} = any(${entityIds}::bigint[])` : sql``;
  const { rows } = await sql<StatementDoc>`
    select i.issue_date as date, 'invoice' as kind, i.id, i.entity_id as "entityId", i.number as reference,
           i.currency::text as currency, i.amount, i.due_date as "dueDate"
    from invoice i where i.customer_id = ${customerId} and i.issue_date <= ${to}::date ${entity('i.entity_id')}
    union all
    select p.received_date, 'payment', p.id, p.entity_id, p.reference, p.currency::text, -p.amount, null
    from payment p where p.customer_id = ${customerId} and p.received_date <= ${to}::date ${entity('p.entity_id')}
    union all
    select p.reversed_on, 'payment_reversal', p.id, p.entity_id, p.reference, p.currency::text, p.amount, null
    from payment p where p.customer_id = ${customerId} and p.reversed_on <= ${to}::date ${entity('p.entity_id')}
    union all
    select n.issue_date, 'credit_note', n.id, n.entity_id, n.number, n.currency::text, -n.amount, null
    from credit_note n where n.customer_id = ${customerId} and n.issue_date <= ${to}::date ${entity('n.entity_id')}
    union all
    select w.written_off_on, 'write_off', w.id, i.entity_id, i.number, i.currency::text, -w.amount, null
    from write_off w join invoice i on i.id = w.invoice_id
    where i.customer_id = ${customerId} and w.written_off_on <= ${to}::date ${entity('i.entity_id')}
    order by 1, 2, 3`.execute(db);
  return rows;
}

/** Unapplied cash and credits (未核销) of the customer on a date, by currency. */
export async function selectUnappliedOn(
  db: Db,
  customerId: number,
  on: string,
  entityIds: number[] | null,
): Promise<{ currency: string; amount: number }[]> {
  const entity = (col: string) =>
    entityIds ? sql`and ${sql.ref(col)} = any(${entityIds}::bigint[])` : sql``;
  const active = sql`a.effective_on <= ${on}::date and (a.reversed_on is null or a.reversed_on > ${on}::date)`;
  const { rows } = await sql<{ currency: string; amount: number }>`
    select currency, sum(amount)::bigint as amount from (
      select p.currency::text as currency,
             p.amount - coalesce((select sum(a.amount) from allocation a where a.payment_id = p.id and ${active}), 0) as amount
      from payment p
      where p.customer_id = ${customerId} and p.received_date <= ${on}::date
        and (p.reversed_on is null or p.reversed_on > ${on}::date) ${entity('p.entity_id')}
      union all
      select n.currency::text,
             n.amount - coalesce((select sum(a.amount) from allocation a where a.credit_note_id = n.id and ${active}), 0)
      from credit_note n
      where n.customer_id = ${customerId} and n.issue_date <= ${on}::date ${entity('n.entity_id')}
    ) x group by 1 having sum(amount) <> 0`.execute(db);
  return rows;
}
