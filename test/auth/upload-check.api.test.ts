// Import uploads are judged by their bytes before anything parses them (src/auth/upload-guard.ts): a CSV or
// an XLSX workbook goes through; a picture, an archive or any zip that is not a workbook is refused with a
// 400 naming the file, and no import batch is started for it.
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore } from '../support/stores';
import { zipOf } from '../support/zip';
import { authTestServer } from './helpers';

const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

function upload(name: string, content: Uint8Array<ArrayBuffer> | string): FormData {
  const data = new FormData();
  data.append('kind', 'invoices');
  data.append('file', new Blob([content]), name);
  return data;
}

describeEachStore('import upload check', (store) => {
  let server: FastifyInstance;
  let finance: ApiClient;
  beforeAll(async () => {
    server = await authTestServer(store());
    finance = await apiClient(server, 'finance');
  });
  afterAll(() => server.close());

  const batches = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from import_batch`.execute(store().db)).rows[0].n;

  it('refuses what is not CSV or XLSX with a 400 on the file, before any batch starts', async () => {
    const refused: Array<[string, Uint8Array<ArrayBuffer> | string, RegExp]> = [
      ['发票.png', PNG, /发票\.png: the content is PNG, not CSV or XLSX/],
      ['invoices.csv', PNG, /invoices\.csv: the content is PNG/], // a renamed picture
      [
        'archive.xlsx',
        zipOf(['photos/a.jpg', 'notes.txt']),
        /archive\.xlsx: .*zip archive but not an Excel workbook/,
      ],
      ['letter.xlsx', zipOf(['[Content_Types].xml', 'word/document.xml']), /not an Excel workbook/], // a .docx
      ['export.zip', zipOf(['[Content_Types].xml', 'xl/workbook.xml']), /the name says \.zip/],
    ];
    const before = await batches();
    for (const [name, content, message] of refused) {
      for (const url of ['/api/imports', '/api/imports/preview']) {
        const response = await finance.post(url, upload(name, content));
        expect(response.statusCode, `${url} ${name}`).toBe(400);
        const error = response.json().error;
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.message).toMatch(message);
        expect(error.problems).toEqual([expect.objectContaining({ field: 'file', value: name })]);
      }
    }
    expect(await batches()).toBe(before);
  });

  it('takes a CSV and a real XLSX workbook', async () => {
    const csv = await finance.post('/api/imports/preview', upload('a.csv', '客户编码,单据编号\nC001,X-1\n'));
    expect(csv.statusCode, csv.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['Customer Code', 'Invoice No']);
    const xlsx = await finance.post(
      '/api/imports/preview',
      upload('book.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer())),
    );
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.json().format).toBe('xlsx');
  });
});
