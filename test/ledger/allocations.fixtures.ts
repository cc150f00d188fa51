// Ledger rows for allocation tests, inserted directly so these tests do not depend on other modules.
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildServer } from '../../src/app/server';
import type { Db, Store } from '../../src/platform/db/store';
import { testApp } from '../support/stores';

let seq = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++seq}`;

export async function makeParty(db: Db, options: { entityCode?: string } = {}) {
  const entity = options.entityCode
    ? await db.selectFrom('entity').select('id').where('code', '=', options.entityCode).executeTakeFirst()
    : undefined;
  const entityId =
    entity?.id ??
    (
      await db
        .insertInto('entity')
        .values({ code: options.entityCode ?? unique('E'), name: '主体', base_currency: 'CNY' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const code = unique('C');
  const customer = await db
    .insertInto('customer')
    .values({ code, name: `客户 ${code}`, attributes: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { entityId, customerId: customer.id, customerCode: code };
}

export interface Party {
  entityId: number;
  customerId: number;
}

export async function makeInvoice(
  db: Db,
  party: Party,
  number: string,
  amount: number,
  dueDate: string,
  options: { issueDate?: string; currency?: string; disputed?: boolean } = {},
) {
  const row = await db
    .insertInto('invoice')
    .values({
      entity_id: party.entityId,
      customer_id: party.customerId,
      number,
      issue_date: options.issueDate ?? '2026-01-01',
      due_date: dueDate,
      currency: options.currency ?? 'CNY',
      amount,
      disputed: options.disputed ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makePayment(
  db: Db,
  party: Party,
  reference: string,
  amount: number,
  receivedDate: string,
  options: { currency?: string; invoices?: string[] } = {},
) {
  const row = await db
    .insertInto('payment')
    .values({
      entity_id: party.entityId,
      customer_id: party.customerId,
      reference,
      received_date: receivedDate,
      currency: options.currency ?? 'CNY',
      amount,
      remittance_invoice_numbers: options.invoices ?? [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeCreditNote(
  db: Db,
  party: Party,
  number: string,
  amount: number,
  issueDate: string,
  invoiceNumber?: string,
) {
  const row = await db
    .insertInto('credit_note')
    .values({
      entity_id: party.entityId,
      customer_id: party.customerId,
      number,
      issue_date: issueDate,
      currency: 'CNY',
      amount,
      invoice_number: invoiceNumber ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Open amount of each invoice, by number. */
export async function openAmounts(db: Db, ids: number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('invoice')
    .select(['id', 'open_amount'])
    .where(sql<boolean>`id = any(${ids}::bigint[])`)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r.open_amount]));
  return ids.map((id) => byId.get(id)!);
}

export async function unapplied(db: Db, table: 'payment' | 'credit_note', id: number): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select('unapplied_amount')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.unapplied_amount;
}

/** The HTTP server on a test store (the web build, if any, from an absolute path as @fastify/static wants). */
export async function testServer(store: Store): Promise<FastifyInstance> {
  const app = testApp(store);
  return buildServer({ ...app, config: { ...app.config, webDistDir: resolve(app.config.webDistDir) } });
}
