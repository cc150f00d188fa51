// Catch-up (issue 11): a case whose steps fell due before its strategy reached it (an old debt imported, a
// strategy activated late) is brought to where the strategy says it should be now: the due step of its
// stage fires once, the earlier steps it no longer needs are recorded as skipped with the reason, and the
// case history says so.
import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { getCase } from '../../src/collections/cases/get-case';
import { runEngine } from '../../src/collections/engine/run-engine';
import { readReason } from '../../src/collections/reasons';
import { SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Db } from '../../src/platform/db/store';
import { addDays } from '../../src/shared/dates';
import { formatMessage } from '../../src/shared/messages';
import { describeEachStore } from '../support/stores';
import { activate, addCustomer, addInvoice, startWithStandardStrategy } from './fixtures';

async function history(db: Db) {
  const rows = await sql<{ fired_on: string; step_key: string; outcome: string }>`
    select fired_on, step_key, outcome from step_firing`.execute(db);
  // Sorted here, not by the database's collation: date, then outcome, then step key.
  const sortKey = (r: (typeof rows.rows)[number]) => `${r.fired_on}\u0000${r.outcome}\u0000${r.step_key}`;
  return rows.rows
    .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))
    .map((r) => `${r.fired_on} ${r.step_key} ${r.outcome}`);
}

describeEachStore('catch-up of a late case', (store) => {
  let entityId: number;
  let collectorId: number;
  beforeEach(async () => {
    ({ entityId, collectorId } = await startWithStandardStrategy(store().db));
  });

  it('an old debt imported 458 days past due reaches the day-90 legal review at once, and only once', async () => {
    const db = store().db;
    const customerId = await addCustomer(db, { collectorId });
    const today = '2026-03-10';
    const due = addDays(today, -458);
    await addInvoice(db, {
      entityId,
      customerId,
      dueDate: due,
      issueDate: addDays(due, -30),
      amount: 8_000_000,
    });
    await runEngine(db, { asOf: today, kind: 'full' });
    expect(await history(db)).toEqual([
      // The strong stage begins for the engine today: its day-0 steps, and the day-90 legal review.
      '2026-03-10 final-demand message',
      '2026-03-10 statement message',
      // Earlier steps the case no longer needs: recorded, not sent.
      '2026-03-10 firm-15 skipped',
      '2026-03-10 first-call-2 skipped',
      '2026-03-10 follow-call-10 skipped',
      '2026-03-10 follow-call-20 skipped',
      '2026-03-10 overdue-1 skipped',
      '2026-03-10 remind-7 skipped',
      '2026-03-10 remind-sms-1 skipped',
      '2026-03-10 sms-7 skipped',
      '2026-03-10 credit-hold task',
      '2026-03-10 escalate task',
      '2026-03-10 legal-review task',
    ]);
    const kase = await db.selectFrom('collection_case').selectAll().executeTakeFirstOrThrow();
    expect(kase).toMatchObject({ stage: 'strong', status: 'legal', strategy_since: today });
    // The case history (API, CLI and web show it) says why.
    const detail = await getCase(db, SYSTEM_ACTOR, { id: kase.id, today });
    const legal = detail.firings.find((f) => f.stepKey === 'legal-review')!;
    expect(legal.detail).toBe(`caught up: due on ${addDays(due, 90)}, before the strategy reached the case`);
    const follow = detail.firings.find((f) => f.stepKey === 'follow-call-20')!;
    expect(follow.detail).toBe(
      `caught up: due on ${addDays(due, 20)}; the case was in strong when the strategy reached it on ${today}`,
    );
    // Stored as a code and params, so each reader sees it in his language (web, CLI --locale).
    expect(legal).toMatchObject({ detailCode: 'caughtUpLate', detailParams: { dueOn: addDays(due, 90) } });
    expect(formatMessage('zh-CN', 'caughtUpLate', legal.detailParams ?? {})).toBe(
      `补执行：原定 ${addDays(due, 90)}，早于策略生效`,
    );
    expect(follow.detailCode).toBe('skippedStagePassed');
    expect(formatMessage('zh-CN', 'skippedStagePassed', follow.detailParams ?? {})).toBe(
      `补执行：原定 ${addDays(due, 20)}；策略于 ${today} 生效时案件已处于施压阶段`,
    );
    // A row written before, in English text, is shown as it was.
    await db
      .updateTable('step_firing')
      .set({ detail: 'caught up: due on 2026-01-01; the case was in strong (older text)' })
      .where('step_key', '=', 'follow-call-20')
      .execute();
    const older = (await getCase(db, SYSTEM_ACTOR, { id: kase.id, today })).firings.find(
      (f) => f.stepKey === 'follow-call-20',
    )!;
    expect(older).toMatchObject({
      detail: 'caught up: due on 2026-01-01; the case was in strong (older text)',
      detailCode: null,
      detailParams: null,
    });
    expect(readReason('caught up: older text').text).toBe('caught up: older text');
    // Nothing fires twice on the following days, and the strong stage goes on on its own clock.
    for (let d = 1; d <= 8; d++) await runEngine(db, { asOf: addDays(today, d), kind: 'full' });
    const legalTasks = await db.selectFrom('task').select('id').where('type', '=', 'legal_review').execute();
    expect(legalTasks).toHaveLength(1);
    expect((await history(db)).filter((l) => l > '2026-03-11')).toEqual(['2026-03-17 senior-call task']);
  });

  it('a strategy activated late brings a long-overdue case to its stage: latest step per action fires', async () => {
    const db = store().db;
    await db.updateTable('strategy').set({ active: false }).execute();
    const customerId = await addCustomer(db, { collectorId });
    const due = '2025-10-01';
    await addInvoice(db, { entityId, customerId, dueDate: due, issueDate: '2025-09-01', amount: 1_000_000 });
    // Watched without any strategy from day 20 to day 60: stage and clock move, nothing fires.
    for (let d = 20; d <= 60; d += 10) await runEngine(db, { asOf: addDays(due, d), kind: 'full' });
    expect(await history(db)).toEqual([]);
    await activate(db, 'standard');
    const today = addDays(due, 95);
    await runEngine(db, { asOf: today, kind: 'full' });
    const lines = await history(db);
    // Under 50,000 CNY: the agency referral at day 90, and of the strong calls only the latest.
    expect(lines.filter((l) => !l.endsWith('skipped'))).toEqual([
      `${today} final-demand message`,
      `${today} statement message`,
      `${today} agency task`,
      `${today} credit-hold task`,
      `${today} escalate task`,
      `${today} strong-call task`,
      `${today} visit task`,
    ]);
    expect(lines.filter((l) => l.endsWith('skipped'))).toContain(`${today} senior-call skipped`);
    const kase = await db.selectFrom('collection_case').select(['status']).executeTakeFirstOrThrow();
    expect(kase.status).toBe('agency');
    const again = await runEngine(db, { asOf: addDays(today, 1), kind: 'full' });
    expect(again.stepsFired).toBe(0);
  });
});
