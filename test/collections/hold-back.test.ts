// The engine's side of holding back queued messages (pure): consolidateMessages cancels what a held case
// still has queued from before its hold, instead of rendering it again or adding new steps to it; a
// message the engine queued during the hold (an event step: a broken promise) is left alone. The sync's
// sweep and the use cases are covered by engine.test.ts and api.test.ts.
import { describe, expect, it } from 'vitest';
import type { DueStep, PromiseState } from '../../src/collections/engine/case-state';
import {
  commitmentHold,
  consolidateMessages,
  HELD_BACK,
  type OutboxRow,
} from '../../src/collections/engine/consolidate-messages';
import { type CaseFacts, planActions } from '../../src/collections/engine/plan-actions';
import { STANDARD } from '../../src/collections/strategy/default-strategies';
import type { Strategy } from '../../src/collections/strategy/strategy-schema';

const strategy: Strategy = { ...STANDARD, id: 1, version: 1, active: true };
const ASOF = '2026-03-12';
const HORIZON = '2026-03-19';

const facts: CaseFacts = {
  caseId: 7,
  customerId: 3,
  entityId: 1,
  customerCode: 'C1',
  customerName: '苏州精工',
  language: 'zh-CN',
  collectorId: null,
  entityName: '华东制造',
  stage: 'early',
  invoices: [
    {
      id: 11,
      number: 'INV-11',
      dueDate: '2026-03-10',
      currency: 'CNY',
      openAmount: 300_000, // part paid since the notice listed it at 500,000.00
      daysPastDue: 0,
      disputed: false,
    },
  ],
  contacts: [
    {
      id: 1,
      customer_id: 3,
      name: '李会计',
      role: 'finance',
      email: 'ap@example.cn',
      mobile: '13800000000',
      channels: { email: true, sms: true, phone: true, letter: true },
      language: null,
      is_primary: true,
    },
  ],
};

const promise = (over: Partial<PromiseState>): PromiseState => ({
  id: 1,
  amount: 500_000,
  currency: 'CNY',
  promisedOn: ASOF,
  dueOn: '2026-03-20',
  status: 'open',
  resolvedOn: null,
  ...over,
});

const queued = (over: Partial<OutboxRow>): OutboxRow => ({
  id: 100,
  channel: 'email',
  scheduledOn: '2026-03-11',
  status: 'queued',
  steps: ['overdue-1'],
  invoiceIds: [11],
  firings: [{ stepKey: 'overdue-1', occurrenceKey: 'd:2026-03-10:1', firedOn: '2026-03-11' }],
  stale: true,
  ...over,
});

describe('holding back queued messages', () => {
  it('cancels the notice of a promised case instead of rendering it again for what is left', () => {
    const plan = consolidateMessages({
      facts,
      strategy,
      asOf: ASOF,
      horizonDate: HORIZON,
      fresh: [],
      outbox: [queued({})],
      commitments: { promises: [promise({})], plans: [] },
    });
    expect(plan).toEqual({
      inserts: [],
      updates: [],
      cancels: [{ id: 100, reason: HELD_BACK.promise }],
      placed: [],
    });
    // Without the promise the same notice is rendered again for the 3,000.00 still owed.
    const free = consolidateMessages({
      facts,
      strategy,
      asOf: ASOF,
      horizonDate: HORIZON,
      fresh: [],
      outbox: [queued({})],
      commitments: { promises: [], plans: [] },
    });
    expect(free.cancels).toEqual([]);
    expect(free.updates.map((u) => u.id)).toEqual([100]);
  });

  it('puts an event step of the hold in a message of its own, never in the held one', () => {
    // Promise 1 broke today, promise 2 was made today: the broken-promise email fires during the hold.
    const broken = promise({ id: 1, promisedOn: '2026-03-01', dueOn: '2026-03-08', status: 'broken' });
    broken.resolvedOn = ASOF;
    const open = promise({ id: 2 });
    const step = strategy.steps.find((s) => s.key === 'broken-promise-email')!;
    const due: DueStep = { step, occurrenceKey: 'promise:1', dueOn: ASOF, promise: broken };
    const planned = planActions(facts, strategy, [due], ASOF, HORIZON);
    const todays = queued({ id: 101, scheduledOn: ASOF, stale: false });
    const plan = consolidateMessages({
      facts,
      strategy,
      asOf: ASOF,
      horizonDate: HORIZON,
      fresh: planned.messages,
      outbox: [todays],
      commitments: { promises: [broken, open], plans: [] },
    });
    expect(plan.cancels).toEqual([{ id: 101, reason: HELD_BACK.promise }]);
    expect(plan.updates).toEqual([]);
    expect(plan.inserts.map((m) => m.dedupeKey)).toEqual([`case:7:email:${ASOF}#2`]);

    // Queued during the hold, it is not held back the next day (rendered again for what is left).
    const next = consolidateMessages({
      facts,
      strategy,
      asOf: '2026-03-13',
      horizonDate: HORIZON,
      fresh: [],
      outbox: [
        queued({
          id: 102,
          scheduledOn: ASOF,
          steps: ['broken-promise-email'],
          firings: [{ stepKey: 'broken-promise-email', occurrenceKey: 'promise:1', firedOn: ASOF }],
        }),
      ],
      commitments: { promises: [broken, open], plans: [] },
    });
    expect(next.cancels).toEqual([]);
    expect(next.updates.map((u) => u.id)).toEqual([102]);
  });

  it('knows the holds the evaluation knows: an open promise until its grace ends, a plan in good standing', () => {
    const settings = strategy.settings; // promise grace: 2 days
    expect(
      commitmentHold({ promises: [promise({ dueOn: '2026-03-10' })], plans: [] }, settings, ASOF),
    ).toEqual({
      reason: HELD_BACK.promise,
      since: ASOF,
    });
    expect(
      commitmentHold({ promises: [promise({ dueOn: '2026-03-09' })], plans: [] }, settings, ASOF),
    ).toBeNull();
    const plan = (status: 'open' | 'missed') => ({
      id: 5,
      currency: 'CNY',
      createdOn: '2026-03-05',
      status: 'active' as const,
      installments: [
        { seq: 1, dueOn: '2026-03-10', amount: 1, status: 'paid' as const, resolvedOn: '2026-03-10' },
        { seq: 2, dueOn: '2026-04-10', amount: 1, status, resolvedOn: null },
      ],
    });
    expect(commitmentHold({ promises: [], plans: [plan('open')] }, settings, ASOF)).toEqual({
      reason: HELD_BACK.plan,
      since: '2026-03-05',
    });
    expect(commitmentHold({ promises: [], plans: [plan('missed')] }, settings, ASOF)).toBeNull();
  });
});
