// An initial bulk load is audited and summarised set-based (issue 11, Speed): one chain entry for the batch
// carrying the digest of its rows' digests, the AR summary from the batch in one statement. Every row
// stays provable: `audit verify` recomputes the batch digest, `audit verify-row` rebuilds a row as loaded,
// and a row or a kept digest altered outside the audit is caught. The summaries equal a rebuild from the
// ledger.
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { verifyAudit } from '../../src/auth/verify-audit';
import { verifyLoadedRow } from '../../src/auth/verify-row';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { inTransaction } from '../../src/platform/db/transaction';
import { describeEachStore } from '../support/stores';
import { runImport, tempFile } from './import.fixtures';

const ROWS = 60;

function invoiceFile(prefix = 'BULK'): string {
  const lines = ['客户编码,客户名称,发票号码,开票日期,到期日,价税合计,币种'];
  for (let i = 0; i < ROWS; i++) {
    const customer = `BA${i % 7}`;
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      `${customer},客户${customer},${prefix}-${i},2025-${month}-0${1 + (i % 9)},2025-${month}-28,${100 + i}.25,CNY`,
    );
  }
  return tempFile(`bulk-audit-${prefix}-${process.pid}.csv`, `${lines.join('\n')}\n`);
}

/** The AR summary as month-end-comparable rows (what compaction keeps), and the per-customer open amounts. */
async function summaries(db: Db) {
  const deltas = await sql<{ k: string; amount: string }>`
    select concat_ws('/', entity_id, currency, basis, bucket,
                     case when on_date < date_trunc('month', current_date) - interval '1 month'
                          then date_trunc('month', on_date)::date else on_date end) as k,
           sum(amount)::text as amount
      from analytics_ar_delta group by 1 having sum(amount) <> 0 order by 1`.execute(db);
  const open = await sql<{ k: string; amount: string }>`
    select concat_ws('/', customer_id, entity_id, currency) as k, amount::text as amount
      from analytics_customer_open where amount <> 0 order by 1`.execute(db);
  return { deltas: deltas.rows, open: open.rows };
}

async function untriggered(db: Db, table: string, statement: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql.raw(`alter table ${table} disable trigger user`).execute(tx);
    await sql.raw(statement).execute(tx);
    await sql.raw(`alter table ${table} enable trigger user`).execute(tx);
  });
}

describeEachStore('bulk load audit and summaries', (store) => {
  beforeEach(() => {
    vi.stubEnv('HUIKUAN_BULK_LOAD_ROWS', '50');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('records the batch as one provable chain entry and summarises it like the ledger', async () => {
    const db = store().db;
    const result = await runImport(store(), 'invoices', invoiceFile());
    expect(result).toMatchObject({ status: 'loaded', inserted: ROWS });

    const entries = await sql<{ id: number; row_count: number; rows_digest: string | null; after: unknown }>`
      select id, row_count, rows_digest, after from audit_log where table_name = 'invoice' order by id`.execute(
      db,
    );
    expect(entries.rows).toHaveLength(1);
    const [entry] = entries.rows;
    expect(entry).toMatchObject({ row_count: ROWS, rows_digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entry.after).toMatchObject({ bulkLoad: { rows: ROWS } });
    const batch = await sql<{ n: number; bytes: number }>`
      select cardinality(row_ids) as n, length(digests) as bytes from audit_batch where audit_id = ${entry.id}`.execute(
      db,
    );
    expect(batch.rows).toEqual([{ n: ROWS, bytes: ROWS * 16 }]);
    expect(await verifyAudit(db, SYSTEM_ACTOR)).toMatchObject({ ok: true, firstBroken: null });
    // The customers the load created are a batch of their own.
    const customerEntries = await sql<{ row_count: number }>`
      select row_count from audit_log where table_name = 'customer' order by id`.execute(db);
    expect(customerEntries.rows).toEqual([{ row_count: 7 }]);
    const customer = await db
      .selectFrom('customer')
      .select('id')
      .where('code', '=', 'BA3')
      .executeTakeFirstOrThrow();
    expect(await verifyLoadedRow(db, SYSTEM_ACTOR, 'customer', Number(customer.id))).toMatchObject({
      status: 'intact',
    });

    // The summaries the batch statement wrote are those a rebuild from the ledger gives.
    const loaded = await summaries(db);
    expect(loaded.deltas.length).toBeGreaterThan(ROWS);
    expect(loaded.open).toHaveLength(7);
    await sql`select analytics_rebuild_ar_delta()`.execute(db);
    expect(await summaries(db)).toEqual(loaded);

    const ids = (await db.selectFrom('invoice').select('id').orderBy('id').execute()).map((r) =>
      Number(r.id),
    );
    expect(await verifyLoadedRow(db, SYSTEM_ACTOR, 'invoice', ids[3])).toMatchObject({
      status: 'intact',
      entryId: Number(entry.id),
      laterChanges: [],
    });

    // A change through the application is audited after the batch and undone to prove the row.
    await inTransaction(db, SYSTEM_ACTOR, (tx) =>
      sql`update invoice set description = 'checked', disputed = true where id = ${ids[3]}`.execute(tx),
    );
    const proved = await verifyLoadedRow(db, SYSTEM_ACTOR, 'invoice', ids[3]);
    expect(proved).toMatchObject({ status: 'intact' });
    expect(proved.laterChanges).toHaveLength(1);

    // A row changed outside the audit no longer proves; the chain itself is still intact.
    await untriggered(db, 'invoice', `update invoice set amount = amount + 1 where id = ${ids[5]}`);
    expect(await verifyLoadedRow(db, SYSTEM_ACTOR, 'invoice', ids[5])).toMatchObject({
      status: 'changed',
      reason: expect.stringContaining('altered outside the audit'),
    });
    expect(await verifyLoadedRow(db, SYSTEM_ACTOR, 'invoice', ids[6])).toMatchObject({ status: 'intact' });

    // Re-recording that row's digest to cover the change breaks the batch digest, which verify finds.
    await untriggered(
      db,
      'audit_batch',
      `update audit_batch set digests = overlay(digests placing decode(md5('forged'), 'hex') from 5 * 16 + 1 for 16) where audit_id = ${entry.id}`,
    );
    const report = await verifyAudit(db, SYSTEM_ACTOR);
    expect(report).toMatchObject({
      ok: false,
      firstBroken: { id: Number(entry.id), reason: expect.stringContaining('do not give its digest') },
    });
    expect(await verifyLoadedRow(db, SYSTEM_ACTOR, 'invoice', ids[6])).toMatchObject({ status: 'changed' });
  });

  it('leaves a small load, or one into a table with rows, to the per-row audit', async () => {
    const db = store().db;
    expect(await runImport(store(), 'invoices', invoiceFile('MORE'))).toMatchObject({ inserted: ROWS });
    const entries = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where table_name = 'invoice' and op = 'INSERT' and row_count = 1`.execute(
      db,
    );
    expect(entries.rows[0].n).toBe(ROWS);
  });
});
