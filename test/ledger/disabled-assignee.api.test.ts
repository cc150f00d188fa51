// A disabled user keeps their history but cannot sign in: customers and cases are not given to them. The
// refusal names the field and carries the code `user_disabled` (the web shows it in zh-CN or en).
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { updateUser } from '../../src/auth/update-user';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { addCustomer, addEntity, addUser } from '../collections/fixtures';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';

describeEachStore('assigning work to a disabled user', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  let active: number;
  let disabled: number;
  let customerId: number;
  let caseId: number;

  beforeAll(async () => {
    const app = testApp(store());
    server = await buildServer({ ...app, config: { ...app.config, webDistDir: resolve('web/no-dist') } });
    api = await apiClient(server, 'admin');
    const db = store().db;
    active = await addUser(db, '在职催收');
    disabled = await addUser(db, '离职催收');
    await updateUser(db, SYSTEM_ACTOR, { id: disabled, disabled: true });
    const entityId = await addEntity(db);
    customerId = await addCustomer(db, { collectorId: active });
    const kase = await db
      .insertInto('collection_case')
      .values({
        customer_id: customerId,
        entity_id: entityId,
        stage_since: '2026-03-01',
        opened_on: '2026-03-01',
        collector_id: active,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    caseId = kase.id;
  });
  afterAll(() => server.close());

  function expectDisabledProblem(response: { statusCode: number; json(): unknown }, field: string) {
    expect(response.statusCode).toBe(400);
    const error = (response.json() as { error: { code: string; problems: unknown[] } }).error;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.problems).toContainEqual({
      field,
      value: String(disabled),
      reason: 'user 离职催收 is disabled: choose an active user',
      code: 'user_disabled',
      params: { user: '离职催收' },
    });
  }

  it('refuses a disabled collector or salesperson for a new customer', async () => {
    expectDisabledProblem(
      await api.post('/api/customers', { code: 'DIS-1', name: '新客户', collectorId: disabled }),
      'collectorId',
    );
    expectDisabledProblem(
      await api.post('/api/customers', { code: 'DIS-2', name: '新客户', salespersonId: disabled }),
      'salespersonId',
    );
    const ok = await api.post('/api/customers', { code: 'DIS-3', name: '新客户', collectorId: active });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses to hand a customer to a disabled collector', async () => {
    expectDisabledProblem(
      await api.patch(`/api/customers/${customerId}`, { collectorId: disabled }),
      'collectorId',
    );
    const unknown = await api.patch(`/api/customers/${customerId}`, { collectorId: 99_999_999 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.problems).toContainEqual(
      expect.objectContaining({ field: 'collectorId', reason: 'no such user' }),
    );
  });

  it('refuses to hand a case to a disabled collector, with a coded message', async () => {
    const refused = await api.patch(`/api/collections/cases/${caseId}`, { collectorId: disabled });
    expectDisabledProblem(refused, 'collectorId');
    expect(refused.json().error).toMatchObject({
      messageCode: 'collectorNotAssignable',
      message: 'The case cannot be given to this collector',
    });
    const kept = await store()
      .db.selectFrom('collection_case')
      .select('collector_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(kept.collector_id).toBe(active);
    const moved = await api.patch(`/api/collections/cases/${caseId}`, { collectorId: null });
    expect(moved.statusCode, moved.body).toBe(200);
  });
});
