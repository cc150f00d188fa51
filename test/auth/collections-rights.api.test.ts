// Company-wide collections are for managers: a simulation's result is the whole company's AR and DSO, and an
// engine run reaches every customer on any date, so collectors and salespeople (collections:read/write on
// their own portfolio) may do neither; collection managers and administrators may, and each requested
// engine run is an audit-log entry in the requester's name.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore } from '../support/stores';
import { authTestServer } from './helpers';

// A result as the simulator stores it (SimulationResult, the route's response schema).
const RESULT = {
  from: '2025-06-01',
  to: '2025-06-30',
  days: 30,
  seed: 1,
  customers: 12,
  invoices: 40,
  sampled: false,
  reportCurrency: 'CNY',
  missingRates: [],
  strategies: [
    {
      name: 'standard',
      label: '标准策略',
      version: 1,
      collected: 123_456,
      collectedByCurrency: [{ currency: 'CNY', amount: 123_456 }],
      overdueStart: 987_654_321,
      overdueEnd: 887_654_321,
      openEnd: 987_654_321,
      dso: 47.5,
      messages: { email: 3, sms: 1, letter: 0, total: 4 },
      tasks: { call: 2, total: 2 },
      promises: { made: 1, kept: 1, broken: 0 },
      stepsFired: 6,
      daily: [{ date: '2025-06-01', collected: 0, overdue: 987_654_321 }],
      durationMs: 1200,
    },
  ],
};

describeEachStore('collections rights for managers', (store) => {
  let server: FastifyInstance;
  let collector: ApiClient;
  let salesperson: ApiClient;
  let manager: ApiClient;
  let simulationId: number;

  beforeAll(async () => {
    server = await authTestServer(store());
    collector = await apiClient(server, 'collector');
    salesperson = await apiClient(server, 'salesperson');
    manager = await apiClient(server, 'collection_manager');
    simulationId = (
      await sql<{ id: number }>`insert into simulation (params, status, result, created_by)
        values (${JSON.stringify({ from: '2025-06-01', days: 30, strategies: ['standard'] })}, 'done',
                ${JSON.stringify(RESULT)}, ${manager.userId}) returning id`.execute(store().db)
    ).rows[0].id;
  });
  afterAll(() => server.close());

  const engineRuns = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from engine_run`.execute(store().db)).rows[0].n;

  it('shows simulations to no collector or salesperson', async () => {
    for (const client of [collector, salesperson]) {
      const list = await client.get('/api/collections/simulations');
      expect(list.statusCode).toBe(403);
      const one = await client.get(`/api/collections/simulations/${simulationId}`);
      expect(one.statusCode).toBe(403);
      expect(one.body).not.toContain('987654321');
    }
  });

  it('shows them to collection managers, administrators and auditors', async () => {
    for (const client of [manager, await apiClient(server, 'admin'), await apiClient(server, 'auditor')]) {
      expect((await client.get('/api/collections/simulations')).statusCode).toBe(200);
      const one = await client.get(`/api/collections/simulations/${simulationId}`);
      expect(one.statusCode).toBe(200);
      expect(one.json().result).toEqual(RESULT);
    }
  });

  it('lets no collector run the engine, for everyone or on any date', async () => {
    const before = await engineRuns();
    for (const body of [{ asOf: '2099-12-31' }, {}]) {
      expect((await collector.post('/api/collections/engine/run', body)).statusCode).toBe(403);
    }
    expect(await engineRuns()).toBe(before);
  });

  it('lets a collection manager run it, and records who asked on the audit log', async () => {
    const run = await manager.post('/api/collections/engine/run', { asOf: '2025-06-30' });
    expect(run.statusCode, run.body).toBe(200);
    const { rows } = await sql<{
      actor_name: string;
      actor_user_id: number;
      row_key: unknown;
      after: unknown;
    }>`
      select actor_name, actor_user_id, row_key, after from audit_log
      where table_name = 'engine_run' and op = 'RUN'`.execute(store().db);
    expect(rows).toEqual([
      {
        actor_name: 'test_collection_manager',
        actor_user_id: manager.userId,
        row_key: { id: run.json().runId },
        after: { kind: 'full', asOf: '2025-06-30', customerIds: null },
      },
    ]);
  });
});
