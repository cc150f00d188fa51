// Migration 0047 moves the dates-only disputes of 0037 into invoice_dispute, the one dispute model, and
// drops the old table (PGlite, migrating up to 0046 first).
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/platform/db/migrate';
import { openStore, type Store } from '../../src/platform/db/store';
import { addCustomer, addEntity, addInvoice, pay } from './fixtures';

let store: Store | undefined;
afterAll(() => store?.close());

it('moves the old disputes into invoice_dispute and drops the old table', async () => {
  store = await openStore({ inMemory: true });
  const all = readMigrations();
  await migrate(
    store,
    all.filter((m) => m.version < '0047'),
  );
  const db = store.db;
  const entityId = await addEntity(db, '甲公司');
  const customerId = await addCustomer(db, { name: '老争议' });
  const open = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 500_00 });
  const paid = await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 200_00 });
  await pay(db, { entityId, customerId, invoiceId: open, amount: 100_00, date: '2026-03-03' });
  await pay(db, { entityId, customerId, invoiceId: paid, amount: 200_00, date: '2026-03-03' });
  await sql`insert into dispute (invoice_id, customer_id, entity_id, opened_on, resolved_on, status, note) values
    (${open}, ${customerId}, ${entityId}, '2026-03-05', null, 'open', '数量不符'),
    (${paid}, ${customerId}, ${entityId}, '2026-03-02', '2026-03-09', 'resolved', null)`.execute(db);

  await migrate(store, all);
  const rows = await db
    .selectFrom('invoice_dispute')
    .select([
      'invoice_id',
      'amount',
      'currency',
      'reason_code',
      'note',
      'status',
      'resolution_code',
      'raised_on',
      'resolved_on',
    ])
    .orderBy('id')
    .execute();
  expect(rows.map((r) => ({ ...r, currency: r.currency.trim() }))).toEqual([
    {
      invoice_id: open,
      amount: 400_00,
      currency: 'CNY',
      reason_code: 'other',
      note: '数量不符',
      status: 'open',
      resolution_code: null,
      raised_on: '2026-03-05',
      resolved_on: null,
    },
    {
      invoice_id: paid,
      amount: 200_00,
      currency: 'CNY',
      reason_code: 'other',
      note: null,
      status: 'resolved',
      resolution_code: 'other',
      raised_on: '2026-03-02',
      resolved_on: '2026-03-09',
    },
  ]);
  const left = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_tables where tablename = 'dispute'`.execute(db);
  expect(left.rows[0].n).toBe(0);
});
