// Two loads at once. The first load of a big file drops and rebuilds the invoice indexes; two of them
// together used to end one with "deadlock detected". Loads now take one lock: on PostgreSQL the second is
// refused at once ("another import is running") and its batch says so; on PGlite the one connection runs
// them one after the other.
import { expect, it } from 'vitest';
import { BULK_LOAD_ROWS } from '../../src/ledger/import/bulk-load-queries';
import { lockImports } from '../../src/ledger/import/import-lock';
import { type Db, inPinnedTransaction } from '../../src/platform/db/store';
import { describeEachStore, describeOnPostgres } from '../support/stores';
import { runImport, tempFile } from './import.fixtures';

/** An initial load big enough for the bulk-load mode. */
function bigInvoiceFile(): string {
  const lines = ['客户编码,客户名称,发票号码,开票日期,到期日,价税合计,币种'];
  for (let i = 0; i < BULK_LOAD_ROWS; i++) {
    const customer = `C${String(i % 500).padStart(4, '0')}`;
    lines.push(`${customer},客户${customer},INV-${i},2026-01-05,2026-02-04,${100 + (i % 900)}.00,CNY`);
  }
  return tempFile(`big-invoices-${process.pid}.csv`, `${lines.join('\n')}\n`);
}

const invoiceCount = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('invoice')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachStore('two first loads of the same big file at once', (store, kind) => {
  it('never deadlock: one loads it, the other is refused as busy (PostgreSQL) or finds it loaded (PGlite)', async () => {
    const file = bigInvoiceFile();
    const outcomes = await Promise.allSettled([
      runImport(store(), 'invoices', file),
      runImport(store(), 'invoices', file),
    ]);
    const loaded = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason);
    if (kind === 'postgres') {
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({
        code: 'IMPORT_BUSY',
        messageCode: 'importBusy',
        message: expect.stringContaining('Another import is running'),
      });
      expect(refused[0].localized('zh-CN')).toContain('另一个导入正在进行');
      expect(loaded).toHaveLength(1);
    } else {
      expect(refused).toEqual([]);
      expect(loaded.map((r) => r.status)).toEqual(['loaded', 'loaded']);
    }
    expect(loaded).toContainEqual(expect.objectContaining({ status: 'loaded', inserted: BULK_LOAD_ROWS }));
    expect(await invoiceCount(store().db)).toBe(BULK_LOAD_ROWS);
    // The refused run's batch is finished, not left running, and says why.
    const batches = await store().db.selectFrom('import_batch').select(['status', 'errors']).execute();
    expect(batches.filter((b) => b.status === 'running')).toEqual([]);
    if (kind === 'postgres') {
      expect(batches.find((b) => b.status === 'failed')?.errors).toEqual([
        expect.objectContaining({
          reason: expect.stringContaining('Another import is running'),
          code: 'importBusy',
        }),
      ]);
    }
  });
});

describeOnPostgres('an import while another holds the import lock', (store) => {
  it('is refused at once with IMPORT_BUSY and changes nothing', async () => {
    const file = tempFile(
      'one-invoice.csv',
      '客户编码,客户名称,发票号码,开票日期,到期日,价税合计,币种\nC1,甲,X-1,2026-01-05,2026-02-04,10.00,CNY\n',
    );
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = inPinnedTransaction(store(), async ({ raw }) => {
      await lockImports(raw);
      locked();
      await held;
    });
    await lockTaken;
    try {
      await expect(runImport(store(), 'invoices', file)).rejects.toMatchObject({ code: 'IMPORT_BUSY' });
    } finally {
      release();
      await holder;
    }
    expect(await invoiceCount(store().db)).toBe(0);
    expect(await runImport(store(), 'invoices', file)).toMatchObject({ status: 'loaded', inserted: 1 });
  });
});
