// The same three invoices in every format an ERP export comes in: the first file loads them, every other
// file must read identically — so it changes nothing.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { parseMappingJson } from '../../src/ledger/import/mapping';
import { describeEachStore } from '../support/stores';
import { fixture, fixtureText, invoiceLines, runImport, tempFile } from './import.fixtures';

const EXPECTED = [
  'MAIN/INV-001: 123450 CNY 2024-01-06→2024-02-05 C001',
  'MAIN/INV-002: 50000 CNY 2024-01-08→2024-03-08 C001',
  'MAIN/INV-003: 8800000 CNY 2024-01-09→2024-02-08 C002',
];

async function xlsxFixture(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('应收');
  sheet.addRow(['客户编码', '客户名称', '发票号', '开票日期', '到期日', '金额', '币种']);
  const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  sheet.addRow(['C001', '上海甲公司', 'INV-001', day(2024, 1, 6), day(2024, 2, 5), 1234.5, 'CNY']);
  sheet.addRow(['C001', '上海甲公司', 'INV-002', day(2024, 1, 8), day(2024, 3, 8), 500, 'CNY']);
  // A text date and a formula amount, as hand-edited sheets have.
  sheet.addRow([
    'C002',
    '北京乙公司, 海淀分公司',
    'INV-003',
    '2024-01-09',
    day(2024, 2, 8),
    { formula: '80000+8000', result: 88000 },
    'CNY',
  ]);
  for (const row of [2, 3, 4]) {
    sheet.getCell(`D${row}`).numFmt = 'yyyy-mm-dd';
    sheet.getCell(`E${row}`).numFmt = 'yyyy-mm-dd';
  }
  const path = tempFile(`invoices-${Math.random().toString(36).slice(2)}.xlsx`, Buffer.alloc(0));
  await workbook.xlsx.writeFile(path);
  return path;
}

describeEachStore('import file formats', (store) => {
  it('loads UTF-8 CSV under a title line, creating the entity and the customers it names', async () => {
    const report = await runImport(store(), 'invoices', fixture('invoices-utf8.csv'));
    expect(report).toMatchObject({
      status: 'loaded',
      rowsTotal: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      errorCount: 0,
      source: { format: 'csv', encoding: 'utf-8', delimiter: ',' },
      created: { entity: 'MAIN', customers: 2 },
    });
    expect(report.source.ignoredColumns).toEqual([]);
    expect(await invoiceLines(store())).toEqual(EXPECTED);
    const entity = await store().db.selectFrom('entity').selectAll().executeTakeFirstOrThrow();
    expect([entity.code, entity.name, entity.base_currency.trim()]).toEqual(['MAIN', '默认主体', 'CNY']);
    const c2 = await store()
      .db.selectFrom('customer')
      .select('name')
      .where('code', '=', 'C002')
      .executeTakeFirstOrThrow();
    expect(c2.name).toBe('北京乙公司, 海淀分公司');
    const inv3 = await store()
      .db.selectFrom('invoice')
      .select('description')
      .where('number', '=', 'INV-003')
      .executeTakeFirstOrThrow();
    expect(inv3.description).toBe('首批货款');
  });

  const same = async (path: string, expected: Record<string, unknown>) => {
    const report = await runImport(store(), 'invoices', path);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ status: 'loaded', rowsTotal: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(report.source).toMatchObject(expected);
    expect(await invoiceLines(store())).toEqual(EXPECTED);
  };

  it('reads UTF-8 with a BOM and English headers', async () => {
    await same(fixture('invoices-bom.csv'), { encoding: 'utf-8', delimiter: ',' });
  });

  it('reads GBK (GB18030)', async () => {
    // GBK has the full-width yuan sign ￥ (FFE5), not ¥ (00A5): Chinese Excel writes that one.
    const text = fixtureText('invoices-utf8.csv').replace('¥', '￥');
    const path = tempFile('invoices-gbk.csv', iconv.encode(text, 'gbk'));
    await same(path, { encoding: 'gb18030', delimiter: ',' });
  });

  it('reads semicolon-separated text', async () => {
    await same(fixture('invoices-semicolon.csv'), { delimiter: ';' });
  });

  it('reads tab-separated text with CRLF and a blank line', async () => {
    await same(fixture('invoices-tab.tsv'), { delimiter: '\t' });
  });

  it('reads XLSX: date cells, number cells, text dates and formulas', async () => {
    await same(await xlsxFixture(), { format: 'xlsx', encoding: null, delimiter: null });
  });

  it('follows a mapping file with M/D/YYYY dates and a default currency', async () => {
    const mapping = parseMappingJson('invoices', fixtureText('mapping-mdy.json'));
    const report = await runImport(store(), 'invoices', fixture('invoices-mdy.csv'), { mapping });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ status: 'loaded', inserted: 3, created: { customers: 2 } });
    expect(report.source.columns).toMatchObject({ invoice_number: 'Doc', issue_date: 'Posted' });
    const lines = (await invoiceLines(store())).filter((line) => line.includes('/A-'));
    expect(lines).toEqual([
      'MAIN/A-100: 100000 USD 2024-01-06→2024-02-05 US-1',
      'MAIN/A-101: 25050 USD 2024-01-15→2024-03-01 US-1',
      'MAIN/A-102: 7500 USD 2024-02-01→2024-02-01 US-2',
    ]);
    const batch = await store()
      .db.selectFrom('import_batch')
      .selectAll()
      .where('id', '=', report.batchId)
      .executeTakeFirstOrThrow();
    expect(batch.mapping).toMatchObject({ dateFormat: 'M/D/YYYY', defaults: { currency: 'USD' } });
    expect(batch.file_sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describeEachStore('import encodings', (store) => {
  const MiB = 1 << 20;
  const customerName = async (code: string) =>
    (
      await store()
        .db.selectFrom('customer')
        .select('name')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).name;

  it('reads GBK whose first megabyte is plain ASCII: the first Chinese bytes decide', async () => {
    const header = 'Customer Code,Customer Name,Invoice No,Invoice Date,Due Date,Amount,Currency,Description';
    const note = 'x'.repeat(200);
    const rows = Array.from(
      { length: Math.ceil((1.1 * MiB) / 250) },
      (_, i) => `A1,Acme,ASC-${i},2024-01-06,2024-02-05,10.00,CNY,${note}`,
    );
    expect(rows.join('\n').length).toBeGreaterThan(MiB);
    const late = 'C2,北京乙公司,ASC-LATE,2024-01-09,2024-02-08,88.00,CNY,首批货款';
    const path = tempFile('ascii-then-gbk.csv', iconv.encode([header, ...rows, late].join('\n'), 'gbk'));
    const report = await runImport(store(), 'invoices', path);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ status: 'loaded', inserted: rows.length + 1 });
    expect(report.source.encoding).toBe('gb18030');
    expect(await customerName('C2')).toBe('北京乙公司');
    const late2 = await store()
      .db.selectFrom('invoice')
      .select('description')
      .where('number', '=', 'ASC-LATE')
      .executeTakeFirstOrThrow();
    expect(late2.description).toBe('首批货款');
  });

  it('reports the exact line where a UTF-8 file stops being UTF-8, and says it is probably GBK', async () => {
    const header = Buffer.from('客户编码,客户名称,发票号,开票日期,到期日,金额,币种,备注\n', 'utf8');
    const rows: string[] = [];
    for (let line = 2; line < 18_603; line++) {
      rows.push(
        `C1,Acme,U8-${String(line).padStart(6, '0')},2024-01-06,2024-02-05,10.00,CNY,${'p'.repeat(20)}`,
      );
    }
    const bad = iconv.encode('C9,北京乙公司,U8-BAD,2024-01-09,2024-02-08,88.00,CNY\n', 'gbk');
    const after = Buffer.from('C1,Acme,U8-AFTER,2024-01-06,2024-02-05,10.00,CNY\n', 'utf8');
    const body = Buffer.from(`${rows.join('\n')}\n`, 'utf8');
    expect(header.length + body.length).toBeGreaterThan(MiB);
    const path = tempFile('utf8-then-gbk.csv', Buffer.concat([header, body, bad, after]));
    const report = await runImport(store(), 'invoices', path);
    expect(report.status).toBe('rejected');
    expect(report.errors).toEqual([
      {
        line: 18_603,
        field: null,
        value: null,
        reason: expect.stringMatching(/not valid UTF-8.*probably GBK/),
        code: 'invalid_utf8_line',
        params: { line: 18_603 },
      },
    ]);
    expect(report.errors[0].reason).toContain('"encoding": "gbk"');
  });

  it('follows the encoding the mapping states', async () => {
    // 一为业 in GBK happens to be valid UTF-8 (һΪҵ): only the user can tell.
    const text =
      'Customer Code,Customer Name,Invoice No,Invoice Date,Due Date,Amount\nY1,一为业,ENC-1,2024-01-06,2024-02-05,1\n';
    const path = tempFile('gbk-looks-utf8.csv', iconv.encode(text, 'gbk'));
    const guessed = await runImport(store(), 'invoices', path, { dryRun: true });
    expect(guessed.source.encoding).toBe('utf-8');
    const stated = await runImport(store(), 'invoices', path, {
      mapping: parseMappingJson('invoices', '{"encoding": "GBK"}'),
    });
    expect(stated).toMatchObject({ status: 'loaded', inserted: 1 });
    expect(stated.source.encoding).toBe('gb18030');
    expect(await customerName('Y1')).toBe('一为业');
  });
});
