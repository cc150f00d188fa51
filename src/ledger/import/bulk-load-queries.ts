// The initial load (a million invoices from the old ERP into an empty ledger): checking three foreign keys
// row by row and maintaining a dozen secondary indexes row by row costs several times more than building
// the indexes once afterwards and validating each foreign key with one join. So for an empty table only —
// DROP INDEX and DROP CONSTRAINT lock it until the import commits, which nobody notices while it has no
// rows — the load suspends the indexes that back no constraint and the table's own foreign keys. Primary
// and unique keys stay (ON CONFLICT needs them). Definitions are read from the catalogue, so what is
// rebuilt is exactly what the migrations made; all of it is one transaction, so a failure restores all.
import type { RawConnection } from '../../platform/db/connection';

export const BULK_LOAD_ROWS = 100_000;

/** Rows from which a load into an empty table is a bulk load: BULK_LOAD_ROWS, or HUIKUAN_BULK_LOAD_ROWS. */
export function bulkLoadRows(): number {
  const set = Number(process.env.HUIKUAN_BULK_LOAD_ROWS);
  return Number.isSafeInteger(set) && set > 0 ? set : BULK_LOAD_ROWS;
}

export async function isTableEmpty(raw: RawConnection, table: 'invoice'): Promise<boolean> {
  const { rows } = await raw.query<{ empty: boolean }>(`select not exists (select 1 from ${table}) as empty`);
  return rows[0].empty;
}

/**
 * Only the table's owner may drop its indexes and constraints. The server connecting as the application role
 * (huikuan_app, which owns nothing: 0030_audit_app_role.sql) loads row by row instead, more slowly.
 */
export async function ownsTable(raw: RawConnection, table: 'invoice'): Promise<boolean> {
  const { rows } = await raw.query<{ owns: boolean }>(
    `select pg_has_role(current_user, relowner, 'USAGE') as owns from pg_class where oid = $1::regclass`,
    [table],
  );
  return rows[0]?.owns === true;
}

/** Drops the table's secondary indexes and foreign keys; the returned function restores them. */
export async function suspendForBulkLoad(raw: RawConnection, table: 'invoice'): Promise<() => Promise<void>> {
  const indexes = await raw.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = $1::regclass
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by 1`,
    [table],
  );
  const foreignKeys = await raw.query<{ name: string; definition: string }>(
    `select quote_ident(conname) as name, pg_get_constraintdef(oid) as definition
       from pg_constraint where conrelid = $1::regclass and contype = 'f' order by conname`,
    [table],
  );
  for (const index of indexes.rows) await raw.exec(`drop index ${index.name}`);
  for (const key of foreignKeys.rows) await raw.exec(`alter table ${table} drop constraint ${key.name}`);
  return async () => {
    // Sorting for index builds in memory rather than on disk.
    await raw.exec(`set local maintenance_work_mem = '256MB'`);
    for (const index of indexes.rows) await raw.exec(index.definition);
    // Adding a foreign key validates every row with one join, failing the import if any row breaks it.
    for (const key of foreignKeys.rows) {
      await raw.exec(`alter table ${table} add constraint ${key.name} ${key.definition}`);
    }
  };
}
