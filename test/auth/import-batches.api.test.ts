// Import batches and portfolios: a batch shows its file's name and the cells of its bad rows, whichever
// customers they belong to, so a collector or salesperson sees only the batches they uploaded themselves;
// everyone else sees every batch, as before.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiClient, apiClientFor } from '../support/http';
import { describeEachStore } from '../support/stores';
import { authTestServer } from './helpers';

// A file of other portfolios' invoices with a bad row: the bad cell's value ends up in the batch's errors.
const OTHERS_FILE =
  '客户编码,单据编号,开票日期,到期日,金额,币种\nSECRET-CUST-7,INV-S1,2025-13-45,2025-02-05,100.00,CNY\n';

function upload(name: string, text: string): FormData {
  const data = new FormData();
  data.append('kind', 'invoices');
  data.append('file', new Blob([text], { type: 'text/csv' }), name);
  return data;
}

const batchIds = (body: { items: { batchId: number }[] }) =>
  body.items.map((item) => item.batchId).sort((a, b) => a - b);

describeEachStore('import batches and portfolios', (store) => {
  let server: FastifyInstance;
  let finance: ApiClient;
  let collector: ApiClient;
  let salesperson: ApiClient;
  let othersBatch: number;
  let collectorsBatch: number;

  beforeAll(async () => {
    server = await authTestServer(store());
    finance = await apiClient(server, 'finance');
    collector = await apiClientFor(server, { username: 'coll.imports', roles: [{ role: 'collector' }] });
    salesperson = await apiClientFor(server, { username: 'sales.imports', roles: [{ role: 'salesperson' }] });
    const response = await finance.post('/api/imports', upload('华南客户应收.csv', OTHERS_FILE));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().errors.length).toBeGreaterThan(0);
    othersBatch = response.json().batchId;
    // A batch the collector uploaded (e.g. while they held a finance role): theirs to see.
    collectorsBatch = (
      await sql<{ id: number }>`insert into import_batch (kind, file_name, file_sha256, status, created_by)
        values ('payments', '我的回款.csv', ${'0'.repeat(64)}, 'loaded', ${collector.userId}) returning id`.execute(
        store().db,
      )
    ).rows[0].id;
  });
  afterAll(() => server.close());

  it('shows a collector only the batches they uploaded, in the list and by id', async () => {
    const list = await collector.get('/api/imports');
    expect(list.statusCode).toBe(200);
    expect(batchIds(list.json())).toEqual([collectorsBatch]);
    expect(list.body).not.toContain('华南客户应收');
    const other = await collector.get(`/api/imports/${othersBatch}`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('2025-13-45');
    expect((await collector.get(`/api/imports/${collectorsBatch}`)).statusCode).toBe(200);
  });

  it('shows a salesperson none of the others’ batches either', async () => {
    const list = await salesperson.get('/api/imports');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    expect((await salesperson.get(`/api/imports/${othersBatch}`)).statusCode).toBe(404);
  });

  it('shows everyone who sees all customers every batch, errors included', async () => {
    for (const role of ['finance', 'credit_manager', 'auditor'] as const) {
      const client = await apiClient(server, role);
      const list = await client.get('/api/imports');
      expect(batchIds(list.json()), role).toEqual([othersBatch, collectorsBatch]);
      const detail = await client.get(`/api/imports/${othersBatch}`);
      expect(detail.statusCode, role).toBe(200);
      expect(detail.body).toContain('2025-13-45'); // the bad cell, as the file had it
    }
  });
});
