// Validation, idempotency and updates: every bad row reported with line, field and reason and nothing
// loaded; re-importing changes nothing (not even updated_at); a changed row updates its invoice.
import { expect, it } from 'vitest';
import { describeEachStore } from '../support/stores';
import { fixture, invoiceLines, runImport, tempFile } from './import.fixtures';

const HEADER = '客户编码,客户名称,发票号,开票日期,到期日,金额,币种';
const csv = (name: string, ...rows: string[]) => tempFile(name, [HEADER, ...rows].join('\n'));

describeEachStore('import validation and idempotency', (store) => {
  it('reports every bad row with line, field, value and reason, and loads nothing', async () => {
    const report = await runImport(store(), 'invoices', fixture('invoices-bad.csv'));
    expect(report.status).toBe('rejected');
    expect(report.rowsTotal).toBe(9);
    expect(report.errorCount).toBe(8);
    expect(report.errors.map((e) => [e.line, e.field, e.value])).toEqual([
      [3, 'amount', '12.345'],
      [4, 'issue_date', '2024-02-30'],
      [5, 'due_date', '2024-02-01'],
      [6, 'currency', 'XYZ'],
      [7, 'invoice_number', null],
      [8, 'invoice_number', 'INV-101'],
      [9, 'customer_code', 'C404'],
      [10, 'amount', '-5'],
    ]);
    const reasons = report.errors.map((e) => e.reason);
    expect(reasons[0]).toMatch(/more decimals/);
    expect(reasons[1]).toMatch(/not a real calendar date/);
    expect(reasons[2]).toBe('due date 2024-02-01 is before the issue date 2024-03-01');
    expect(reasons[3]).toBe('unknown currency "XYZ"');
    expect(reasons[4]).toBe('invoice_number is required');
    expect(reasons[5]).toBe('duplicate of line 2');
    expect(reasons[6]).toMatch(/unknown customer "C404"/);
    expect(reasons[7]).toBe('must be more than zero');
    // Nothing at all was written: not the good row, its customer, nor the default entity.
    expect(await store().db.selectFrom('invoice').select('id').execute()).toEqual([]);
    expect(await store().db.selectFrom('customer').select('id').execute()).toEqual([]);
    expect(await store().db.selectFrom('entity').select('id').execute()).toEqual([]);
    const batch = await store()
      .db.selectFrom('import_batch')
      .selectAll()
      .where('id', '=', report.batchId)
      .executeTakeFirstOrThrow();
    expect([batch.status, batch.error_count, batch.errors.length]).toEqual(['rejected', 8, 8]);
  });

  it('counts every error but keeps the first 1000 by line', async () => {
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `C001,上海甲公司,CAP-${i},2024-01-06,2024-02-05,x${i},CNY`,
    );
    // Two set-based errors among the row errors: both are counted, only the early one is kept.
    rows.push(
      'C001,上海甲公司,DUP-1,2024-01-06,2024-02-05,1,CNY',
      'C001,上海甲公司,DUP-1,2024-01-06,2024-02-05,1,CNY',
    );
    rows.unshift(
      'C001,上海甲公司,DUP-0,2024-01-06,2024-02-05,1,CNY',
      'C001,上海甲公司,DUP-0,2024-01-06,2024-02-05,1,CNY',
    );
    const report = await runImport(store(), 'invoices', csv('many-errors.csv', ...rows));
    expect(report.status).toBe('rejected');
    expect(report.errorCount).toBe(1202);
    expect(report.errors).toHaveLength(1000);
    expect(report.errors[0]).toEqual({
      line: 3,
      field: 'invoice_number',
      value: 'DUP-0',
      reason: 'duplicate of line 2',
    });
    expect(report.errors[1]).toMatchObject({ line: 4, field: 'amount', value: 'x0' });
    expect(report.errors[999]).toMatchObject({ line: 1002, field: 'amount', value: 'x998' });
  });

  it('rejects a file missing required columns before reading its rows', async () => {
    const path = tempFile('no-amount.csv', '客户编码,发票号,开票日期\nC001,X-1,2024-01-01\n');
    const report = await runImport(store(), 'invoices', path);
    expect(report.status).toBe('rejected');
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([[1, 'amount']]);
    expect(report.errors[0].reason).toMatch(/required column missing/);
  });

  it('a dry run validates and counts without writing', async () => {
    const path = csv('dry.csv', 'C001,上海甲公司,INV-001,2024-01-06,2024-02-05,100.00,CNY');
    const report = await runImport(store(), 'invoices', path, { dryRun: true });
    expect(report).toMatchObject({ status: 'validated', dryRun: true, inserted: 1, errorCount: 0 });
    expect(await store().db.selectFrom('invoice').select('id').execute()).toEqual([]);
  });

  it('re-importing the same file changes nothing, not even updated_at', async () => {
    const path = csv(
      'same.csv',
      'C001,上海甲公司,INV-001,2024-01-06,2024-02-05,100.00,CNY',
      'C002,北京乙公司,INV-002,2024-01-07,2024-02-06,200.00,CNY',
    );
    expect(await runImport(store(), 'invoices', path)).toMatchObject({ status: 'loaded', inserted: 2 });
    const before = await store()
      .db.selectFrom('invoice')
      .select(['number', 'updated_at'])
      .orderBy('number')
      .execute();
    const again = await runImport(store(), 'invoices', path);
    expect(again).toMatchObject({
      status: 'loaded',
      inserted: 0,
      updated: 0,
      unchanged: 2,
      created: { customers: 0 },
    });
    const after = await store()
      .db.selectFrom('invoice')
      .select(['number', 'updated_at'])
      .orderBy('number')
      .execute();
    expect(after).toEqual(before);
  });

  it('a changed row updates its invoice and leaves the others alone', async () => {
    const path = csv(
      'changed.csv',
      'C001,上海甲公司,INV-001,2024-01-06,2024-03-05,150.00,CNY',
      'C002,北京乙公司,INV-002,2024-01-07,2024-02-06,200.00,CNY',
    );
    const untouched = await store()
      .db.selectFrom('invoice')
      .select('updated_at')
      .where('number', '=', 'INV-002')
      .executeTakeFirstOrThrow();
    const report = await runImport(store(), 'invoices', path);
    expect(report).toMatchObject({ status: 'loaded', inserted: 0, updated: 1, unchanged: 1 });
    expect(await invoiceLines(store())).toEqual([
      'MAIN/INV-001: 15000 CNY 2024-01-06→2024-03-05 C001',
      'MAIN/INV-002: 20000 CNY 2024-01-07→2024-02-06 C002',
    ]);
    const still = await store()
      .db.selectFrom('invoice')
      .select('updated_at')
      .where('number', '=', 'INV-002')
      .executeTakeFirstOrThrow();
    expect(still.updated_at).toEqual(untouched.updated_at);
  });

  it('refuses to lower an invoice below what is already allocated', async () => {
    const db = store().db;
    const invoice = await db
      .selectFrom('invoice')
      .selectAll()
      .where('number', '=', 'INV-001')
      .executeTakeFirstOrThrow();
    const payment = await db
      .insertInto('payment')
      .values({
        entity_id: invoice.entity_id,
        customer_id: invoice.customer_id,
        reference: 'P-1',
        received_date: '2024-02-01',
        currency: 'CNY',
        amount: 12_000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('allocation')
      .values({
        invoice_id: invoice.id,
        payment_id: payment.id,
        amount: 12_000,
        effective_on: '2024-02-01',
        method: 'manual',
      })
      .execute();
    const path = csv('lower.csv', 'C001,上海甲公司,INV-001,2024-01-06,2024-03-05,99.00,CNY');
    const report = await runImport(store(), 'invoices', path);
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual([
      {
        line: 2,
        field: 'amount',
        value: '99.00',
        reason: 'below the 120.00 already allocated to invoice INV-001',
      },
    ]);
    const moved = csv('move.csv', 'C002,北京乙公司,INV-001,2024-01-06,2024-03-05,150.00,CNY');
    const moveReport = await runImport(store(), 'invoices', moved);
    expect(moveReport.errors[0]).toMatchObject({ line: 2, field: 'customer_code', value: 'C002' });
  });

  it("derives due dates from terms_days or the customer's payment terms", async () => {
    await store()
      .db.updateTable('customer')
      .set({ payment_terms_days: 45 })
      .where('code', '=', 'C002')
      .execute();
    const path = tempFile(
      'terms.csv',
      [
        '客户编码,发票号,开票日期,账期,金额',
        'C001,T-1,2024-01-31,30,10',
        'C002,T-2,2024-01-31,,10',
        'C001,T-3,2024-01-31,,10',
      ].join('\n'),
    );
    const report = await runImport(store(), 'invoices', path);
    expect(report.errors).toEqual([
      {
        line: 4,
        field: 'due_date',
        value: null,
        reason: 'no due date: give a due date, terms_days, or payment terms on customer C001',
      },
    ]);
    const fixed = tempFile(
      'terms2.csv',
      ['客户编码,发票号,开票日期,账期,金额', 'C001,T-1,2024-01-31,30,10', 'C002,T-2,2024-01-31,,10'].join(
        '\n',
      ),
    );
    expect(await runImport(store(), 'invoices', fixed)).toMatchObject({ status: 'loaded', inserted: 2 });
    const lines = (await invoiceLines(store())).filter((line) => line.includes('/T-'));
    expect(lines).toEqual([
      'MAIN/T-1: 1000 CNY 2024-01-31→2024-03-01 C001',
      'MAIN/T-2: 1000 CNY 2024-01-31→2024-03-16 C002',
    ]);
  });

  it('with several entities, rows name theirs by code; no code and no default is an error', async () => {
    await store()
      .db.insertInto('entity')
      .values({ code: 'HK', name: '香港公司', base_currency: 'HKD' })
      .execute();
    const noEntity = csv('no-entity.csv', 'C001,上海甲公司,E-1,2024-01-06,2024-02-05,100.00,CNY');
    const rejected = await runImport(store(), 'invoices', noEntity);
    expect(rejected.errors[0]).toMatchObject({ line: 2, field: 'entity' });
    expect(rejected.errors[0].reason).toMatch(/2 entities \(MAIN, HK\)/);
    const withColumn = tempFile(
      'entity.csv',
      [
        '主体,客户编码,发票号,开票日期,到期日,金额',
        'HK,C001,E-1,2024-01-06,2024-02-05,100',
        'XX,C001,E-2,2024-01-06,2024-02-05,1',
      ].join('\n'),
    );
    const unknown = await runImport(store(), 'invoices', withColumn);
    expect(unknown.errors).toEqual([
      { line: 3, field: 'entity', value: 'XX', reason: 'unknown entity "XX"' },
    ]);
    const good = tempFile(
      'entity2.csv',
      ['主体,客户编码,发票号,开票日期,到期日,金额', 'HK,C001,E-1,2024-01-06,2024-02-05,100'].join('\n'),
    );
    expect(await runImport(store(), 'invoices', good)).toMatchObject({ status: 'loaded', inserted: 1 });
    // The entity's base currency is the default currency.
    expect((await invoiceLines(store())).find((line) => line.startsWith('HK/'))).toBe(
      'HK/E-1: 10000 HKD 2024-01-06→2024-02-05 C001',
    );
    const byDefault = await runImport(store(), 'invoices', noEntity, {
      mapping: { defaults: { entity: 'HK' } },
    });
    expect(byDefault).toMatchObject({ status: 'loaded', inserted: 0, updated: 1 });
  });
});

describeEachStore('import dates written a/b/yyyy', (store) => {
  const dated = (name: string, ...rows: Array<[string, string, string]>) =>
    csv(name, ...rows.map(([number, issue, due]) => `C001,上海甲公司,${number},${issue},${due},100.00,CNY`));

  it('reads day first when a value fits only day first, and says so in the outcome', async () => {
    const path = dated('dmy.csv', ['D-1', '1/6/2013', '1/7/2013'], ['D-2', '13/6/2013', '13/7/2013']);
    const report = await runImport(store(), 'invoices', path);
    expect(report.errors).toEqual([]);
    expect(report.source.dateFormat).toEqual({
      format: 'D/M/YYYY',
      basis: 'inferred',
      evidence: { line: 3, field: 'issue_date', value: '13/6/2013' },
    });
    expect((await invoiceLines(store())).filter((line) => line.includes('/D-'))).toEqual([
      'MAIN/D-1: 10000 CNY 2013-06-01→2013-07-01 C001',
      'MAIN/D-2: 10000 CNY 2013-06-13→2013-07-13 C001',
    ]);
  });

  it('refuses to guess when some values fit only month first and others only day first', async () => {
    const path = dated('mixed.csv', ['M-1', '1/13/2013', '2/13/2013'], ['M-2', '13/1/2013', '13/2/2013']);
    const report = await runImport(store(), 'invoices', path);
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual([
      {
        line: 3,
        field: 'issue_date',
        value: '13/1/2013',
        reason:
          'this date is day first, but line 2 issue_date "1/13/2013" is month first: set "dateFormat" in the mapping ("D/M/YYYY" or "M/D/YYYY")',
      },
    ]);
    expect(report.source.dateFormat).toBeNull();
    const told = await runImport(store(), 'invoices', path, { mapping: { dateFormat: 'D/M/YYYY' } });
    expect(told.source.dateFormat).toEqual({ format: 'D/M/YYYY', basis: 'mapping', evidence: null });
    expect(told.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'issue_date'],
      [2, 'due_date'],
    ]);
  });

  it('reads month first when every value fits both, and says that it assumed so', async () => {
    const report = await runImport(store(), 'invoices', dated('either.csv', ['E-1', '1/6/2013', '2/6/2013']));
    expect(report).toMatchObject({ status: 'loaded', inserted: 1 });
    expect(report.source.dateFormat).toEqual({
      format: 'M/D/YYYY',
      basis: 'assumed',
      evidence: { line: 2, field: 'issue_date', value: '1/6/2013' },
    });
    expect((await invoiceLines(store())).find((line) => line.includes('/E-1'))).toBe(
      'MAIN/E-1: 10000 CNY 2013-01-06→2013-02-06 C001',
    );
    const iso = await runImport(store(), 'invoices', dated('iso.csv', ['I-1', '2013-01-06', '2013-02-06']));
    expect(iso.source.dateFormat).toBeNull();
  });
});
