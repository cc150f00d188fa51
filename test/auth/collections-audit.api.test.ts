// The collections tables are on the audit log (migration 0007): a person's change to a case or a promise is
// an entry with who, before and after, like a change to the ledger. The engine's bulk writes are recorded
// too, as one summary entry per statement (row count and digest) in the system's name, and the chain stays
// intact.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAudit } from '../../src/auth/verify-audit';
import { runEngine } from '../../src/collections/engine/run-engine';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { addCustomer, addEntity, addInvoice, addUser } from '../collections/fixtures';
import { type ApiClient, apiClient } from '../support/http';
import { deadlockTimeoutMs, lockWaiters } from '../support/locks';
import { describeEachStore } from '../support/stores';
import { authTestServer } from './helpers';

interface Entry {
  actor_name: string;
  op: string;
  row_key: Record<string, unknown> | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  row_count: number;
  rows_digest: string | null;
}

describeEachStore('collections on the audit log', (store) => {
  let server: FastifyInstance;
  let manager: ApiClient;
  let caseIds: number[];

  beforeAll(async () => {
    server = await authTestServer(store());
    manager = await apiClient(server, 'collection_manager');
    const db = store().db;
    const entityId = await addEntity(db);
    const collectorId = await addUser(db);
    for (const amount of [150_000, 260_000, 370_000]) {
      const customerId = await addCustomer(db, { collectorId });
      await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount });
    }
    const run = await manager.post('/api/collections/engine/run', { asOf: '2026-04-01' });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().casesOpened).toBe(3);
    const cases = await manager.get('/api/collections/cases');
    caseIds = cases.json().items.map((item: { id: number }) => item.id);
  });
  afterAll(() => server.close());

  const entries = async (table: string) =>
    (
      await sql<Entry>`select actor_name, op, row_key, before, after, row_count, rows_digest from audit_log
        where table_name = ${table} order by id`.execute(store().db)
    ).rows;

  it('records a person’s change to a case, with who and the changed columns', async () => {
    const caseId = caseIds[0];
    const before = (await entries('collection_case')).length;
    const paused = await manager.patch(`/api/collections/cases/${caseId}`, {
      manualStatus: 'paused',
      pausedUntil: '2099-12-31',
    });
    expect(paused.statusCode, paused.body).toBe(200);
    const added = (await entries('collection_case')).slice(before);
    expect(added).toContainEqual(
      expect.objectContaining({
        actor_name: 'test_collection_manager',
        op: 'UPDATE',
        row_key: { id: caseId },
        before: expect.objectContaining({ manual_status: null, paused_until: null }),
        after: expect.objectContaining({ manual_status: 'paused', paused_until: '2099-12-31' }),
        row_count: 1,
      }),
    );
  });

  it('records a promise to pay as it was given', async () => {
    const promise = await manager.post(`/api/collections/cases/${caseIds[1]}/promises`, {
      amount: 260_000,
      currency: 'CNY',
      dueOn: '2099-01-10',
    });
    expect(promise.statusCode, promise.body).toBe(201);
    expect(await entries('promise')).toEqual([
      expect.objectContaining({
        actor_name: 'test_collection_manager',
        op: 'INSERT',
        row_key: { id: promise.json().id },
        after: expect.objectContaining({ case_id: caseIds[1], amount: 260_000, due_on: '2099-01-10' }),
      }),
    ]);
  });

  it('records the engine’s bulk writes as one summary entry per statement, and the chain verifies', async () => {
    const engine = (await entries('collection_case')).filter((entry) => entry.actor_name === 'system');
    // At least the sync that opened the three cases and the batch that evaluated them.
    expect(engine.length).toBeGreaterThanOrEqual(2);
    for (const entry of engine) {
      expect(entry).toMatchObject({ row_key: null, before: null, after: null });
      expect(entry.rows_digest).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(engine.find((entry) => entry.op === 'INSERT')?.row_count).toBe(3);
    expect((await verifyAudit(store().db, SYSTEM_ACTOR)).ok).toBe(true);
  });

  it('lets a person change a case an engine batch holds, without a deadlock or a lost change', async () => {
    // The batch has claimed (row-locked) the cases when the person changes one; the person's transaction
    // takes the audit chain head first. The engine took the head before its claim, so the person waits
    // for the batch to commit instead of each waiting for the other.
    const caseId = caseIds[2];
    let change: ReturnType<typeof manager.patch> | undefined;
    await runEngine(store().db, {
      asOf: '2026-04-02',
      kind: 'full',
      checkpoint: async (label) => {
        if (label !== 'batch:claimed' || change) return;
        let done = false;
        change = manager.patch(`/api/collections/cases/${caseId}`, { manualStatus: 'legal' });
        change.then(
          () => (done = true),
          () => (done = true),
        );
        // PGlite has one connection: the change simply queues behind the batch. On PostgreSQL the change
        // either goes through (the batch holds no row yet) or waits on a lock: then wait past deadlock_timeout,
        // when PostgreSQL would report a deadlock. A fixed sleep could end before the change even started.
        if (store().kind !== 'postgres') return;
        const db = store().db;
        await expect
          .poll(async () => done || (await lockWaiters(db)) > 0, { timeout: 30_000, interval: 20 })
          .toBe(true);
        if (done) return;
        const ms = await deadlockTimeoutMs(db);
        await new Promise((resolve) => setTimeout(resolve, ms + 300));
      },
    });
    const response = await change;
    expect(response?.statusCode, response?.body).toBe(200);
    expect(response?.json().manualStatus).toBe('legal');
    expect((await verifyAudit(store().db, SYSTEM_ACTOR)).ok).toBe(true);
  });
});
