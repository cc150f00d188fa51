// The initial-load mode: secondary indexes of the invoice table are dropped and rebuilt exactly as the
// migrations made them; constraint indexes (primary key, unique natural key) are never touched.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { isTableEmpty, suspendForBulkLoad } from '../../src/ledger/import/bulk-load-queries';
import { inPinnedTransaction } from '../../src/platform/db/store';
import { describeEachStore } from '../support/stores';

describeEachStore('import bulk-load mode', (store) => {
  const indexes = async () =>
    (
      await sql<{ name: string; definition: string }>`
        select indexname as name, indexdef as definition from pg_indexes
         where tablename = 'invoice' order by indexname`.execute(store().db)
    ).rows;
  const constraints = async () =>
    (
      await sql<{ name: string; definition: string }>`
        select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
         where conrelid = 'invoice'::regclass order by conname`.execute(store().db)
    ).rows;

  it('suspends secondary indexes and foreign keys, and restores them identically', async () => {
    const before = await indexes();
    const keys = await constraints();
    expect(keys.filter((k) => k.definition.startsWith('FOREIGN KEY')).map((k) => k.name)).toEqual([
      'invoice_currency_fkey',
      'invoice_customer_id_fkey',
      'invoice_entity_id_fkey',
    ]);
    expect(before.map((i) => i.name)).toEqual(
      expect.arrayContaining(['invoice_pkey', 'invoice_entity_id_number_key', 'invoice_number_trgm']),
    );
    await inPinnedTransaction(store(), async ({ raw }) => {
      expect(await isTableEmpty(raw, 'invoice')).toBe(true);
      const rebuild = await suspendForBulkLoad(raw, 'invoice');
      const { rows } = await raw.query<{ name: string }>(
        `select indexname as name from pg_indexes where tablename = 'invoice' order by 1`,
      );
      expect(rows.map((r) => r.name)).toEqual(['invoice_entity_id_number_key', 'invoice_pkey']);
      const fk = await raw.query(
        `select 1 from pg_constraint where conrelid = 'invoice'::regclass and contype = 'f'`,
      );
      expect(fk.rows).toEqual([]);
      await rebuild();
    });
    expect(await indexes()).toEqual(before);
    expect(await constraints()).toEqual(keys);
  });
});
