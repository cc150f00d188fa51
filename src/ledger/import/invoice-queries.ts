// Set-based checks and upserts for invoice rows (kinds invoices and history) in the staging table.

import type { RawConnection } from '../../platform/db/connection';
import type { ImportError } from '../../platform/db/schema';
import type { ProblemLog } from './report';
import { MAX_REPORTED_ERRORS } from './report';
import {
  collectProblems,
  countUpsert,
  decimal,
  duplicateCheck,
  prepareUpsert,
  STAGE,
  unknownCustomerCheck,
} from './stage-queries';

/** Fills due dates the file left out from the customers' payment terms (账期). */
export async function deriveDueDates(raw: RawConnection): Promise<void> {
  await raw.query(
    `update ${STAGE} s set due_date = s.issue_date + c.payment_terms_days
       from customer c
      where c.code = s.customer_code and s.due_date is null and c.payment_terms_days is not null`,
  );
}

export async function checkInvoices(raw: RawConnection, log: ProblemLog, history: boolean): Promise<void> {
  await collectProblems(raw, log, duplicateCheck(['entity_id', 'number'], 'invoice_number', 'number'));
  await collectProblems(raw, log, unknownCustomerCheck('customer_code', true));
  await collectProblems(
    raw,
    log,
    `select line, 'due_date' as field, null::text as value,
            'no due date: give a due date, terms_days, or payment terms on customer ' || customer_code as reason
       from ${STAGE} where due_date is null`,
  );
  // History settlements of the invoice are re-made by the import, so they do not count as allocated.
  const replaceable = history
    ? `coalesce((select sum(a.amount) from allocation a
                  where a.invoice_id = i.id and a.reversed_on is null and a.method = 'history'), 0)`
    : '0';
  await collectProblems(
    raw,
    log,
    `select s.line, 'amount' as field, ${decimal('s.amount', 's.currency')} as value,
            'below the ' || ${decimal('i.allocated_amount', 'i.currency')} || ' already allocated to invoice ' || i.number as reason
       from ${STAGE} s join invoice i on i.entity_id = s.entity_id and i.number = s.number
      where i.allocated_amount > 0 and s.amount < i.allocated_amount - ${replaceable}
     union all
     select s.line, 'currency', s.currency, 'invoice ' || i.number || ' has allocations in ' || i.currency
       from ${STAGE} s join invoice i on i.entity_id = s.entity_id and i.number = s.number
      where i.allocated_amount > ${replaceable} and s.currency <> i.currency
     union all
     select s.line, 'customer_code', s.customer_code,
            'invoice ' || i.number || ' has allocations for customer ' || c.code || '; its customer cannot change'
       from ${STAGE} s join invoice i on i.entity_id = s.entity_id and i.number = s.number
       join customer c on c.id = i.customer_id
      where i.allocated_amount > ${replaceable} and c.code <> s.customer_code`,
  );
}

/** An invoice number without the leading zeros of its digit runs: 000123 → 123, INV-00042 → INV-42. */
const WITHOUT_ZEROS = (column: string) => `regexp_replace(${column}, '(^|[^0-9])0+([0-9])', '\\1\\2', 'g')`;

/**
 * New invoices that look like an existing one whose number lost (or gained) leading zeros, as Excel does to
 * 000123: same entity, customer, dates, currency and amount. Not an error — a warning, in the dry run and in
 * the result, so the user can check before two copies of one debt are collected.
 */
export async function leadingZeroWarnings(raw: RawConnection): Promise<ImportError[]> {
  const { rows } = await raw.query<{ line: number; value: string; other: string }>(
    `select s.line, s.number as value, min(i.number) as other
       from ${STAGE} s
       join customer c on c.code = s.customer_code
       join invoice i on i.entity_id = s.entity_id and i.customer_id = c.id and i.issue_date = s.issue_date
                     and i.due_date = s.due_date and i.currency = s.currency and i.amount = s.amount
      where i.number <> s.number
        and ${WITHOUT_ZEROS('i.number')} = ${WITHOUT_ZEROS('s.number')}
        and not exists (select 1 from invoice e where e.entity_id = s.entity_id and e.number = s.number)
      group by s.line, s.number
      order by s.line
      limit ${MAX_REPORTED_ERRORS}`,
  );
  return rows.map(({ line, value, other }) => ({
    line,
    field: 'invoice_number',
    value,
    reason: `invoice ${value} looks like the existing invoice ${other} (same customer, dates and amount; the numbers differ only by leading zeros, which Excel drops): it is imported as a new invoice — check that it is not the same one`,
    code: 'leading_zeros',
    params: { number: value, existing: other },
  }));
}

/**
 * For "create customers": a code that is neither a customer nor named by any row of the file is given its
 * code as its name, so that it is created like a named one (and counted in the dry run).
 */
export async function nameCustomersByCode(raw: RawConnection): Promise<void> {
  await raw.query(
    `update ${STAGE} s set customer_name = s.customer_code
      where s.customer_name is null
        and not exists (select 1 from customer c where c.code = s.customer_code)
        and not exists (select 1 from ${STAGE} o where o.customer_code = s.customer_code and o.customer_name is not null)`,
  );
}

/** Creates the customers that rows name by code and name but that do not exist yet; returns their ids. */
export async function createNamedCustomers(raw: RawConnection): Promise<number[]> {
  const result = await raw.query<{ id: number | string }>(
    `insert into customer (code, name)
     select distinct on (s.customer_code) s.customer_code, s.customer_name
       from ${STAGE} s
      where s.customer_name is not null
        and not exists (select 1 from customer c where c.code = s.customer_code)
      order by s.customer_code, s.line
     on conflict (code) do nothing
     returning id`,
  );
  return result.rows.map((row) => Number(row.id));
}

export const INVOICE_OPTIONAL_COLUMNS = ['order_number', 'description', 'disputed'] as const;

function invoiceUpsert(raw: RawConnection, optional: readonly string[], returning: string): Promise<string> {
  return prepareUpsert(raw, {
    table: 'invoice',
    keys: ['entity_id', 'number'],
    columns: ['customer_id', 'issue_date', 'due_date', 'currency', 'amount', ...optional],
    select: `select s.entity_id, s.number, c.id as customer_id, s.issue_date, s.due_date, s.currency, s.amount
                    ${optional.map((column) => `, s.${column}`).join('')}
               from ${STAGE} s join customer c on c.code = s.customer_code`,
    returning,
  });
}

/**
 * Inserts new invoices and updates changed ones; an unchanged invoice is not touched (its updated_at
 * stays). `optional` lists the optional columns the file has: the others keep their stored values.
 */
export async function upsertInvoices(raw: RawConnection, optional: readonly string[]) {
  return countUpsert(raw, await invoiceUpsert(raw, optional, '(t.xmax = 0) as inserted'));
}

/** Same upsert, recording each changed row's line in import_changed (history needs per-row outcomes). */
export async function upsertInvoicesTracked(raw: RawConnection, optional: readonly string[]): Promise<void> {
  const upsert = await invoiceUpsert(raw, optional, 't.entity_id, t.number, (t.xmax = 0) as inserted');
  await raw.query(
    `with up as (${upsert})
     insert into import_changed (line, inserted)
     select s.line, up.inserted from up join ${STAGE} s on s.entity_id = up.entity_id and s.number = up.number
     on conflict (line) do nothing`,
  );
}
