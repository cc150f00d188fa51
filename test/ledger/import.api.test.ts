// /api/imports through the HTTP layer: kinds, multipart upload, preview, dry run, rejected report, batches.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { fixtureText } from './import.fixtures';

function form(fields: Record<string, string>, file?: { name: string; text: string }): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  if (file) data.append('file', new Blob([file.text], { type: 'text/csv' }), file.name);
  return data;
}

describeEachStore('imports API', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  beforeAll(async () => {
    server = await buildServer(testApp(store()));
    api = await apiClient(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists the kinds with their fields, required flags and recognised headers', async () => {
    const response = await api.get('/api/imports/kinds');
    expect(response.statusCode, response.body).toBe(200);
    const kinds = response.json().items as Array<{
      kind: string;
      fields: Array<{ name: string; required: boolean; aliases: string[] }>;
    }>;
    expect(kinds.map((k) => k.kind)).toEqual([
      'customers',
      'contacts',
      'invoices',
      'payments',
      'credit-notes',
      'orders',
      'history',
      'promises',
      'disputes',
    ]);
    // Collections' kinds, wired by the composition root (issue 15: open promises and disputes of history).
    expect(
      kinds
        .find((k) => k.kind === 'disputes')!
        .fields.filter((f) => f.required)
        .map((f) => f.name),
    ).toEqual(['invoice_number', 'reason_code', 'raised_on']);
    const invoices = kinds.find((k) => k.kind === 'invoices')!;
    expect(invoices.fields.filter((f) => f.required).map((f) => f.name)).toEqual([
      'customer_code',
      'invoice_number',
      'issue_date',
      'amount',
    ]);
    expect(invoices.fields.find((f) => f.name === 'customer_code')!.aliases).toContain('客户编码');
  });

  it('previews a file: encoding, delimiter, headers, first rows, suggested mapping', async () => {
    const response = await api.post(
      '/api/imports/preview',
      form({ kind: 'invoices' }, { name: '应收.csv', text: fixtureText('invoices-semicolon.csv') }),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      fileName: '应收.csv',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      headers: ['客户代码', '客户', '单据编号', '单据日期', '到期日期', '金额', '币别'],
      sampleRows: [
        ['C001', '上海甲公司', 'INV-001', '2024-01-06', '2024-02-05', '1234.50', 'CNY'],
        ['C001', '上海甲公司', 'INV-002', '2024-01-08', '2024-03-08', '500.00', 'CNY'],
        ['C002', '北京乙公司, 海淀分公司', 'INV-003', '2024-01-09', '2024-02-08', '88000', 'CNY'],
      ],
      suggestedMapping: {
        columns: {
          customer_code: '客户代码',
          customer_name: '客户',
          invoice_number: '单据编号',
          issue_date: '单据日期',
          due_date: '到期日期',
          amount: '金额',
          currency: '币别',
        },
      },
      unmappedRequired: [],
    });
    const mdy = await api.post(
      '/api/imports/preview',
      form({ kind: 'invoices' }, { name: 'us.csv', text: fixtureText('invoices-mdy.csv') }),
    );
    expect(mdy.json()).toMatchObject({
      unmappedRequired: ['customer_code', 'invoice_number', 'issue_date', 'amount'],
    });
  });

  it('previews an uploaded XLSX: cells as text, dates as YYYY-MM-DD', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['Customer Code', 'Invoice No', 'Invoice Date', 'Amount']);
    sheet.addRow(['C001', 'X-1', new Date(Date.UTC(2024, 0, 6)), 1234.5]);
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    const data = new FormData();
    data.append('kind', 'invoices');
    data.append('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), 'book.xlsx');
    const response = await api.post('/api/imports/preview', data);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      format: 'xlsx',
      encoding: null,
      headers: ['Customer Code', 'Invoice No', 'Invoice Date', 'Amount'],
      sampleRows: [['C001', 'X-1', '2024-01-06', '1234.5']],
      unmappedRequired: [],
    });
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    const response = await api.post(
      '/api/imports',
      form({ kind: 'invoices', dryRun: 'true' }, { name: 'a.csv', text: fixtureText('invoices-utf8.csv') }),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'validated',
      dryRun: true,
      inserted: 3,
      fileName: 'a.csv',
    });
    expect(await store().db.selectFrom('invoice').select('id').execute()).toEqual([]);
  });

  it('uploads and loads a file, with a mapping sent as a JSON string', async () => {
    const response = await api.post(
      '/api/imports',
      form(
        { kind: 'invoices', mapping: fixtureText('mapping-mdy.json') },
        { name: 'us.csv', text: fixtureText('invoices-mdy.csv') },
      ),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'loaded',
      inserted: 3,
      errorCount: 0,
      created: { entity: 'MAIN', customers: 2 },
    });
    const amounts = await store()
      .db.selectFrom('invoice')
      .select(['number', 'amount', 'currency'])
      .orderBy('number')
      .execute();
    expect(amounts.map((a) => `${a.number} ${a.amount} ${a.currency.trim()}`)).toEqual([
      'A-100 100000 USD',
      'A-101 25050 USD',
      'A-102 7500 USD',
    ]);
  });

  it('returns a rejected report (200) with each bad row, and the batch keeps it', async () => {
    const response = await api.post(
      '/api/imports',
      form({ kind: 'invoices' }, { name: 'bad.csv', text: fixtureText('invoices-bad.csv') }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ status: 'rejected', errorCount: 8, rowsTotal: 9 });
    expect(report.errors[0]).toEqual({
      line: 3,
      field: 'amount',
      value: '12.345',
      reason: '"12.345" has more decimals than the currency\'s 2',
    });
    const detail = await api.get(`/api/imports/${report.batchId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().errors).toEqual(report.errors);
    const list = await api.get('/api/imports?limit=2');
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json();
    expect(page.items.map((b: { batchId: number; status: string }) => b.status)).toEqual([
      'rejected',
      'loaded',
    ]);
    expect(page.items[0].errors).toEqual([]); // lists leave the error lists out
    // Dry runs are listed apart, not among the imports.
    expect(page.nextCursor).toBeNull();
    const dry = await api.get('/api/imports?dryRun=true');
    expect(dry.json().items.map((b: { status: string; dryRun: boolean }) => [b.status, b.dryRun])).toEqual([
      ['validated', true],
    ]);
  });

  it('refuses bad requests: no file, unknown kind, bad mapping, not multipart, unknown batch', async () => {
    expect((await api.post('/api/imports', form({ kind: 'invoices' }))).statusCode).toBe(400);
    const unknownKind = await api.post(
      '/api/imports',
      form({ kind: 'bills' }, { name: 'a.csv', text: 'a,b\n1,2\n' }),
    );
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().error.problems[0]).toMatchObject({ field: 'kind', value: 'bills' });
    const badMapping = await api.post(
      '/api/imports',
      form({ kind: 'invoices', mapping: '{"columns": {"nope": "x"}}' }, { name: 'a.csv', text: 'a,b\n' }),
    );
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().error.problems[0].field).toBe('columns.nope');
    expect((await api.post('/api/imports', { kind: 'invoices' })).statusCode).toBe(415);
    expect((await api.get('/api/imports/999999')).statusCode).toBe(404);
  });

  it('needs imports:write to import and ledger:read to look', async () => {
    const auditor = await apiClient(server, 'auditor');
    const upload = await auditor.post(
      '/api/imports',
      form({ kind: 'invoices' }, { name: 'a.csv', text: fixtureText('invoices-utf8.csv') }),
    );
    expect(upload.statusCode).toBe(403);
    const finance = await apiClient(server, 'finance');
    expect((await finance.get('/api/imports/kinds')).statusCode).toBe(200);
    const anonymous = await apiClient(server, 'anonymous');
    expect((await anonymous.get('/api/imports')).statusCode).toBe(401);
  });
});
