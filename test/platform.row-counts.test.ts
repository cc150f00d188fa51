// Kysely reports how many rows an insert, update or delete touched from the driver's `command` and
// `rowCount`. The PGlite adapter once answered `command: ''`, so every count was 0 on the embedded store
// (and only there): code that checks "did my update hit a row" must see the same number on both stores.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachStore } from './support/stores';

describeEachStore('row counts of writes', (store) => {
  it('counts the rows an insert, an update and a delete touched', async () => {
    const db = store().db;
    await sql`create table row_count_probe (id int primary key, note text)`.execute(db);
    try {
      const inserted = await sql`insert into row_count_probe values (1, 'a'), (2, 'b'), (3, 'c')`.execute(db);
      expect(inserted.numAffectedRows).toBe(3n);
      const updated = await sql`update row_count_probe set note = 'x' where id <= 2`.execute(db);
      expect(updated.numAffectedRows).toBe(2n);
      const deleted = await sql`delete from row_count_probe where id = 3`.execute(db);
      expect(deleted.numAffectedRows).toBe(1n);
      const none = await sql`update row_count_probe set note = 'y' where id = 99`.execute(db);
      expect(none.numAffectedRows).toBe(0n);
      const selected = await sql<{ id: number }>`select id from row_count_probe order by id`.execute(db);
      expect(selected.rows.map((r) => r.id)).toEqual([1, 2]);
      // A write behind WITH is counted by its last statement, as PostgreSQL tags it.
      const viaWith = await sql`with probe as (select 1) update row_count_probe set note = 'w'`.execute(db);
      expect(viaWith.numAffectedRows).toBe(2n);
    } finally {
      await sql`drop table row_count_probe`.execute(db);
    }
  });

  it('counts the rows a SELECT returned, as PostgreSQL does, on the raw connection', async () => {
    const counts = await store().withConnection(async ({ raw, db }) => {
      const selected = await raw.query('select g from generate_series(1, 3) g');
      const none = await raw.query('select 1 where false');
      const values = await raw.query('values (1), (2)');
      const returned = await raw.query(
        'with made as (select g from generate_series(1, 4) g) select * from made where g > 1',
      );
      const untagged = await raw.query('show time zone');
      // Kysely gives no affected-row count for a SELECT on either store.
      const kysely = await sql`select g from generate_series(1, 3) g`.execute(db);
      return [
        selected.rowCount,
        none.rowCount,
        values.rowCount,
        returned.rowCount,
        untagged.rowCount,
        kysely.numAffectedRows,
      ];
    });
    expect(counts).toEqual([3, 0, 2, 3, 0, undefined]);
  });
});
