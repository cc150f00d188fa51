// Issue 15, done when: the standard strategy run day by day for six months over hand-made customers — one who
// pays, one who disputes, one who breaks a promise, one with a 200-day backlog — gives the timeline the
// strategy says, every step either fired or recorded as skipped with its reason, the credit hold released when
// paid, and letters that read as of their date. PGlite only: it is long, and the engine is the same on both.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openDispute, updateDispute } from '../../src/collections/disputes/disputes';
import { runEngine } from '../../src/collections/engine/run-engine';
import { STANDARD } from '../../src/collections/strategy/default-strategies';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { addDays } from '../../src/shared/dates';
import { describeEachStore } from '../support/stores';
import { addCustomer, addInvoice, pay, startWithStandardStrategy } from './fixtures';

const START = '2026-01-01';
const END = '2026-06-30';

describeEachStore('six months of the standard strategy, day by day', (store, kind) => {
  it.skipIf(kind !== 'pglite')(
    'fires or records every step, releases holds when paid, dates letters as of their day',
    async () => {
      const db = store().db;
      const { entityId, collectorId } = await startWithStandardStrategy(db);
      const payer = await addCustomer(db, { collectorId, name: '按时客户' });
      const disputer = await addCustomer(db, { collectorId, name: '争议客户' });
      const promiser = await addCustomer(db, { collectorId, name: '失信客户' });
      const backlog = await addCustomer(db, { collectorId, name: '陈欠客户' });
      const paid = await addInvoice(db, {
        entityId,
        customerId: payer,
        dueDate: '2026-01-20',
        amount: 3_000_000,
      });
      const disputed = await addInvoice(db, {
        entityId,
        customerId: disputer,
        dueDate: '2026-02-10',
        amount: 8_000_000,
      });
      await addInvoice(db, { entityId, customerId: promiser, dueDate: '2026-03-01', amount: 2_000_000 });
      await addInvoice(db, {
        entityId,
        customerId: backlog,
        dueDate: addDays(START, -200),
        issueDate: addDays(START, -230),
        amount: 9_000_000,
      });
      let disputeId = 0;
      const started = Date.now();
      for (let day = START; day <= END; day = addDays(day, 1)) {
        // The dispute through the one dispute model: raised and resolved on their days, the invoice
        // out of dunning in between.
        if (day === '2026-02-15')
          disputeId = (
            await openDispute(db, SYSTEM_ACTOR, {
              invoiceId: disputed,
              reasonCode: 'quality',
              today: day,
              raisedOn: day,
            })
          ).id;
        if (day === '2026-03-20')
          await updateDispute(db, SYSTEM_ACTOR, {
            id: disputeId,
            resolutionCode: 'rejected',
            today: day,
            resolvedOn: day,
          });
        if (day === '2026-03-01')
          await pay(db, { entityId, customerId: payer, invoiceId: paid, amount: 3_000_000, date: day });
        if (day === '2026-03-05') {
          const kase = await db
            .selectFrom('collection_case')
            .select('id')
            .where('customer_id', '=', promiser)
            .executeTakeFirstOrThrow();
          await db
            .insertInto('promise')
            .values({
              case_id: kase.id,
              customer_id: promiser,
              entity_id: entityId,
              currency: 'CNY',
              amount: 2_000_000,
              promised_on: day,
              due_on: '2026-03-20',
            })
            .execute();
        }
        await runEngine(db, { asOf: day, kind: 'full' });
      }
      const seconds = (Date.now() - started) / 1000;
      const rows = await sql<{
        customer_id: number;
        fired_on: string;
        step_key: string;
        outcome: string;
        detail: string | null;
      }>`select k.customer_id, f.fired_on::text as fired_on, f.step_key, f.outcome, f.detail
         from step_firing f join collection_case k on k.id = f.case_id`.execute(db);
      const timeline = (customerId: number) =>
        rows.rows
          .filter((r) => r.customer_id === customerId)
          .map((r) => `${r.fired_on} ${r.step_key} ${r.outcome}`)
          .sort();

      // The payer: the strategy's days from the due date (01-20), strong collection from day 31 (02-20),
      // the senior call 7 days into it; paid on 03-01, nothing after.
      expect(timeline(payer)).toEqual([
        '2026-01-13 remind-7 message',
        '2026-01-19 remind-sms-1 message',
        '2026-01-21 overdue-1 message',
        '2026-01-22 first-call-2 task',
        '2026-01-27 sms-7 message',
        '2026-01-30 follow-call-10 task',
        '2026-02-04 firm-15 message',
        '2026-02-09 follow-call-20 task',
        '2026-02-20 credit-hold task',
        '2026-02-20 escalate task',
        '2026-02-20 final-demand message',
        '2026-02-20 statement message',
        '2026-02-27 senior-call task',
      ]);
      const holds = await db.selectFrom('credit_hold').selectAll().orderBy('id').execute();
      expect(holds.find((h) => h.customer_id === payer)).toMatchObject({
        placed_on: '2026-02-20',
        status: 'released',
        released_on: '2026-03-01',
        released_reason: 'creditHoldReleasedCaseClosed',
      });

      // Every one-off time step of the strategy whose day came while each case was open is either fired or
      // recorded as skipped, once, and every skipped one says why.
      const oneOff = STANDARD.steps.filter(
        (s) =>
          (s.trigger.type === 'daysFromDue' || s.trigger.type === 'daysInStage') &&
          !s.trigger.repeatEveryDays &&
          !s.conditions,
      );
      for (const customerId of [payer, disputer, promiser, backlog]) {
        const mine = rows.rows.filter((r) => r.customer_id === customerId);
        for (const r of mine.filter((x) => x.outcome === 'skipped'))
          expect(r.detail, r.step_key).toBeTruthy();
        const seen = new Map<string, number>();
        for (const r of mine) seen.set(r.step_key, (seen.get(r.step_key) ?? 0) + 1);
        // The payer's case closed on 03-01, before the visit (14 days into strong collection) came.
        const due = oneOff.filter((step) => !(customerId === payer && step.key === 'visit'));
        for (const step of due) expect(seen.get(step.key), `customer ${customerId} ${step.key}`).toBe(1);
      }
      // The disputed invoice: nothing was sent while it was disputed (02-15 to 03-20).
      const duringDispute = rows.rows.filter(
        (r) =>
          r.customer_id === disputer &&
          r.outcome !== 'skipped' &&
          r.fired_on >= '2026-02-15' &&
          r.fired_on < '2026-03-20',
      );
      expect(duringDispute).toEqual([]);
      // The broken promise (03-20 plus 2 days' grace) escalates at once, on 03-23.
      expect(timeline(promiser)).toContain('2026-03-23 broken-promise-call task');
      // The backlog reaches its stage at once: the legal review, however old, once.
      expect(timeline(backlog).filter((l) => l.includes('legal-review'))).toEqual([
        '2026-01-01 legal-review task',
      ]);

      // Letters and messages read as of the day they were scheduled for.
      const outbox = await db.selectFrom('outbox').select(['scheduled_on', 'body']).execute();
      for (const m of outbox)
        for (const [, date] of m.body.matchAll(/截至 (\d{4}-\d{2}-\d{2})/g))
          expect(date).toBe(m.scheduled_on);
      expect(seconds).toBeLessThan(60);
    },
    120_000,
  );
});
