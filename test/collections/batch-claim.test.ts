// Optimistic batches (src/collections/engine/batch-claim.ts): a batch reads and evaluates without the audit
// chain head, so people and other workers can write meanwhile; before writing it takes the head, locks its
// cases and evaluates again any case that changed, so nothing is written from a stale reading and no case is
// evaluated twice for a date. Concurrent connections: PostgreSQL only.
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { createPromise } from '../../src/collections/cases/create-promise';
import { runEngine } from '../../src/collections/engine/run-engine';
import type { Actor } from '../../src/platform/auth/actor';
import { describeOnPostgres } from '../support/stores';
import { addCustomer, addInvoice, startWithStandardStrategy } from './fixtures';

describeOnPostgres('optimistic engine batches', (store) => {
  let entityId: number;
  let collectorId: number;
  beforeEach(async () => {
    ({ entityId, collectorId } = await startWithStandardStrategy(store().db));
  });

  it('honours a promise recorded while the batch was evaluating its case', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 500_000 });
    // The first run opens the case and sends the first overdue notice.
    await runEngine(db, { asOf: '2026-03-11', kind: 'full' });
    const kase = await db.selectFrom('collection_case').select('id').executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: collectorId,
      name: '王催收',
      permissions: new Set(['collections:write', 'collections:read']),
      customerScope: null,
      entityIds: null,
    };
    let promised = false;
    // On 03-17 the standard strategy sends sms-7. Between the batch's reads and its writes the collector
    // records a promise (in its own transaction, committed): the batch must not write what it read before.
    const run = await runEngine(db, {
      asOf: '2026-03-17',
      kind: 'full',
      checkpoint: async (label) => {
        if (label !== 'batch:firings' || promised) return;
        promised = true;
        await createPromise(db, actor, {
          caseId: kase.id,
          today: '2026-03-17',
          amount: 500_000,
          currency: 'CNY',
          dueOn: '2026-03-25',
        });
      },
    });
    expect(promised).toBe(true);
    expect(run.casesEvaluated).toBe(1);
    const fired = await sql<{ step_key: string }>`
      select step_key from step_firing where fired_on = '2026-03-17'`.execute(db);
    expect(fired.rows).toEqual([]);
    const after = await db
      .selectFrom('collection_case')
      .select(['status', 'evaluated_on'])
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'promise', evaluated_on: '2026-03-17' });
  });

  it('splits the cases between concurrent runs and evaluates each once', async () => {
    const db = store().db;
    for (let i = 0; i < 120; i++) {
      const customerId = await addCustomer(db, { collectorId, contact: i % 3 !== 0 });
      await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 100_000 + i });
    }
    const opts = { asOf: '2026-03-11', kind: 'full' as const, batchSize: 7, concurrency: 2 };
    await runEngine(db, { ...opts, asOf: '2026-03-09' }); // opens the cases
    const runs = await Promise.all([runEngine(db, opts), runEngine(db, opts), runEngine(db, opts)]);
    expect(runs.reduce((n, r) => n + r.casesEvaluated, 0)).toBe(120);
    // More than one run did some of the work: the claims split the cases rather than queueing behind one.
    expect(runs.filter((r) => r.casesEvaluated > 0).length).toBeGreaterThan(1);
    const firings = await sql<{ n: number; cases: number }>`
      select count(*)::int as n, count(distinct case_id)::int as cases from step_firing
      where fired_on = '2026-03-11'`.execute(db);
    expect(firings.rows[0]).toEqual({ n: 120, cases: 120 });
    const outbox = await sql<{ n: number }>`
      select count(*)::int as n from outbox where scheduled_on = '2026-03-11'`.execute(db);
    expect(outbox.rows[0].n).toBe(80); // the 40 customers without a contact get no message
  });

  it('leaves a case a person holds locked for a later run instead of waiting for it', async () => {
    const db = store().db;
    const customerIds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const customerId = await addCustomer(db, { collectorId });
      customerIds.push(customerId);
      await addInvoice(db, { entityId, customerId, dueDate: '2026-03-10', amount: 200_000 });
    }
    await runEngine(db, { asOf: '2026-03-09', kind: 'full' });
    const held = await db
      .selectFrom('collection_case')
      .select('id')
      .where('customer_id', '=', customerIds[1])
      .executeTakeFirstOrThrow();
    let release!: () => void;
    const released = new Promise<void>((done) => {
      release = done;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((done) => {
      locked = done;
    });
    const person = db.transaction().execute(async (tx) => {
      await sql`select id from collection_case where id = ${held.id} for update`.execute(tx);
      locked();
      await released;
    });
    await isLocked;
    const first = await runEngine(db, { asOf: '2026-03-11', kind: 'full' });
    release();
    await person;
    expect(first.casesEvaluated).toBe(2);
    const second = await runEngine(db, { asOf: '2026-03-11', kind: 'full' });
    expect(second.casesEvaluated).toBe(1);
    const firings = await sql<{ case_id: number }>`
      select case_id from step_firing where fired_on = '2026-03-11' order by case_id`.execute(db);
    expect(firings.rows).toHaveLength(3);
  });
});
