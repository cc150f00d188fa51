// One dispute model (issue 12 + 15): the first structured dispute open on an invoice takes it out of dunning
// (invoice.disputed, what the engine reads), in the same transaction as the dispute; resolving the last open
// one puts it back. The days raised and resolved may be given, for scripted history. Both stores.
import { beforeEach, expect, it } from 'vitest';
import { openDispute, updateDispute } from '../../src/collections/disputes/disputes';
import { runEngine } from '../../src/collections/engine/run-engine';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { addDays } from '../../src/shared/dates';
import { describeEachStore } from '../support/stores';
import { addCustomer, addInvoice, startWithStandardStrategy } from './fixtures';

async function runDays(db: Db, from: string, to: string) {
  for (let d = from; d <= to; d = addDays(d, 1)) await runEngine(db, { asOf: d, kind: 'full' });
}

describeEachStore('disputes take invoices out of dunning', (store) => {
  let invoiceId: number;
  beforeEach(async () => {
    const db = store().db;
    const { entityId, collectorId } = await startWithStandardStrategy(db);
    const customerId = await addCustomer(db, { collectorId });
    invoiceId = await addInvoice(db, {
      entityId,
      customerId,
      issueDate: '2026-02-01',
      dueDate: '2026-03-01',
      amount: 300_000,
    });
  });
  const flag = async () =>
    (
      await store()
        .db.selectFrom('invoice')
        .select('disputed')
        .where('id', '=', invoiceId)
        .executeTakeFirstOrThrow()
    ).disputed;
  const caseStatus = async () =>
    (await store().db.selectFrom('collection_case').select('status').executeTakeFirstOrThrow()).status;

  it('marks the invoice disputed while any dispute is open, and the engine does not dun it', async () => {
    const db = store().db;
    const today = '2026-03-10';
    const first = await openDispute(db, SYSTEM_ACTOR, {
      invoiceId,
      reasonCode: 'quality',
      amount: 100_000,
      today,
      raisedOn: '2026-03-03',
    });
    expect(first).toMatchObject({ raisedOn: '2026-03-03', status: 'open' });
    expect(await flag()).toBe(true);
    const second = await openDispute(db, SYSTEM_ACTOR, {
      invoiceId,
      reasonCode: 'price',
      amount: 50_000,
      today,
    });
    await runDays(db, '2026-03-04', '2026-03-06');
    expect(await caseStatus()).toBe('dispute');

    await expect(
      updateDispute(db, SYSTEM_ACTOR, {
        id: first.id,
        resolutionCode: 'rejected',
        today,
        resolvedOn: '2026-03-02',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const resolved = await updateDispute(db, SYSTEM_ACTOR, {
      id: first.id,
      resolutionCode: 'rejected',
      today,
      resolvedOn: '2026-03-07',
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedOn: '2026-03-07' });
    expect(await flag()).toBe(true); // the second is still open

    await updateDispute(db, SYSTEM_ACTOR, { id: second.id, status: 'in_review', today });
    expect(await flag()).toBe(true);
    await updateDispute(db, SYSTEM_ACTOR, { id: second.id, resolutionCode: 'partly', today });
    expect(await flag()).toBe(false);
    await runDays(db, '2026-03-08', '2026-03-08');
    expect(await caseStatus()).not.toBe('dispute');
  });

  it('refuses a day that is not a date or before the invoice was issued, changing nothing', async () => {
    const db = store().db;
    const base = { invoiceId, reasonCode: 'other' as const, today: '2026-03-10' };
    await expect(openDispute(db, SYSTEM_ACTOR, { ...base, raisedOn: '2026-13-01' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(openDispute(db, SYSTEM_ACTOR, { ...base, raisedOn: '2026-01-31' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await flag()).toBe(false);
  });
});
