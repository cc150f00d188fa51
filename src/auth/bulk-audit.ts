// The audit of a bulk load (the import's initial load of an empty, locked table): the table's insert audit
// trigger, which would hash every row's JSON, is off while the rows go in; then one statement records the
// whole batch as one chain entry with the digest of its rows' digests (audit_bulk_insert, migration 0032).
// Both happen in the loading transaction, so nobody sees the table unaudited and a failure undoes both.
import type { RawConnection } from '../platform/db/connection';

export type BulkAuditedTable = 'invoice' | 'customer';

/**
 * Turns the table's insert audit off; the returned function writes the batch entry of the rows inserted
 * since (`ids`, or all rows of a table that was empty) and turns it back on. No rows: no entry.
 */
export async function suspendInsertAudit(
  raw: RawConnection,
  table: BulkAuditedTable,
): Promise<(ids?: number[]) => Promise<number | null>> {
  await raw.exec(`alter table ${table} disable trigger ${table}_audit_ins`);
  return async (ids) => {
    let entry: number | null = null;
    if (ids === undefined || ids.length > 0) {
      const { rows } = await raw.query<{ id: string | number }>(
        'select audit_bulk_insert($1::regclass, $2::bigint[]) as id',
        [table, ids ?? null],
      );
      entry = Number(rows[0].id);
    }
    await raw.exec(`alter table ${table} enable trigger ${table}_audit_ins`);
    return entry;
  };
}
