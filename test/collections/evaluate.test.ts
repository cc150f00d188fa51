import { describe, expect, it } from 'vitest';
import type { CaseSnapshot, PromiseState } from '../../src/collections/engine/case-state';
import { evaluateCase } from '../../src/collections/engine/evaluate';
import { DEFAULT_STRATEGIES, STANDARD, STRICT } from '../../src/collections/strategy/default-strategies';
import {
  type Strategy,
  type StrategyStepT,
  validateStrategy,
} from '../../src/collections/strategy/strategy-schema';
import { addDays } from '../../src/shared/dates';

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
    holdSpans: [],
    amountIn: () => 8_000_000,
    grade: null,
    promises: [],
    plans: [],
    // Watched under its strategy from long before: no catch-up unless a test says otherwise.
    strategyName: null,
    strategySince: '2000-01-01',
    ...over,
  };
}
/** The steps carried out (not those recorded as skipped). */
const keys = (e: ReturnType<typeof evaluateCase>) =>
  e.due
    .filter((d) => !d.skipped)
    .map((d) => d.step.key)
    .sort();
const skippedKeys = (e: ReturnType<typeof evaluateCase>) =>
  e.due
    .filter((d) => d.skipped)
    .map((d) => d.step.key)
    .sort();
/** A stored strategy's definition, as validateStrategy takes it. */
const definition = ({ id: _id, version: _v, active: _a, ...def }: Strategy) => structuredClone(def);

/**
 * Evaluates a case day by day the way the engine does: each day's evaluation starts from the state the
 * previous one stored, and an occurrence fires once (a step already fired is not due again). `change`
 * gives what differs on a day (a person pausing the case, invoices disputed, promises), applied before
 * that day's evaluation. Returns "date key" per firing ("date key (skipped)" when recorded as skipped).
 */
function daily(
  strategy: Strategy,
  first: CaseSnapshot,
  from: string,
  to: string,
  change: (date: string) => Partial<CaseSnapshot> = () => ({}),
) {
  let state = first;
  const fired = new Set<string>();
  const timeline: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const ev = evaluateCase({ ...state, ...change(date) }, strategy, date);
    for (const d of ev.due) {
      const key = `${d.step.key}|${d.occurrenceKey}`;
      if (fired.has(key)) continue;
      fired.add(key);
      timeline.push(`${date} ${d.step.key}${d.skipped ? ' (skipped)' : ''}`);
    }
    state = {
      ...state,
      stage: ev.stage,
      stageSince: ev.stageSince,
      stageClock: ev.stageClock,
      stageFloor: ev.stageFloor,
      holdSpans: ev.holdSpans,
      manualStatus: ev.manualStatus,
      pausedUntil: ev.pausedUntil,
    };
  }
  return { timeline: timeline.sort(), state };
}

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
    // The follow-up call of 03-20 was held by the promise, and the case left early overdue as it broke.
    expect(skippedKeys(e)).toEqual(['follow-call-10']);
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

describe('pauses and all-disputed periods hold like promises', () => {
  it('postpones the steps a pause held to the day after it, not dropping those older than catch-up', () => {
    // Due 03-10; on 03-12 a person pauses the case until 03-24 (停催).
    const { timeline, state } = daily(standard, snap(), '2026-03-11', '2026-03-27', (date) =>
      date === '2026-03-12' ? { manualStatus: 'paused', pausedUntil: '2026-03-24' } : {},
    );
    expect(timeline).toEqual([
      '2026-03-11 overdue-1',
      // First call (03-12), SMS (03-17) and follow-up call (03-20) fell in the pause: on 03-25, the first
      // free day, the SMS and the latest call fire with the day's notice (one call, not two).
      '2026-03-25 firm-15',
      '2026-03-25 follow-call-10',
      '2026-03-25 sms-7',
    ]);
    expect(state.holdSpans).toEqual([{ from: '2026-03-12', to: '2026-03-25', kind: 'pause' }]);
    expect(state.manualStatus).toBeNull();
  });

  it('ends a pause a person lifts on the day the engine sees it lifted', () => {
    const { timeline, state } = daily(standard, snap(), '2026-03-11', '2026-03-24', (date) =>
      date === '2026-03-12'
        ? { manualStatus: 'paused', pausedUntil: null }
        : date === '2026-03-22'
          ? { manualStatus: null }
          : {},
    );
    expect(timeline).toEqual([
      '2026-03-11 overdue-1',
      '2026-03-22 follow-call-10', // the first call of 03-12 is superseded by the later one
      '2026-03-22 sms-7',
    ]);
    expect(state.holdSpans).toEqual([{ from: '2026-03-12', to: '2026-03-22', kind: 'pause' }]);
  });

  it('postpones the steps that fell due while every open invoice was disputed to the day one was not', () => {
    // Due 03-10; from 03-13 to 03-29 the only invoice is disputed (no anchor), on 03-30 the dispute is over.
    const disputed = (date: string) => date >= '2026-03-13' && date <= '2026-03-29';
    const { timeline, state } = daily(standard, snap(), '2026-03-11', '2026-03-31', (date) => ({
      anchorDueOn: disputed(date) ? null : '2026-03-10',
    }));
    expect(timeline).toEqual([
      '2026-03-11 overdue-1',
      '2026-03-12 first-call-2',
      // The SMS of 03-17 and the notice of 03-25 were held, the call of 03-30 is due on its day.
      '2026-03-30 firm-15',
      '2026-03-30 follow-call-20',
      '2026-03-30 sms-7',
    ]);
    expect(state.holdSpans).toEqual([{ from: '2026-03-13', to: '2026-03-30', kind: 'dispute' }]);
  });

  it('keeps a span while something it held may still fire, and no longer', () => {
    const span = { from: '2026-03-01', to: '2026-03-20', kind: 'pause' as const };
    expect(evaluateCase(snap({ holdSpans: [span] }), standard, '2026-04-19').holdSpans).toEqual([span]);
    expect(evaluateCase(snap({ holdSpans: [span] }), standard, '2026-04-20').holdSpans).toEqual([]);
    // Unless a hold that goes on touches it: what it held is postponed to the end of that one.
    const plan = {
      id: 1,
      currency: 'CNY',
      createdOn: '2026-03-20',
      status: 'active' as const,
      installments: [{ seq: 1, dueOn: '2026-05-10', amount: 50, status: 'open' as const, resolvedOn: null }],
    };
    const held = evaluateCase(snap({ holdSpans: [span], plans: [plan] }), standard, '2026-04-30');
    expect(held.status).toBe('plan');
    expect(held.holdSpans).toEqual([span]);
  });
});

describe('a stage the case went through while held', () => {
  // The standard strategy with a step on entering early overdue.
  const withEntry: Strategy = {
    ...standard,
    steps: [
      ...standard.steps,
      {
        key: 'early-escalate',
        stage: 'early',
        label: '进入逾期前期即升级',
        trigger: { type: 'daysInStage', days: 0 },
        action: 'escalate',
        channel: 'internal',
        template: 'escalate_manager',
      },
    ],
  };

  it('records its steps as skipped when the hold ends in a later stage, and fires the current stage’s', () => {
    validateStrategy(definition(withEntry));
    // Due 03-01, the case open in reminder since 02-20; on 02-25 the customer promises to pay on 04-10.
    // The promise holds through early overdue (03-02 to 03-31) into strong collection (04-01) and breaks
    // on 04-13 (2 days' grace).
    const promise = (date: string): PromiseState[] =>
      date < '2026-02-25'
        ? []
        : [
            {
              id: 5,
              amount: 100,
              currency: 'CNY',
              promisedOn: '2026-02-25',
              dueOn: '2026-04-10',
              status: date >= '2026-04-13' ? 'broken' : 'open',
              resolvedOn: date >= '2026-04-13' ? '2026-04-13' : null,
            },
          ];
    const start = snap({ anchorDueOn: '2026-03-01', openedOn: '2026-02-20', stageSince: '2026-02-20' });
    const { timeline, state } = daily(withEntry, start, '2026-02-20', '2026-04-16', (date) => ({
      promises: promise(date),
    }));
    expect(timeline).toEqual([
      '2026-02-22 remind-7',
      '2026-04-13 broken-promise-call',
      '2026-04-13 broken-promise-email',
      '2026-04-13 broken-promise-sms',
      '2026-04-13 credit-hold',
      // Early overdue's steps (the latest per action) and the reminder SMS: their moment passed under the
      // promise; recorded, not sent beside the final demand.
      '2026-04-13 early-escalate (skipped)',
      '2026-04-13 escalate',
      '2026-04-13 final-demand',
      '2026-04-13 firm-15 (skipped)',
      '2026-04-13 follow-call-20 (skipped)',
      '2026-04-13 remind-sms-1 (skipped)',
      '2026-04-13 senior-call',
      '2026-04-13 sms-7 (skipped)',
      '2026-04-13 statement',
      '2026-04-15 visit',
    ]);
    expect(state.stageClock.early).toEqual({ first: '2026-03-02', days: 30 });
    // The skipped steps keep the names they would have fired under, so they are used up.
    const ev = evaluateCase({ ...state, promises: promise('2026-04-13') }, withEntry, '2026-04-14');
    const names = ev.due.filter((d) => d.skipped).map((d) => `${d.step.key} ${d.occurrenceKey} ${d.dueOn}`);
    expect(names.sort()).toEqual([
      'early-escalate s:early:2026-03-02:0 2026-04-13',
      'firm-15 d:2026-03-01:0 2026-04-13',
      'follow-call-20 d:2026-03-01:0 2026-04-13',
      'remind-sms-1 d:2026-03-01:0 2026-04-13',
      'sms-7 d:2026-03-01:0 2026-04-13',
    ]);
  });

  it('lets a hold that ends in the stage fire that stage’s steps as before', () => {
    const promise: PromiseState = {
      id: 6,
      amount: 100,
      currency: 'CNY',
      promisedOn: '2026-03-12',
      dueOn: '2026-03-23',
      status: 'kept',
      resolvedOn: '2026-03-24',
    };
    // Kept in part on 03-24 (still owing), in early overdue all along: its held steps fire then.
    const e = evaluateCase(
      snap({ stage: 'early', stageSince: '2026-03-11', promises: [promise] }),
      standard,
      '2026-03-24',
    );
    expect(e.due.map((d) => `${d.step.key}${d.skipped ? ' (skipped)' : ''}`).sort()).toEqual([
      'follow-call-10',
      'sms-7',
    ]);
  });
});

describe('state triggers: amount band and grade', () => {
  const steps: StrategyStepT[] = [
    {
      key: 'big-exposure',
      stage: 'any',
      label: '敞口达到 10 万元：升级主管',
      trigger: { type: 'amountAbove', currency: 'CNY', amount: 10_000_000 },
      action: 'escalate',
      channel: 'internal',
      template: 'escalate_manager',
    },
    {
      key: 'grade-call',
      stage: 'early',
      label: 'C/D 级客户逾期：主管电话',
      trigger: { type: 'grade', grades: ['D', 'C'] },
      action: 'call',
      channel: 'phone',
      template: 'call_follow_up',
    },
  ];
  const watching: Strategy = { ...standard, steps: [...standard.steps, ...steps] };

  it('are valid triggers, which do not raise the stage', () => {
    expect(validateStrategy(definition(watching)).steps).toHaveLength(standard.steps.length + 2);
    const raising = definition(watching);
    raising.steps.at(-1)!.raiseStage = 'strong';
    expect(() => validateStrategy(raising)).toThrow(/not consistent/);
    const empty = definition(watching);
    empty.steps.at(-1)!.trigger = { type: 'grade', grades: [] };
    expect(() => validateStrategy(empty)).toThrow(/expected shape/);
  });

  it('fire when the case meets them, in the step’s stage, under a name that makes them fire once', () => {
    const s = snap({ stage: 'early', stageSince: '2026-03-11', grade: 'C' });
    const mine = (e: ReturnType<typeof evaluateCase>) =>
      e.due.filter((d) => steps.includes(d.step)).map((d) => `${d.step.key} ${d.occurrenceKey} ${d.dueOn}`);
    expect(mine(evaluateCase(s, watching, '2026-03-13'))).toEqual(['grade-call grade:C,D 2026-03-13']);
    const big = evaluateCase({ ...s, grade: 'A', amountIn: () => 10_000_000 }, watching, '2026-03-13');
    expect(mine(big)).toEqual(['big-exposure amount:CNY:10000000 2026-03-13']);
    const below = evaluateCase({ ...s, grade: 'A', amountIn: () => 9_999_999 }, watching, '2026-03-13');
    expect(mine(below)).toEqual([]);
    expect(mine(evaluateCase({ ...s, grade: 'A', amountIn: () => null }, watching, '2026-03-13'))).toEqual(
      [],
    );
    // Before due the grade step (early overdue only) waits.
    expect(mine(evaluateCase(snap({ grade: 'C' }), watching, '2026-03-05'))).toEqual([]);
  });

  it('wait while the case is held, and fire once when the hold ends', () => {
    const promise: PromiseState = {
      id: 8,
      amount: 100,
      currency: 'CNY',
      promisedOn: '2026-03-12',
      dueOn: '2026-03-16',
      status: 'open',
      resolvedOn: null,
    };
    const { timeline } = daily(
      watching,
      snap({ stage: 'early', stageSince: '2026-03-11', amountIn: () => 12_000_000 }),
      '2026-03-12',
      '2026-03-22',
      (date) => ({
        // Kept in part on 03-17: the case still owes (more than 100,000 CNY).
        promises: [date >= '2026-03-17' ? { ...promise, status: 'kept', resolvedOn: '2026-03-17' } : promise],
        grade: date >= '2026-03-20' ? 'D' : 'B',
      }),
    );
    expect(timeline).toEqual([
      '2026-03-17 big-exposure',
      '2026-03-17 first-call-2', // held since 03-12
      '2026-03-17 sms-7',
      '2026-03-20 follow-call-10',
      '2026-03-20 grade-call', // downgraded to D on 03-20
    ]);
    const paused = snap({ stage: 'early', manualStatus: 'paused', pausedUntil: null, grade: 'C' });
    expect(evaluateCase(paused, watching, '2026-03-13').due).toEqual([]);
  });
});
