// Set-based checks and upserts for payments, credit notes and sales orders in the staging table.
import type { RawConnection } from '../../platform/db/connection';
import type { ProblemLog } from './report';
import {
  collectProblems,
  countUpsert,
  decimal,
  duplicateCheck,
  prepareUpsert,
  STAGE,
  unknownCustomerCheck,
} from './stage-queries';

type Source = { table: 'payment' | 'credit_note'; key: 'reference' | 'number'; keyField: string };
export const PAYMENT_SOURCE: Source = { table: 'payment', key: 'reference', keyField: 'payment_reference' };
export const CREDIT_NOTE_SOURCE: Source = {
  table: 'credit_note',
  key: 'number',
  keyField: 'credit_note_number',
};

// A bounced payment (reversed_on) cannot move to after its reversal.
const reversedCheck = (join: string) => `union all
     select s.line, 'received_date', s.received_date::text,
            d.reference || ' was reversed on ' || d.reversed_on || ', before this date'
       ${join} where s.received_date > d.reversed_on`;

/** Payments and credit notes: duplicates, customers, and changes that would undo allocations. */
export async function checkAllocatable(raw: RawConnection, log: ProblemLog, source: Source): Promise<void> {
  const { table, key, keyField } = source;
  await collectProblems(raw, log, duplicateCheck(['entity_id', key], keyField, key));
  await collectProblems(raw, log, unknownCustomerCheck('customer_code', false));
  const join = `from ${STAGE} s join ${table} d on d.entity_id = s.entity_id and d.${key} = s.${key}`;
  await collectProblems(
    raw,
    log,
    `select s.line, 'amount' as field, ${decimal('s.amount', 's.currency')} as value,
            'below the ' || ${decimal('d.allocated_amount', 'd.currency')} || ' already allocated from ' || d.${key} as reason
       ${join} where s.amount < d.allocated_amount
     union all
     select s.line, 'currency', s.currency, d.${key} || ' has allocations in ' || d.currency
       ${join} where d.allocated_amount > 0 and s.currency <> d.currency
     ${table === 'payment' ? reversedCheck(join) : ''}
     union all
     select s.line, 'customer_code', s.customer_code,
            d.${key} || ' has allocations for customer ' || c.code || '; its customer cannot change'
       ${join} join customer c on c.id = d.customer_id
      where d.allocated_amount > 0 and c.code <> s.customer_code`,
  );
}

/** Upserts payments; returns the ids written (inserted or changed) with their outcome. */
export async function upsertPayments(raw: RawConnection, optional: string[]) {
  const sourceOf: Record<string, string> = { remittance_invoice_numbers: 's.invoice_numbers' };
  const { rows } = await raw.query<{ id: number; inserted: boolean }>(
    await prepareUpsert(raw, {
      table: 'payment',
      keys: ['entity_id', 'reference'],
      columns: ['customer_id', 'received_date', 'currency', 'amount', ...optional],
      select: `select s.entity_id, s.reference, c.id as customer_id, s.received_date, s.currency, s.amount
                      ${optional.map((column) => `, ${sourceOf[column] ?? `s.${column}`} as ${column}`).join('')}
                 from ${STAGE} s join customer c on c.code = s.customer_code`,
      returning: 't.id, (t.xmax = 0) as inserted',
    }),
  );
  return rows;
}

export async function upsertCreditNotes(raw: RawConnection, optional: string[]) {
  const { rows } = await raw.query<{ id: number; inserted: boolean }>(
    await prepareUpsert(raw, {
      table: 'credit_note',
      keys: ['entity_id', 'number'],
      columns: ['customer_id', 'issue_date', 'currency', 'amount', ...optional],
      select: `select s.entity_id, s.number, c.id as customer_id, s.issue_date, s.currency, s.amount
                      ${optional.map((column) => `, s.${column}`).join('')}
                 from ${STAGE} s join customer c on c.code = s.customer_code`,
      returning: 't.id, (t.xmax = 0) as inserted',
    }),
  );
  return rows;
}

export async function checkOrders(raw: RawConnection, log: ProblemLog): Promise<void> {
  await collectProblems(raw, log, duplicateCheck(['entity_id', 'number'], 'order_number', 'number'));
  await collectProblems(raw, log, unknownCustomerCheck('customer_code', false));
}

export async function upsertOrders(raw: RawConnection) {
  return countUpsert(
    raw,
    await prepareUpsert(raw, {
      table: 'sales_order',
      keys: ['entity_id', 'number'],
      columns: [
        'customer_id',
        'order_date',
        'currency',
        'amount',
        'open_amount',
        'shipped_not_invoiced_amount',
        'status',
      ],
      select: `select s.entity_id, s.number, c.id as customer_id, s.order_date, s.currency, s.amount, s.open_amount,
                      s.shipped_not_invoiced_amount, s.status
                 from ${STAGE} s join customer c on c.code = s.customer_code`,
      returning: '(t.xmax = 0) as inserted',
    }),
  );
}
