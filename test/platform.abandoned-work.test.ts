// Work whose process died (an import killed mid-way, an engine cycle killed with its worker) used to stay
// "running" for ever. Its row now holds a lease the owner renews; when the owner is gone the row is marked
// failed with the reason, and the API lists say so.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sweepAbandonedWork } from '../src/jobs/abandoned-work';
import { EMPTY_DETAILS } from '../src/ledger/import/import-dto';
import { finishBatch } from '../src/ledger/import/import-queries';
import { holdLease } from '../src/platform/db/lease';
import type { Store } from '../src/platform/db/store';
import { authTestServer } from './auth/helpers';
import { type ApiClient, apiClient } from './support/http';
import { describeEachStore, testApp } from './support/stores';

async function runningBatch(store: Store, lease: string | null): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into import_batch (kind, file_name, file_sha256, status, lease_until)
    values ('invoices', 'killed.csv', ${'0'.repeat(64)}, 'running', ${lease === null ? null : sql`now() + ${lease}::interval`})
    returning id`.execute(store.db);
  return rows[0].id;
}

async function runningRun(store: Store, lease: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into engine_run (kind, as_of, lease_until) values ('full', '2026-03-15', now() + ${lease}::interval)
    returning id`.execute(store.db);
  return rows[0].id;
}

const batchState = async (store: Store, id: number) =>
  store.db
    .selectFrom('import_batch')
    .select(['status', 'errors', 'finished_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const runState = async (store: Store, id: number) =>
  store.db
    .selectFrom('engine_run')
    .select(['status', 'error', 'finished_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describeEachStore('work abandoned by a process that is gone', (store, kind) => {
  let server: FastifyInstance;
  let finance: ApiClient;
  beforeAll(async () => {
    server = await authTestServer(store());
    finance = await apiClient(server, 'finance');
  });
  afterAll(() => server.close());

  it('marks a running import batch and engine run whose lease ran out as failed, with the reason', async () => {
    const deadBatch = await runningBatch(store(), '-5 minutes');
    const oldBatch = await runningBatch(store(), null); // from before leases: its start time stands in
    await sql`update import_batch set started_at = now() - interval '1 hour' where id = ${oldBatch}`.execute(
      store().db,
    );
    const liveBatch = await runningBatch(store(), '2 minutes');
    const deadRun = await runningRun(store(), '-5 minutes');
    const liveRun = await runningRun(store(), '2 minutes');

    expect(await sweepAbandonedWork(testApp(store()), { atOpen: false })).toEqual({
      importBatches: 2,
      engineRuns: 1,
    });
    for (const id of [deadBatch, oldBatch]) {
      const batch = await batchState(store(), id);
      expect(batch.status).toBe('failed');
      expect(batch.finished_at).not.toBeNull();
      expect(batch.errors).toEqual([
        { line: 0, field: null, value: null, reason: expect.stringMatching(/^abandoned: .*已中断/) },
      ]);
    }
    expect(await runState(store(), deadRun)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^abandoned: the process running it stopped renewing its lease/),
    });
    // A live owner's rows are left alone.
    expect((await batchState(store(), liveBatch)).status).toBe('running');
    expect((await runState(store(), liveRun)).status).toBe('running');

    // The lists say it: the batch list with its reason, the engine runs with theirs.
    const imports = (await finance.get('/api/imports')).json();
    expect(imports.items.find((b: { batchId: number }) => b.batchId === deadBatch)).toMatchObject({
      status: 'failed',
      errors: [expect.objectContaining({ reason: expect.stringContaining('abandoned') })],
    });
    const runs = await finance.get('/api/collections/engine/runs?status=failed');
    expect(runs.statusCode, runs.body).toBe(200);
    expect(runs.json().items).toEqual([
      expect.objectContaining({ id: deadRun, status: 'failed', error: expect.stringContaining('abandoned') }),
    ]);
  });

  it('on opening the store marks every running row on PGlite (one process), only expired leases on PostgreSQL', async () => {
    const batch = await runningBatch(store(), '2 minutes');
    const run = await runningRun(store(), '2 minutes');
    await sweepAbandonedWork(testApp(store()), { atOpen: true });
    const expected = kind === 'pglite' ? 'failed' : 'running';
    expect((await batchState(store(), batch)).status).toBe(expected);
    expect((await runState(store(), run)).status).toBe(expected);
    if (kind === 'pglite') {
      expect((await runState(store(), run)).error).toMatch(/^abandoned: the process running it ended/);
    }
  });

  it('finishes a batch whose error report holds a NUL character (it used to fail and stay running)', async () => {
    const batch = await runningBatch(store(), '2 minutes');
    await finishBatch(store().db, batch, {
      status: 'failed',
      rowsTotal: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      errorCount: 1,
      errors: [{ line: 2, field: 'number', value: 'A\u0000B', reason: 'internal error: bad \u0000 byte' }],
      details: EMPTY_DETAILS,
    });
    expect(await batchState(store(), batch)).toMatchObject({
      status: 'failed',
      errors: [{ line: 2, field: 'number', value: 'A\u2400B', reason: 'internal error: bad \u2400 byte' }],
    });
  });

  it('keeps a working owner’s lease alive while it runs', async () => {
    const batch = await runningBatch(store(), '1 second');
    const release = holdLease(store().db, 'import_batch', batch, { renewMs: 50, leaseSeconds: 600 });
    try {
      await expect
        .poll(
          async () =>
            (
              await sql<{ ahead: boolean }>`select lease_until > now() + interval '5 minutes' as ahead
                from import_batch where id = ${batch}`.execute(store().db)
            ).rows[0].ahead,
          { timeout: 10_000 },
        )
        .toBe(true);
    } finally {
      release();
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await sweepAbandonedWork(testApp(store()), { atOpen: false })).toEqual({
      importBatches: 0,
      engineRuns: 0,
    });
  });
});
