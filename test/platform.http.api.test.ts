// The routes outside the features: the health check and the OpenAPI docs, which need nobody signed in.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testServer } from './ledger/allocations.fixtures';
import { type ApiClient, apiClient } from './support/http';
import { describeEachStore } from './support/stores';

describeEachStore('HTTP system routes', (store, kind) => {
  let server: FastifyInstance;
  let anonymous: ApiClient;
  beforeAll(async () => {
    server = await testServer(store());
    anonymous = await apiClient(server, 'anonymous');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('GET /api/health answers 200 after asking the database', async () => {
    const health = await anonymous.get('/api/health');
    expect(health.statusCode, health.body).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', store: kind, time: expect.any(String) });
    expect(Number.isNaN(Date.parse(health.json().time))).toBe(false);
  });

  it('GET /docs/json is the OpenAPI document listing the ledger routes', async () => {
    const docs = await anonymous.get('/docs/json');
    expect(docs.statusCode, docs.body).toBe(200);
    const document = docs.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('huikuan (回款) API');
    const paths = Object.keys(document.paths);
    for (const path of [
      '/api/health',
      '/api/customers',
      '/api/invoices',
      '/api/payments',
      '/api/payments/{id}/reverse',
      '/api/credit-notes',
      '/api/imports',
      '/api/imports/kinds',
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(paths.some((path) => path.startsWith('/api/allocations'))).toBe(true);
    expect(Object.keys(document.paths['/api/payments'])).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('GET /docs answers 200 with the documentation page', async () => {
    const page = await anonymous.get('/docs');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('swagger');
  });
});
