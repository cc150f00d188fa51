// Customer inserts and updates; the use cases have validated and resolved everything before.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/store';
import { codeKeySql } from './code-key';
import type { CustomerValues } from './customer-input';

function toColumns(values: CustomerValues) {
  return {
    code: values.code,
    name: values.name,
    tax_id: values.taxId,
    parent_id: values.parentId,
    region: values.region,
    country: values.country,
    time_zone: values.timeZone,
    language: values.language,
    segment: values.segment,
    payment_terms_days: values.paymentTermsDays,
    collector_id: values.collectorId,
    salesperson_id: values.salespersonId,
    attributes: values.attributes === undefined ? undefined : JSON.stringify(values.attributes),
  };
}

export async function insertCustomer(tx: Tx, values: CustomerValues): Promise<number> {
  const row = await tx
    .insertInto('customer')
    .values({ ...toColumns(values), code: values.code as string, name: values.name as string })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCustomerRow(tx: Tx, id: number, values: CustomerValues): Promise<void> {
  await tx
    .updateTable('customer')
    .set({ ...toColumns(values), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/**
 * A stored code that differs from `code` but normalises to it (stored before codes were normalised): the
 * two would look the same on every screen.
 */
export async function customerCodeLookalike(tx: Tx, code: string, exceptId?: number): Promise<string | null> {
  const { rows } = await sql<{ code: string }>`
    select code from customer
     where ${sql.raw(codeKeySql('code'))} = ${code} and code <> ${code}
       and id <> ${exceptId ?? 0}
     limit 1`.execute(tx);
  return rows[0]?.code ?? null;
}

export async function customerCodeTaken(tx: Tx, code: string, exceptId?: number): Promise<boolean> {
  let query = tx.selectFrom('customer').select('id').where('code', '=', code);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
