// The simulator's start state (pure): cases, promises and plans as they stood on the start date, rebuilt
// from what the store holds today.
import { describe, expect, it } from 'vitest';
import {
  type CaseNow,
  caseStartState,
  type FiredStep,
  holdSpansOn,
  type InvoiceHistory,
  planOn,
  promiseOn,
  statusOn,
} from '../../src/collections/simulator/start-state';
import { STANDARD } from '../../src/collections/strategy/default-strategies';
import type { Strategy } from '../../src/collections/strategy/strategy-schema';

const standard: Strategy = { ...STANDARD, id: 1, version: 1, active: true };
const strategies = new Map([[1, standard]]);
const FROM = '2026-03-10';

function kase(over: Partial<CaseNow> = {}): CaseNow {
  return {
    stage: 'reminder',
    stageSince: '2026-02-20',
    stageClock: {},
    manualStatus: null,
    pausedUntil: null,
    openedOn: '2026-02-20',
    strategyId: 1,
    ...over,
  };
}

let nextId = 1;
const fired = (
  stepKey: string,
  stage: FiredStep['stage'],
  firedOn: string,
  occurrenceKey = 'x',
): FiredStep => ({
  id: nextId++,
  stepKey,
  occurrenceKey,
  strategyId: 1,
  stage,
  firedOn,
});

const invoice = (dueDate: string, over: Partial<InvoiceHistory> = {}): InvoiceHistory => ({
  issueDate: '2026-01-01',
  dueDate,
  disputed: false,
  amount: 100_000,
  allocations: [],
  ...over,
});

const start = (over: Partial<Parameters<typeof caseStartState>[0]>) =>
  caseStartState({
    kase: kase(),
    from: FROM,
    horizonDays: 7,
    invoices: [invoice('2026-02-27')],
    fired: [],
    laterStatuses: new Set(),
    strategies,
    fallback: standard,
    ...over,
  });

// Invoice A is due 2026-01-20 and paid on 2026-02-25, B is due 2026-02-20: the case (opened a week before
// A's due date) went to early the day after it, to strong 31 days after it, and back to early when A was
// paid (B is then 5 days overdue). Today B is in strong collection too (since 2026-03-23).
const bouncing = {
  invoices: [invoice('2026-01-20', { allocations: [['2026-02-25', null, 100_000]] }), invoice('2026-02-20')],
  kase: kase({
    stage: 'strong',
    stageSince: '2026-03-23',
    openedOn: '2026-01-13',
    stageClock: {
      reminder: { first: '2026-01-13', days: 8 },
      early: { first: '2026-01-21', days: 56 },
      strong: { first: '2026-02-20', days: 5 },
    },
  }),
};

describe('case state on the start date', () => {
  it('keeps the stay under way on the date as it is', () => {
    const clock = { reminder: { first: '2026-02-20', days: 8 } };
    const state = start({ kase: kase({ stage: 'early', stageSince: '2026-02-28', stageClock: clock }) });
    expect(state).toMatchObject({
      stage: 'early',
      stageSince: '2026-02-28',
      stageFloor: null,
      anchorDueOn: '2026-02-27',
      daysPastDue: 11,
    });
    expect(state.stageClock).toEqual(clock);
  });

  it('takes the stage the case had on the date, not the one it reached since', () => {
    // Today in strong collection since 2026-03-30; on the date 11 days overdue.
    const clock = { reminder: { first: '2026-02-20', days: 8 }, early: { first: '2026-02-28', days: 31 } };
    const state = start({ kase: kase({ stage: 'strong', stageSince: '2026-03-30', stageClock: clock }) });
    expect(state.stage).toBe('early');
    expect(state.stageSince).toBe('2026-02-28');
    expect(state.stageClock).toEqual({ reminder: { first: '2026-02-20', days: 8 } });
  });

  it('replays the stays from the ledger, with the clock the engine kept on the way', () => {
    const state = start(bouncing);
    expect(state).toMatchObject({ stage: 'early', stageSince: '2026-02-25', anchorDueOn: '2026-02-20' });
    expect(state.stageClock).toEqual({
      reminder: { first: '2026-01-13', days: 8 },
      early: { first: '2026-01-21', days: 30 },
      strong: { first: '2026-02-20', days: 5 },
    });
    // Before A was paid: in strong collection, since the 31st day after its due date.
    const before = start({ ...bouncing, from: '2026-02-24' });
    expect(before).toMatchObject({ stage: 'strong', stageSince: '2026-02-20', daysPastDue: 35 });
    expect(before.stageClock).toEqual({
      reminder: { first: '2026-01-13', days: 8 },
      early: { first: '2026-01-21', days: 30 },
    });
  });

  it('keeps the names that the steps already fired use', () => {
    // No clock (the case predates it); the strong stage's steps were named after 2026-02-19.
    const state = start({
      ...bouncing,
      kase: { ...bouncing.kase, stageClock: {} },
      fired: [fired('escalate', 'strong', '2026-02-19', 's:strong:2026-02-19:0')],
    });
    expect(state.stage).toBe('early');
    expect(state.stageClock).toEqual({
      reminder: { first: '2026-01-13', days: 8 },
      early: { first: '2026-01-21', days: 30 },
      strong: { first: '2026-02-19', days: 5 },
    });
  });

  it('raises the stage by the broken promises of before the date only', () => {
    const now = kase({ stage: 'strong', stageSince: '2026-03-15' });
    expect(start({ kase: now }).stage).toBe('early');
    const raised = start({ kase: now, fired: [fired('broken-promise-call', 'early', '2026-03-05')] });
    expect(raised).toMatchObject({ stage: 'strong', stageFloor: 'strong', stageSince: '2026-03-05' });
    expect(raised.stageClock).toEqual({
      reminder: { first: '2026-02-20', days: 8 },
      early: { first: '2026-02-28', days: 5 },
    });
  });

  it('leaves the stage alone while everything open is disputed', () => {
    const state = start({
      invoices: [
        invoice('2026-01-20', { allocations: [['2026-02-25', null, 100_000]] }),
        invoice('2026-02-20', { disputed: true }),
      ],
      kase: kase({ openedOn: '2026-01-13', stageSince: '2026-03-20' }),
    });
    expect(state).toMatchObject({
      stage: 'strong',
      stageSince: '2026-02-20',
      anchorDueOn: null,
      daysPastDue: null,
    });
    expect(statusOn(state, FROM, null)).toBe('dispute');
  });

  it('hands over to legal by the steps fired before the date; one made by a person is kept', () => {
    const legal = kase({ manualStatus: 'legal' });
    expect(start({ kase: legal, laterStatuses: new Set(['legal']) }).manualStatus).toBeNull();
    expect(start({ kase: legal }).manualStatus).toBe('legal');
    expect(start({ fired: [fired('legal-review', 'strong', '2026-03-01')] }).manualStatus).toBe('legal');
  });

  it('derives the status with the evaluation precedence', () => {
    const state = { manualStatus: null, pausedUntil: null, anchorDueOn: '2026-03-01' };
    expect(statusOn(state, FROM, null)).toBe('active');
    expect(statusOn(state, FROM, 'promise')).toBe('promise');
    expect(statusOn({ ...state, anchorDueOn: null }, FROM, 'promise')).toBe('dispute');
    expect(statusOn({ ...state, manualStatus: 'paused', pausedUntil: '2026-03-09' }, FROM, null)).toBe(
      'active',
    );
    expect(statusOn({ ...state, manualStatus: 'paused', pausedUntil: FROM }, FROM, 'plan')).toBe('paused');
  });
});

describe('promises and plans on the start date', () => {
  it('reopens a promise settled later, for what was still owed', () => {
    const p = { amount: 100_000, status: 'kept' as const, paidAmount: 100_000, resolvedOn: '2026-03-12' };
    expect(promiseOn({ ...p, paidThen: 30_000 }, FROM)).toEqual({
      amount: 70_000,
      status: 'open',
      paidAmount: 0,
      resolvedOn: null,
    });
    expect(promiseOn({ ...p, paidThen: 100_000 }, FROM)).toMatchObject({ status: 'kept', resolvedOn: FROM });
    const broken = { ...p, status: 'broken' as const, resolvedOn: '2026-03-05', paidThen: 0 };
    expect(promiseOn(broken, FROM)).toMatchObject({ status: 'broken', resolvedOn: '2026-03-05' });
  });

  it('keeps of a running plan what was still owed on the date', () => {
    const installments = [
      { seq: 1, dueOn: '2026-03-01', amount: 100, status: 'paid' as const, resolvedOn: '2026-03-01' },
      { seq: 2, dueOn: '2026-03-15', amount: 100, status: 'missed' as const, resolvedOn: '2026-03-18' },
      { seq: 3, dueOn: '2026-04-15', amount: 100, status: 'open' as const, resolvedOn: null },
    ];
    const plan = { status: 'defaulted' as const, replacedThen: false, paidThen: 130, installments };
    expect(planOn(plan, FROM)).toEqual({
      status: 'active',
      installments: [
        { seq: 2, dueOn: '2026-03-15', amount: 70, status: 'open', resolvedOn: null },
        installments[2],
      ],
    });
    // Missed by the date: defaulted then, as it is.
    expect(planOn(plan, '2026-03-20').status).toBe('defaulted');
    // Replaced by a plan made by the date: cancelled then.
    expect(planOn({ ...plan, status: 'cancelled', replacedThen: true }, FROM).status).toBe('cancelled');
    // Covered by the date's payments: completed.
    expect(planOn({ ...plan, paidThen: 300 }, FROM).status).toBe('completed');
  });

  it('carries the pauses seen before the date, one ended later as still under way', () => {
    const spans = [
      { from: '2026-02-01', to: '2026-02-10', kind: 'pause' },
      { from: '2026-03-05', to: '2026-03-20', kind: 'dispute' },
      { from: FROM, to: null, kind: 'pause' },
    ];
    expect(holdSpansOn(spans, FROM)).toEqual([spans[0], { ...spans[1], to: null }]);
  });
});
