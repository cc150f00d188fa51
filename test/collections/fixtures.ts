// Small ledger fixtures for the collections tests, written straight to the tables (the ledger's own use
// cases are another module's); allocations go through the real triggers, so open amounts are derived.
import { sql } from 'kysely';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import type { Db } from '../../src/platform/db/store';

let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid}-${++counter}`;

export async function addEntity(db: Db, name = '华东制造有限公司'): Promise<number> {
  const row = await db
    .insertInto('entity')
    .values({ code: unique('E'), name, base_currency: 'CNY' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addUser(db: Db, name = '王催收'): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({ username: unique('u'), display_name: name })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addCustomer(
  db: Db,
  opts: {
    name?: string;
    language?: string;
    segment?: string | null;
    attributes?: Record<string, unknown>;
    collectorId?: number | null;
    contact?: boolean;
  } = {},
): Promise<number> {
  const row = await db
    .insertInto('customer')
    .values({
      code: unique('C'),
      name: opts.name ?? `客户${counter}`,
      language: opts.language ?? 'zh-CN',
      segment: opts.segment ?? null,
      collector_id: opts.collectorId ?? null,
      attributes: JSON.stringify(opts.attributes ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (opts.contact !== false) {
    await db
      .insertInto('contact')
      .values({
        customer_id: row.id,
        name: '李会计',
        role: 'finance',
        email: `ap${row.id}@example.cn`,
        mobile: '13800000000',
        is_primary: true,
        channels: JSON.stringify({ email: true, sms: true, phone: true, letter: true }),
      })
      .execute();
  }
  return row.id;
}

export async function addInvoice(
  db: Db,
  opts: {
    entityId: number;
    customerId: number;
    dueDate: string;
    amount: number;
    issueDate?: string;
    currency?: string;
    disputed?: boolean;
    number?: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('invoice')
    .values({
      entity_id: opts.entityId,
      customer_id: opts.customerId,
      number: opts.number ?? unique('INV'),
      issue_date: opts.issueDate ?? '2026-01-01',
      due_date: opts.dueDate,
      currency: opts.currency ?? 'CNY',
      amount: opts.amount,
      disputed: opts.disputed ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A payment allocated to one invoice, effective on `date`. */
export async function pay(
  db: Db,
  opts: {
    entityId: number;
    customerId: number;
    invoiceId: number;
    amount: number;
    date: string;
    currency?: string;
  },
): Promise<void> {
  const payment = await db
    .insertInto('payment')
    .values({
      entity_id: opts.entityId,
      customer_id: opts.customerId,
      reference: unique('P'),
      received_date: opts.date,
      currency: opts.currency ?? 'CNY',
      amount: opts.amount,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('allocation')
    .values({
      invoice_id: opts.invoiceId,
      payment_id: payment.id,
      amount: opts.amount,
      effective_on: opts.date,
      method: 'reference',
    })
    .execute();
}

export async function activate(db: Db, ...names: string[]): Promise<void> {
  await db
    .updateTable('strategy')
    .set({ active: true })
    .where('name', 'in', names)
    .where('version', '=', 1)
    .execute();
}

/** Removes everything the engine wrote, and the ledger, so each test starts clean on a shared store. */
export async function resetCollections(db: Db): Promise<void> {
  counter = 0; // names and numbers repeat after a reset, so replays of a scenario render the same texts
  await sql`truncate step_firing, outbox, task, promise, payment_plan_installment, payment_plan, credit_hold,
            collection_case, engine_run, collection_dirty, job, customer_strategy restart identity cascade`.execute(
    db,
  );
  await sql`truncate allocation, write_off, payment, credit_note, invoice, contact, customer, entity, app_user
            restart identity cascade`.execute(db);
}

/**
 * The usual start of an engine test: a clean store, only the shipped `standard` strategy active, one entity
 * and one collector.
 */
export async function startWithStandardStrategy(db: Db): Promise<{ entityId: number; collectorId: number }> {
  await resetCollections(db);
  await ensureDefaultStrategies(db);
  await db.updateTable('strategy').set({ active: false }).execute();
  await activate(db, 'standard');
  return { entityId: await addEntity(db), collectorId: await addUser(db) };
}
