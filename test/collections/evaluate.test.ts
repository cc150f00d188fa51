import { describe, expect, it } from 'vitest';
import type { CaseSnapshot } from '../../src/collections/engine/case-state';
import { evaluateCase } from '../../src/collections/engine/evaluate';
import { DEFAULT_STRATEGIES, STANDARD, STRICT } from '../../src/collections/strategy/default-strategies';
import { type Strategy, validateStrategy } from '../../src/collections/strategy/strategy-schema';

const standard: Strategy = { ...STANDARD, id: 1, version: 1, active: true };
const strict: Strategy = { ...STRICT, id: 2, version: 1, active: true };

function snap(over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    caseId: 1,
    openedOn: '2026-03-03',
    stage: 'reminder',
    stageSince: '2026-03-03',
    stageClock: {},
    stageFloor: null,
    manualStatus: null,
    pausedUntil: null,
    anchorDueOn: '2026-03-10',
    amountIn: () => 8_000_000,
    grade: null,
    promises: [],
    plans: [],
    ...over,
  };
}
const keys = (e: ReturnType<typeof evaluateCase>) => e.due.map((d) => d.step.key).sort();

describe('default strategies', () => {
  it('pass their own validation', () => {
    for (const def of DEFAULT_STRATEGIES) expect(validateStrategy(structuredClone(def)).name).toBe(def.name);
  });

  it('refuse a channel that does not fit the action and an unknown template', () => {
    const bad = structuredClone(STANDARD);
    bad.steps[0] = { ...bad.steps[0], channel: 'sms', template: 'nope' };
    expect(() => validateStrategy(bad)).toThrow(/not consistent/);
  });
});

describe('evaluateCase on the standard strategy (due 2026-03-10)', () => {
  it('sends the 7-day reminder, then plans the 1-day SMS', () => {
    const e = evaluateCase(snap(), standard, '2026-03-03');
    expect(e.stage).toBe('reminder');
    expect(e.daysPastDue).toBe(-7);
    expect(keys(e)).toEqual(['remind-7']);
    expect(e.due[0].occurrenceKey).toBe('d:2026-03-10:0');
    expect(e.nextActionOn).toBe('2026-03-09');
    expect(e.nextStepKey).toBe('remind-sms-1');
  });

  it('moves to early overdue on day 1 and fires the overdue notice', () => {
    const e = evaluateCase(snap(), standard, '2026-03-11');
    expect(e.stage).toBe('early');
    expect(e.stageSince).toBe('2026-03-11');
    expect(keys(e)).toEqual(['overdue-1']);
    expect(e.nextActionOn).toBe('2026-03-12');
    expect(e.nextStepKey).toBe('first-call-2');
  });

  it('catches up a step missed by up to catchUpDays, not older ones', () => {
    const e = evaluateCase(snap({ stage: 'early', stageSince: '2026-03-11' }), standard, '2026-03-15');
    // overdue-1 (03-11) is 4 days old: beyond the 3 catch-up days; first-call-2 (03-12) is 3 days old.
    expect(keys(e)).toEqual(['first-call-2']);
  });

  it('fires only the latest call for a case that opens 12 days overdue', () => {
    const e = evaluateCase(
      snap({ openedOn: '2026-03-22', stageSince: '2026-03-22' }),
      standard,
      '2026-03-22',
    );
    expect(e.daysPastDue).toBe(12);
    expect(keys(e)).toEqual(['follow-call-10']);
    expect(e.nextActionOn).toBe('2026-03-25');
    expect(e.nextStepKey).toBe('firm-15');
  });

  it('enters strong collection on day 31 with escalation, letter, credit hold and statement', () => {
    const e = evaluateCase(snap({ stage: 'early', stageSince: '2026-03-11' }), standard, '2026-04-10');
    expect(e.stage).toBe('strong');
    expect(keys(e)).toEqual(['credit-hold', 'escalate', 'final-demand', 'statement']);
    expect(e.due.find((d) => d.step.key === 'statement')?.occurrenceKey).toBe('s:strong:2026-04-10:0');
    expect(e.nextActionOn).toBe('2026-04-17'); // senior call after 7 days in stage
  });

  it('repeats the monthly statement and picks legal review by amount at day 90', () => {
    const s = snap({ stage: 'strong', stageSince: '2026-04-10' });
    expect(keys(evaluateCase(s, standard, '2026-05-10'))).toEqual(['statement']);
    const legal = evaluateCase(s, standard, '2026-06-08');
    expect(keys(legal)).toEqual(['legal-review']);
    expect(legal.status).toBe('legal');
    const small = evaluateCase({ ...s, amountIn: () => 120_000 }, standard, '2026-06-08');
    expect(keys(small)).toEqual(['agency']);
    expect(small.status).toBe('agency');
    expect(evaluateCase({ ...s, amountIn: () => null }, standard, '2026-06-08').due).toEqual([]);
  });

  it('holds every time step while a promise is open, until its date plus grace', () => {
    const promise = {
      id: 7,
      amount: 100,
      currency: 'CNY',
      promisedOn: '2026-03-18',
      dueOn: '2026-03-20',
      status: 'open' as const,
      resolvedOn: null,
    };
    const e = evaluateCase(
      snap({ stage: 'early', stageSince: '2026-03-11', promises: [promise] }),
      standard,
      '2026-03-20',
    );
    expect(e.status).toBe('promise');
    expect(e.due).toEqual([]);
    expect(e.nextActionOn).toBe('2026-03-23');
  });

  it('escalates at once on a broken promise', () => {
    const promise = {
      id: 7,
      amount: 100,
      currency: 'CNY',
      promisedOn: '2026-03-18',
      dueOn: '2026-03-20',
      status: 'broken' as const,
      resolvedOn: '2026-03-23',
    };
    const e = evaluateCase(
      snap({ stage: 'early', stageSince: '2026-03-11', promises: [promise] }),
      standard,
      '2026-03-23',
    );
    expect(e.stage).toBe('strong');
    expect(e.stageFloor).toBe('strong');
    expect(keys(e)).toEqual([
      'broken-promise-call',
      'broken-promise-email',
      'broken-promise-sms',
      'credit-hold',
      'escalate',
      'final-demand',
      'statement',
    ]);
    expect(e.due.find((d) => d.step.key === 'broken-promise-call')?.occurrenceKey).toBe('promise:7');
  });

  it('holds for a plan in good standing and fires on a missed installment', () => {
    const plan = {
      id: 3,
      currency: 'CNY',
      createdOn: '2026-03-21',
      status: 'active' as const,
      installments: [
        { seq: 1, dueOn: '2026-03-25', amount: 50, status: 'open' as const, resolvedOn: null },
        { seq: 2, dueOn: '2026-04-25', amount: 50, status: 'open' as const, resolvedOn: null },
      ],
    };
    const held = evaluateCase(
      snap({ stage: 'early', stageSince: '2026-03-11', plans: [plan] }),
      standard,
      '2026-03-22',
    );
    expect(held.status).toBe('plan');
    expect(held.nextActionOn).toBe('2026-03-28');
    const missed = {
      ...plan,
      status: 'defaulted' as const,
      installments: [
        { ...plan.installments[0], status: 'missed' as const, resolvedOn: '2026-03-28' },
        plan.installments[1],
      ],
    };
    const e = evaluateCase(
      snap({ stage: 'early', stageSince: '2026-03-11', plans: [missed] }),
      standard,
      '2026-03-28',
    );
    expect(e.status).toBe('active');
    // day 18: the firm notice held on day 15 (the plan was agreed on day 11) fires with the event steps.
    expect(keys(e)).toEqual(['firm-15', 'missed-installment-call', 'missed-installment-email']);
  });

  it('does nothing for a disputed-only or paused case', () => {
    expect(evaluateCase(snap({ anchorDueOn: null }), standard, '2026-03-20')).toMatchObject({
      status: 'dispute',
      due: [],
    });
    const paused = evaluateCase(
      snap({ manualStatus: 'paused', pausedUntil: '2026-03-31' }),
      standard,
      '2026-03-20',
    );
    expect(paused).toMatchObject({ status: 'paused', due: [], nextActionOn: '2026-04-01' });
    const resumed = evaluateCase(
      snap({ manualStatus: 'paused', pausedUntil: '2026-03-10' }),
      standard,
      '2026-03-11',
    );
    expect(resumed.manualStatus).toBeNull();
    expect(keys(resumed)).toEqual(['overdue-1']);
  });

  it('filters steps by grade band on the high-risk strategy timings', () => {
    const e = evaluateCase(snap({ stage: 'early', stageSince: '2026-03-11' }), strict, '2026-03-26');
    expect(e.stage).toBe('strong'); // high-risk enters strong at day 16
    expect(keys(e)).toEqual(['credit-hold', 'escalate', 'final-demand']);
  });

  it('records the clock of a stage the case leaves, and resumes it where it stopped on re-entry', () => {
    // Strong since 03-01 (anchor due 01-20); on 03-10 that invoice is disputed and one due 03-05 anchors.
    const left = evaluateCase(
      snap({ anchorDueOn: '2026-03-05', stage: 'strong', stageSince: '2026-03-01' }),
      standard,
      '2026-03-10',
    );
    expect(left).toMatchObject({ stage: 'early', stageSince: '2026-03-10' });
    expect(left.stageClock).toEqual({ strong: { first: '2026-03-01', days: 9 } });
    // 03-11: the dispute is withdrawn. Strong again, 9 days in: the entry steps (day 0) are long past and
    // the senior call (day 7) keeps the name it fired under on 03-08, so the engine does not repeat them.
    const back = evaluateCase(
      snap({
        anchorDueOn: '2026-01-20',
        stage: 'early',
        stageSince: '2026-03-10',
        stageClock: left.stageClock,
      }),
      standard,
      '2026-03-11',
    );
    expect(back).toMatchObject({ stage: 'strong', stageSince: '2026-03-11' });
    expect(back.due.map((d) => `${d.step.key} ${d.occurrenceKey}`)).toEqual([
      'senior-call s:strong:2026-03-01:0',
    ]);
    expect(back.stageClock).toEqual({
      strong: { first: '2026-03-01', days: 9 },
      early: { first: '2026-03-10', days: 1 },
    });
    expect(back.nextActionOn).toBe('2026-03-16'); // the visit, day 14 of the stage
    expect(back.nextStepKey).toBe('visit');
  });

  it('postpones the time steps a promise held to the day it ended, then lets them go like any other', () => {
    const promise = {
      id: 9,
      amount: 100,
      currency: 'CNY',
      promisedOn: '2026-03-25',
      dueOn: '2026-04-10',
      status: 'broken' as const,
      resolvedOn: '2026-04-13',
    };
    // Due 03-01: strong collection from 04-01, while the promise held; the senior call fell on 04-08.
    const s = snap({
      anchorDueOn: '2026-03-01',
      stage: 'strong',
      stageSince: '2026-04-01',
      promises: [promise],
    });
    const broken = evaluateCase(s, standard, '2026-04-13');
    expect(keys(broken)).toEqual([
      'broken-promise-call',
      'broken-promise-email',
      'broken-promise-sms',
      'credit-hold',
      'escalate',
      'final-demand',
      'senior-call',
      'statement',
    ]);
    expect(broken.due.find((d) => d.step.key === 'escalate')).toMatchObject({
      dueOn: '2026-04-13',
      occurrenceKey: 's:strong:2026-04-01:0',
    });
    // Postponed, not kept forever: past the catch-up days after the hold they are gone like any step
    // (only the visit of 04-15, day 14 of the stage, is still due).
    expect(keys(evaluateCase(s, standard, '2026-04-17'))).toEqual(['visit']);
    // A plan holds the same way, until its first missed installment.
    const plan = {
      id: 4,
      currency: 'CNY',
      createdOn: '2026-03-25',
      status: 'defaulted' as const,
      installments: [
        { seq: 1, dueOn: '2026-04-10', amount: 50, status: 'missed' as const, resolvedOn: '2026-04-13' },
      ],
    };
    const missed = evaluateCase({ ...s, promises: [], plans: [plan] }, standard, '2026-04-13');
    expect(keys(missed)).toEqual([
      'credit-hold',
      'escalate',
      'final-demand',
      'missed-installment-call',
      'missed-installment-email',
      'senior-call',
      'statement',
    ]);
  });
});
