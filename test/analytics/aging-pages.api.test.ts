// The aging by customer in pages: at 100,000 customers the whole answer is 12 MB of JSON, most of the
// request's time. `limit` and `cursor` give the groups page by page in the report's order (largest open
// amount first), with the totals of the whole report on every page; without `limit` nothing changes.
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/platform/http/server';
import { apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { loadFixture } from './fixture';

describeEachStore('aging by customer in pages', (store) => {
  let server: FastifyInstance;
  beforeAll(async () => {
    const app = testApp(store());
    server = await buildServer({
      ...app,
      config: { ...app.config, webDistDir: resolve(app.config.webDistDir) },
    });
    await loadFixture(store().db);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('gives the groups page by page, in the order of the whole report, with its totals', async () => {
    const api = await apiClient(server, 'finance');
    const whole = (await api.get('/api/reports/aging?asOf=2026-03-31&by=customer')).json();
    expect(whole.groups.map((g: { code: string }) => g.code)).toEqual(['FX-B', 'FX-A', 'FX-C']);
    expect(whole.nextCursor).toBeNull();
    const first = await api.get('/api/reports/aging?asOf=2026-03-31&by=customer&limit=2');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.groups).toEqual(whole.groups.slice(0, 2));
    expect(page1.totals).toEqual(whole.totals);
    expect(page1.groupCount).toBe(3);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (
      await api.get(`/api/reports/aging?asOf=2026-03-31&by=customer&limit=2&cursor=${page1.nextCursor}`)
    ).json();
    expect(page2.groups).toEqual(whole.groups.slice(2));
    expect(page2.nextCursor).toBeNull();
  });

  it('refuses a cursor that is not one', async () => {
    const api = await apiClient(server, 'finance');
    const res = await api.get('/api/reports/aging?asOf=2026-03-31&by=customer&limit=2&cursor=nonsense');
    expect(res.statusCode).toBe(400);
  });
});
