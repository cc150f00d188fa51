import { getEventListeners } from 'node:events';
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { markDueCommitments } from '../../src/collections/due-commitments';
import { runEngine } from '../../src/collections/engine/run-engine';
import { ensureDefaultStrategies } from '../../src/collections/strategy/strategy-queries';
import { JOB_HANDLERS, JOB_SCHEDULES } from '../../src/jobs/handlers';
import { claimJob, enqueueDueSchedules, enqueueJob } from '../../src/jobs/job-queries';
import { runOneJob, runWorker } from '../../src/jobs/runner';
import { addDays, todayIn } from '../../src/shared/dates';
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

  it('enqueues each daily schedule once per business date, after its time', async () => {
    const db = store().db;
    expect(await enqueueDueSchedules(db, '2026-03-05', '00:00', JOB_SCHEDULES)).toBe(0);
    expect(await enqueueDueSchedules(db, '2026-03-05', '00:30', JOB_SCHEDULES)).toBe(1); // promises due
    expect(await enqueueDueSchedules(db, '2026-03-05', '01:00', JOB_SCHEDULES)).toBe(1); // the full cycle
    expect(await enqueueDueSchedules(db, '2026-03-05', '13:00', JOB_SCHEDULES)).toBe(0);
    expect(await enqueueDueSchedules(db, '2026-03-06', '01:05', JOB_SCHEDULES)).toBe(2);
    const jobs = await sql<{ kind: string; asof: string }>`
      select kind, payload->>'asOf' as asof from job order by payload->>'asOf', kind`.execute(db);
    expect(jobs.rows).toEqual([
      { kind: 'collections.cycle', asof: '2026-03-05' },
      { kind: 'collections.promises-due', asof: '2026-03-05' },
      { kind: 'collections.cycle', asof: '2026-03-06' },
      { kind: 'collections.promises-due', asof: '2026-03-06' },
    ]);
    // Declaring the schedules again keeps the rows as they are, with a time a person changed.
    await sql`update job_schedule set at_time = '06:00' where name = 'collections.promises-due'`.execute(db);
    expect(await enqueueDueSchedules(db, '2026-03-07', '05:59', JOB_SCHEDULES)).toBe(1);
    const schedules = await sql<{ name: string; at_time: string }>`
      select name, at_time from job_schedule order by name`.execute(db);
    expect(schedules.rows).toEqual([
      { name: 'collections.daily', at_time: '01:00' },
      { name: 'collections.promises-due', at_time: '06:00' },
    ]);
    await sql`update job_schedule set at_time = '00:05' where name = 'collections.promises-due'`.execute(db);
  });

  it('settles a promise past its date plus grace through the promises-due job, before the full cycle', async () => {
    const db = store().db;
    const app = testApp(store());
    await ensureDefaultStrategies(db);
    await activate(db, 'standard');
    // The job runs the engine as of today (the incremental cycle has no date of its own).
    const today = todayIn(app.config.timeZone);
    const entityId = await addEntity(db);
    const customerId = await addCustomer(db);
    await addInvoice(db, {
      entityId,
      customerId,
      dueDate: addDays(today, -10),
      issueDate: addDays(today, -40),
      amount: 100_000,
    });
    await runEngine(db, { asOf: addDays(today, -5), kind: 'full' });
    // Promised five days ago for three days ago; the standard strategy's grace is 2 days: yesterday was the
    // last day, and nothing was paid.
    const promise = await sql<{ id: number }>`
      insert into promise (case_id, customer_id, entity_id, currency, amount, promised_on, due_on)
      select id, customer_id, entity_id, 'CNY', 100000, ${addDays(today, -5)}::date, ${addDays(today, -3)}::date
      from collection_case returning id`.execute(db);
    const promiseId = promise.rows[0].id;
    // Yesterday's full cycle: the promise still held the case.
    await runEngine(db, { asOf: addDays(today, -1), kind: 'full' });
    expect((await db.selectFrom('promise').select('status').executeTakeFirstOrThrow()).status).toBe('open');
    await sql`delete from job`.execute(db);
    await sql`delete from collection_dirty`.execute(db);

    // Just after midnight: the promises-due check, not yet the full cycle.
    expect(await enqueueDueSchedules(db, today, '00:10', JOB_SCHEDULES)).toBe(1);
    const summary = { done: 0, failed: 0 };
    const options = { handlers: JOB_HANDLERS };
    expect(await runOneJob(app, options, summary)).toBe(true);
    const check = await sql<{ kind: string; result: Record<string, unknown> }>`
      select kind, result from job where status = 'done'`.execute(db);
    expect(check.rows).toEqual([
      {
        kind: 'collections.promises-due',
        result: expect.objectContaining({ asOf: today, customers: 1, promises: 1, installments: 0 }),
      },
    ]);
    const dirty = await sql<{ customer_id: number }>`select customer_id from collection_dirty`.execute(db);
    expect(dirty.rows).toEqual([{ customer_id: customerId }]);
    const queued = await sql<{ kind: string }>`select kind from job where status = 'queued'`.execute(db);
    expect(queued.rows).toEqual([{ kind: 'collections.incremental' }]);

    await sql`update job set run_at = now() - interval '1 second' where status = 'queued'`.execute(db);
    expect(await runOneJob(app, options, summary)).toBe(true);
    expect(summary).toEqual({ done: 2, failed: 0 });
    // Broken, and escalated at once: the broken-promise steps fired and the case is in strong collection.
    const settled = await db
      .selectFrom('promise')
      .select(['status', 'resolved_on'])
      .executeTakeFirstOrThrow();
    expect(settled).toEqual({ status: 'broken', resolved_on: today });
    const fired = await sql<{ step_key: string }>`
      select step_key from step_firing where occurrence_key = ${`promise:${promiseId}`} order by step_key`.execute(
      db,
    );
    expect(fired.rows.map((r) => r.step_key)).toEqual([
      'broken-promise-call',
      'broken-promise-email',
      'broken-promise-sms',
    ]);
    const kase = await db
      .selectFrom('collection_case')
      .select(['stage', 'stage_floor', 'evaluated_on'])
      .executeTakeFirstOrThrow();
    expect(kase).toEqual({ stage: 'strong', stage_floor: 'strong', evaluated_on: today });

    // Nothing is left for a second check, and the full cycle later that night fires nothing again.
    expect(await markDueCommitments(db, today)).toMatchObject({ customers: 0, jobId: null });
    expect(await enqueueDueSchedules(db, today, '01:00', JOB_SCHEDULES)).toBe(1);
    const firedBefore = await sql<{ n: number }>`select count(*)::int as n from step_firing`.execute(db);
    expect(await runOneJob(app, options, summary)).toBe(true);
    expect(summary).toEqual({ done: 3, failed: 0 });
    const firedAfter = await sql<{ n: number }>`select count(*)::int as n from step_firing`.execute(db);
    expect(firedAfter.rows[0].n).toBe(firedBefore.rows[0].n);
  });

  it('marks only open commitments past their grace, once, with workers checking at once', async () => {
    const db = store().db;
    await ensureDefaultStrategies(db);
    await activate(db, 'standard');
    const today = '2026-03-20';
    const entityId = await addEntity(db);
    const customers: number[] = [];
    for (let i = 0; i < 5; i++) {
      const customerId = await addCustomer(db);
      customers.push(customerId);
      await addInvoice(db, { entityId, customerId, dueDate: '2026-03-01', amount: 100_000 });
    }
    await runEngine(db, { asOf: '2026-03-10', kind: 'full' });
    const caseOf = async (customerId: number) =>
      (
        await db
          .selectFrom('collection_case')
          .select(['id'])
          .where('customer_id', '=', customerId)
          .executeTakeFirstOrThrow()
      ).id;
    const promise = async (customerId: number, dueOn: string, status = 'open') => {
      await sql`insert into promise (case_id, customer_id, entity_id, currency, amount, promised_on, due_on, status)
                values (${await caseOf(customerId)}, ${customerId}, ${entityId}, 'CNY', 1000, '2026-03-10',
                        ${dueOn}::date, ${status})`.execute(db);
    };
    const [late, installment, inGrace, settled, closed] = customers;
    await promise(late, '2026-03-17'); // last day (grace 2) the 19th: past
    await promise(inGrace, '2026-03-18'); // last day today: not yet
    await promise(settled, '2026-03-10', 'kept');
    await promise(closed, '2026-03-10');
    await sql`update collection_case set closed_on = '2026-03-15', status = 'closed' where customer_id = ${closed}`.execute(
      db,
    );
    const plan = await sql<{ id: number }>`
      insert into payment_plan (case_id, customer_id, entity_id, currency, created_on)
      values (${await caseOf(installment)}, ${installment}, ${entityId}, 'CNY', '2026-03-10') returning id`.execute(
      db,
    );
    await sql`insert into payment_plan_installment (plan_id, seq, due_on, amount, status) values
              (${plan.rows[0].id}, 1, '2026-03-12', 500, 'paid'), (${plan.rows[0].id}, 2, '2026-03-16', 500, 'open'),
              (${plan.rows[0].id}, 3, '2026-04-16', 500, 'open')`.execute(db);
    await sql`delete from job`.execute(db);
    await sql`delete from collection_dirty`.execute(db);

    const results = await Promise.all([0, 1, 2, 3].map(() => markDueCommitments(db, today)));
    for (const r of results) expect(r).toMatchObject({ customers: 2, promises: 1, installments: 1 });
    const jobIds = new Set(results.map((r) => r.jobId));
    expect(jobIds.size).toBe(1);
    const dirty = await sql<{ customer_id: number }>`
      select customer_id from collection_dirty order by customer_id`.execute(db);
    expect(dirty.rows.map((r) => r.customer_id)).toEqual([late, installment].sort((a, b) => a - b));
    const jobs = await sql<{ kind: string; status: string }>`select kind, status from job`.execute(db);
    expect(jobs.rows).toEqual([{ kind: 'collections.incremental', status: 'queued' }]);
  });

  it('an idle worker does not pile up listeners on its stop signal', async () => {
    const app = testApp(store());
    const stop = new AbortController();
    const worker = runWorker(app, {
      handlers: JOB_HANDLERS,
      signal: stop.signal,
      pollMs: 5,
      schedules: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // dozens of idle waits
    expect(getEventListeners(stop.signal, 'abort').length).toBeLessThanOrEqual(1);
    stop.abort();
    await worker;
    expect(getEventListeners(stop.signal, 'abort')).toEqual([]);
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
