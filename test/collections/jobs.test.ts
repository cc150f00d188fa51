import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { runEngine } from '../../src/collections/engine/run-engine';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import { JOB_HANDLERS } from '../../src/jobs/handlers';
import { claimJob, enqueueDueSchedules, enqueueJob } from '../../src/jobs/job-queries';
import { runOneJob } from '../../src/jobs/runner';
import { describeEachStore, testApp } from '../support/stores';
import { activate, addCustomer, addEntity, addInvoice, pay, resetCollections } from './fixtures';

describeEachStore('collections jobs', (store) => {
  beforeEach(async () => {
    await resetCollections(store().db);
    await sql`update job_schedule set last_slot = null`.execute(store().db);
  });

  it('a payment queues one incremental cycle, which closes the paid case', async () => {
    const db = store().db;
    await ensureDefaultStrategies(db);
    await activate(db, 'standard');
    const entityId = await addEntity(db);
    const customerId = await addCustomer(db);
    const first = await addInvoice(db, {
      entityId,
      customerId,
      dueDate: '2020-01-10',
      issueDate: '2019-12-10',
      amount: 100_000,
    });
    const second = await addInvoice(db, {
      entityId,
      customerId,
      dueDate: '2020-01-20',
      issueDate: '2019-12-20',
      amount: 50_000,
    });
    await runEngine(db, { asOf: '2020-02-01', kind: 'full' });
    await sql`delete from job`.execute(db);
    await pay(db, { entityId, customerId, invoiceId: first, amount: 100_000, date: '2020-02-02' });
    await pay(db, { entityId, customerId, invoiceId: second, amount: 50_000, date: '2020-02-02' });
    const queued = await sql<{ kind: string }>`select kind from job where status = 'queued'`.execute(db);
    expect(queued.rows).toEqual([{ kind: 'collections.incremental' }]); // two payments, one job
    const dirty = await sql<{ customer_id: number }>`select customer_id from collection_dirty`.execute(db);
    expect(dirty.rows).toEqual([{ customer_id: customerId }]);
    await sql`update job set run_at = now() - interval '1 second'`.execute(db);
    const summary = { done: 0, failed: 0 };
    expect(await runOneJob(testApp(store()), { handlers: JOB_HANDLERS }, summary)).toBe(true);
    expect(summary).toEqual({ done: 1, failed: 0 });
    const kase = await db.selectFrom('collection_case').select(['status']).executeTakeFirstOrThrow();
    expect(kase.status).toBe('closed');
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from collection_dirty`.execute(db)).rows[0].n,
    ).toBe(0);
  });

  it('enqueues the daily cycle once per business date, after its time', async () => {
    const db = store().db;
    expect(await enqueueDueSchedules(db, '2026-03-05', '00:30')).toBe(0);
    expect(await enqueueDueSchedules(db, '2026-03-05', '01:00')).toBe(1);
    expect(await enqueueDueSchedules(db, '2026-03-05', '13:00')).toBe(0);
    expect(await enqueueDueSchedules(db, '2026-03-06', '01:05')).toBe(1);
    const jobs = await sql<{ kind: string; asof: string }>`
      select kind, payload->>'asOf' as asof from job order by id`.execute(db);
    expect(jobs.rows).toEqual([
      { kind: 'collections.cycle', asof: '2026-03-05' },
      { kind: 'collections.cycle', asof: '2026-03-06' },
    ]);
  });

  it('retries a failing job with backoff, then gives up', async () => {
    const db = store().db;
    await sql`delete from job`.execute(db);
    const id = await enqueueJob(db, { kind: 'test.fail', maxAttempts: 2 });
    const handlers = { 'test.fail': async () => Promise.reject(new Error('boom')) };
    const summary = { done: 0, failed: 0 };
    expect(await runOneJob(testApp(store()), { handlers }, summary)).toBe(true);
    const retried = await sql<{ status: string; attempts: number; later: boolean; last_error: string }>`
      select status, attempts, run_at > now() as later, last_error from job where id = ${id}`.execute(db);
    expect(retried.rows[0]).toMatchObject({ status: 'queued', attempts: 1, later: true });
    expect(retried.rows[0].last_error).toContain('boom');
    expect(await runOneJob(testApp(store()), { handlers }, summary)).toBe(false); // not due yet
    await sql`update job set run_at = now() - interval '1 second' where id = ${id}`.execute(db);
    expect(await runOneJob(testApp(store()), { handlers }, summary)).toBe(true);
    const failed = await sql<{
      status: string;
      attempts: number;
    }>`select status, attempts from job where id = ${id}`.execute(db);
    expect(failed.rows[0]).toEqual({ status: 'failed', attempts: 2 });
    expect(summary.failed).toBe(2);
  });

  it('hands each job to one worker and takes back the job of a worker that died', async () => {
    const db = store().db;
    await sql`delete from job`.execute(db);
    for (let i = 0; i < 4; i++) await enqueueJob(db, { kind: 'test.ok' });
    const claims = await Promise.all([0, 1, 2, 3, 4, 5].map((w) => claimJob(db, `w${w}`, 60, ['test.ok'])));
    const ids = claims.filter((c) => c !== null).map((c) => c!.id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    // A worker died holding a job: once its lock expires another worker takes it.
    await sql`update job set locked_until = now() - interval '1 second' where id = ${ids[0]}`.execute(db);
    const again = await claimJob(db, 'w9', 60, ['test.ok']);
    expect(again?.id).toBe(ids[0]);
    expect(again?.attempts).toBe(2);
  });
});
