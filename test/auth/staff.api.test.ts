// GET /api/staff feeds the collector and salesperson pickers, and is open to everyone who reads the ledger.
// It shows only what a picker needs: active collectors and salespeople who work in one of the caller's
// entities, by display name (no usernames, which are half of a sign-in). A collector or salesperson, who
// sees only their own customers, sees only themselves. Before, it listed every user: administrators,
// disabled accounts, people of other entities, with their usernames.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiClient, apiClientFor } from '../support/http';
import { describeEachStore } from '../support/stores';
import { authTestServer } from './helpers';

describeEachStore('staff for pickers', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;
  let financeA: ApiClient;
  let collectorA: ApiClient;
  const names = (body: { items: { displayName: string }[] }) => body.items.map((s) => s.displayName).sort();

  beforeAll(async () => {
    server = await authTestServer(store());
    const db = store().db;
    for (const code of ['ST-A', 'ST-B']) {
      await sql`insert into entity (code, name, base_currency) values (${code}, ${code}, 'CNY')`.execute(db);
    }
    const user = (username: string, displayName: string, roles: object[]) =>
      apiClientFor(server, { username, displayName, roles: roles as never });
    collectorA = await user('st.coll.a', '催收甲', [{ role: 'collector', entityCode: 'ST-A' }]);
    await user('st.sales.a', '业务乙', [{ role: 'salesperson', entityCode: 'ST-A' }]);
    await user('st.coll.all', '催收丙', [{ role: 'collector' }]);
    await user('st.coll.b', '催收丁', [{ role: 'collector', entityCode: 'ST-B' }]);
    const gone = await user('st.coll.gone', '催收戊', [{ role: 'collector', entityCode: 'ST-A' }]);
    await sql`update app_user set disabled_at = now() where id = ${gone.userId}`.execute(db);
    await user('st.boss', '管理己', [{ role: 'admin' }]);
    financeA = await user('st.fin.a', '财务庚', [{ role: 'finance', entityCode: 'ST-A' }]);
    admin = await apiClient(server, 'admin');
  });
  afterAll(() => server.close());

  it('shows active collectors and salespeople of the caller’s entities, without usernames', async () => {
    const response = await financeA.get('/api/staff');
    expect(response.statusCode).toBe(200);
    expect(names(response.json())).toEqual(['业务乙', '催收丙', '催收甲']);
    expect(response.body).not.toContain('st.');
    // Searched by name only: a username typed in the search finds no one.
    expect((await financeA.get('/api/staff?q=st.sales')).json().items).toEqual([]);
    expect(names((await financeA.get('/api/staff?q=业务')).json())).toEqual(['业务乙']);
    expect(response.json().items.find((s: { displayName: string }) => s.displayName === '业务乙')).toEqual({
      id: expect.any(Number),
      displayName: '业务乙',
      roles: ['salesperson'],
    });
  });

  it('shows an administrator of all entities every active collector and salesperson, no one else', async () => {
    const everyone = names((await admin.get('/api/staff')).json());
    expect(everyone).toEqual(expect.arrayContaining(['业务乙', '催收丁', '催收丙', '催收甲']));
    for (const hidden of ['催收戊', '管理己', '财务庚']) expect(everyone).not.toContain(hidden);
  });

  it('shows a collector only themselves', async () => {
    expect(names((await collectorA.get('/api/staff')).json())).toEqual(['催收甲']);
  });
});
