// A promise becomes kept, partly kept or broken from the payments (DOMAIN: "becomes kept, partly kept or
// broken automatically from payments with a grace period"), also when the payment closes the case (issue 11:
// a promise paid in full showed "cancelled").
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { createPromise } from '../../src/collections/cases/create-promise';
import { runEngine } from '../../src/collections/engine/run-engine';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { describeEachStore } from '../support/stores';
import { addCustomer, addInvoice, pay, startWithStandardStrategy } from './fixtures';

describeEachStore('promise outcome', (store) => {
  let entityId: number;
  let collectorId: number;
  beforeEach(async () => {
    ({ entityId, collectorId } = await startWithStandardStrategy(store().db));
  });

  async function promised(db: Db, amount: number, invoiceAmount: number) {
    const customerId = await addCustomer(db, { collectorId });
    const invoiceId = await addInvoice(db, {
      entityId,
      customerId,
      dueDate: '2026-03-01',
      amount: invoiceAmount,
    });
    await runEngine(db, { asOf: '2026-03-05', kind: 'full' });
    const kase = await db
      .selectFrom('collection_case')
      .select('id')
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow();
    const promise = await createPromise(db, SYSTEM_ACTOR, {
      caseId: kase.id,
      today: '2026-03-05',
      amount,
      currency: 'CNY',
      dueOn: '2026-03-10',
    });
    return { customerId, invoiceId, caseId: kase.id, promiseId: promise.id };
  }

  const promiseRow = (db: Db, id: number) =>
    db
      .selectFrom('promise')
      .select(['status', 'paid_amount', 'resolved_on'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('is kept when the payment that keeps it closes the case', async () => {
    const db = store().db;
    const p = await promised(db, 2_000_000, 2_000_000);
    await pay(db, {
      entityId,
      customerId: p.customerId,
      invoiceId: p.invoiceId,
      amount: 2_000_000,
      date: '2026-03-08',
    });
    await runEngine(db, { asOf: '2026-03-08', kind: 'incremental' });
    const kase = await db
      .selectFrom('collection_case')
      .select('status')
      .where('id', '=', p.caseId)
      .executeTakeFirstOrThrow();
    expect(kase.status).toBe('closed');
    expect(await promiseRow(db, p.promiseId)).toEqual({
      status: 'kept',
      paid_amount: 2_000_000,
      resolved_on: '2026-03-08',
    });
  });

  it('is kept when the payment clears the whole debt, even if the promise named more', async () => {
    const db = store().db;
    const p = await promised(db, 3_000_000, 2_000_000);
    await pay(db, {
      entityId,
      customerId: p.customerId,
      invoiceId: p.invoiceId,
      amount: 2_000_000,
      date: '2026-03-09',
    });
    await runEngine(db, { asOf: '2026-03-09', kind: 'incremental' });
    expect((await promiseRow(db, p.promiseId)).status).toBe('kept');
  });

  it('is partly kept when part was paid by its date plus grace, and the broken-promise steps follow', async () => {
    const db = store().db;
    const p = await promised(db, 2_000_000, 5_000_000);
    await pay(db, {
      entityId,
      customerId: p.customerId,
      invoiceId: p.invoiceId,
      amount: 500_000,
      date: '2026-03-09',
    });
    await runEngine(db, { asOf: '2026-03-09', kind: 'incremental' });
    expect((await promiseRow(db, p.promiseId)).status).toBe('open');
    // Due 03-10, two days' grace: on 03-13 it is settled.
    await runEngine(db, { asOf: '2026-03-13', kind: 'full' });
    expect(await promiseRow(db, p.promiseId)).toEqual({
      status: 'partial',
      paid_amount: 500_000,
      resolved_on: '2026-03-13',
    });
    const fired = await sql<{ step_key: string }>`
      select step_key from step_firing where case_id = ${p.caseId} and occurrence_key = ${`promise:${p.promiseId}`}
      order by step_key`.execute(db);
    expect(fired.rows.map((r) => r.step_key)).toEqual([
      'broken-promise-call',
      'broken-promise-email',
      'broken-promise-sms',
    ]);
  });

  it('is broken when nothing was paid by its date plus grace', async () => {
    const db = store().db;
    const p = await promised(db, 2_000_000, 5_000_000);
    await runEngine(db, { asOf: '2026-03-13', kind: 'full' });
    expect(await promiseRow(db, p.promiseId)).toEqual({
      status: 'broken',
      paid_amount: 0,
      resolved_on: '2026-03-13',
    });
  });
});
