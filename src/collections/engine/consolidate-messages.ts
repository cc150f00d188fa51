// Fits the messages a case's new steps produce into what the outbox already holds for it (pure). DOMAIN: one
// message per customer (case), channel and day, and every message sent says what it is for. So:
// - a new step joins the day's message of its channel while that one is still queued: it is rendered again
//   with the old and the new steps and the invoices as they are now (a second run of the day — after a
//   payment, say — must not record its steps against a message that never mentions them);
// - only when the day's message has left already (sent, failed, cancelled) does a new one follow it;
// - a queued message whose invoices changed before it left (paid, part paid, disputed) is rendered again
//   for what is still owed of the invoices it listed (new invoices get steps of their own), or cancelled
//   when nothing is: it must not dun a customer for a paid invoice;
// - a queued message of a case that is now held (an open promise, a plan in good standing) is cancelled,
//   not rendered again nor joined: it was written before the customer committed to pay (see heldBack).
//
// Held back = CANCELLED, with the reason in outbox.error, not parked until the hold ends. A credit team
// expects "please pay" never to reach a customer who promised to pay the day before; and what such a
// message said is stale by the time the hold ends (a promise kept leaves less or nothing to ask for; a
// promise broken or an installment missed fires steps of its own; a pause that ends lets the postponed
// steps fire), so a later step speaks again, rendered with the invoices as they are then. A parked message would instead
// have to be re-checked, re-rendered or dropped at every hold's end, and a sender could still pick it up.
// The same rule holds everywhere a message can be held back: the use cases that pause a case or record a
// promise or a plan cancel the case's queued messages in their own transaction (cases/hold-messages.ts),
// and the engine's sync sweeps the queued messages of held cases on every cycle (sync-cases.ts).
import { addDays, daysBetween } from '../../shared/dates';
import { codedReason, readReason } from '../reasons';
import { MESSAGE_ACTIONS, type Strategy } from '../strategy/strategy-schema';
import type { CaseSnapshot, DueStep } from './case-state';
import {
  type CaseFacts,
  type FiringRef,
  type MessageChannel,
  messageKey,
  type PlannedMessage,
  planMessage,
} from './plan-actions';

/** An outbox row of the case that matters here: still queued, or of today (to number a follow-up). */
export interface OutboxRow {
  id: number;
  channel: MessageChannel;
  scheduledOn: string;
  status: 'queued' | 'sent' | 'failed' | 'cancelled';
  /** Step keys it speaks for (payload.steps). */
  steps: string[];
  /** The invoices it lists (payload.invoices). */
  invoiceIds: number[];
  /** The firings recorded against it, with the day they fired. */
  firings: Array<FiringRef & { firedOn: string }>;
  /** Queued, and an invoice it lists is no longer open at the amount it shows (or is now disputed). */
  stale: boolean;
}

export interface OutboxPlan {
  inserts: PlannedMessage[];
  updates: Array<{ id: number; message: PlannedMessage }>;
  cancels: Array<{ id: number; reason: string }>;
  /** Where the new steps' messages went: a queued row they joined (id) or a new row (its dedupe key). */
  placed: Array<{ caseId: number; firings: FiringRef[]; outboxId: number | null; dedupeKey: string | null }>;
}

/**
 * The steps a queued message speaks for, rebuilt from its firings and the case's strategy (a step the
 * strategy no longer has is left out; its key stays in the message's list), with the promise or
 * installment an event step refers to.
 */
export function duesOf(
  row: OutboxRow,
  strategy: Strategy,
  commitments: Pick<CaseSnapshot, 'promises' | 'plans'>,
): DueStep[] {
  const steps = new Map(strategy.steps.map((s) => [s.key, s]));
  const dues: DueStep[] = [];
  for (const f of row.firings) {
    const step = steps.get(f.stepKey);
    if (!step || !MESSAGE_ACTIONS.has(step.action) || step.channel !== row.channel) continue;
    const due: DueStep = { step, occurrenceKey: f.occurrenceKey, dueOn: f.firedOn };
    const [kind, id, seq] = f.occurrenceKey.split(':');
    if (kind === 'promise') due.promise = commitments.promises.find((p) => p.id === Number(id));
    if (kind === 'installment') {
      const plan = commitments.plans.find((p) => p.id === Number(id));
      const inst = plan?.installments.find((i) => i.seq === Number(seq));
      if (plan && inst) due.installment = { ...inst, planId: plan.id, currency: plan.currency };
    }
    dues.push(due);
  }
  return dues;
}

/** The reasons a queued message is cancelled because its case is held (outbox.error). */
export const HELD_BACK = {
  paused: 'cancelled before sending: the case is paused',
  promise: 'cancelled before sending: a promise to pay holds the case',
  plan: 'cancelled before sending: a payment plan holds the case',
  legal: 'cancelled before sending: the case was handed to legal',
  agency: 'cancelled before sending: the case was handed to a collection agency',
} as const;

/** A hold of the case by its commitments: why, and the first day of the earliest one that holds it now. */
export interface CommitmentHold {
  reason: string;
  since: string;
}

/**
 * Whether an open promise or a plan in good standing holds the case on `asOf`: the holds of evaluateCase
 * (evaluate.ts), under which no time step fires.
 */
export function commitmentHold(
  commitments: Pick<CaseSnapshot, 'promises' | 'plans'>,
  settings: Strategy['settings'],
  asOf: string,
): CommitmentHold | null {
  const promises = commitments.promises.filter(
    (p) => p.status === 'open' && addDays(p.dueOn, settings.promiseGraceDays) >= asOf,
  );
  const plans = commitments.plans.filter(
    (p) =>
      p.status === 'active' &&
      !p.installments.some((i) => i.status === 'missed') &&
      p.installments.some((i) => i.status === 'open'),
  );
  const since = [...promises.map((p) => p.promisedOn), ...plans.map((p) => p.createdOn)].sort()[0];
  if (since === undefined) return null;
  return { reason: promises.length > 0 ? HELD_BACK.promise : HELD_BACK.plan, since };
}

/** An event step's occurrence (a broken promise, a missed installment), which may fire during a hold. */
export const isEventOccurrence = (occurrenceKey: string) =>
  occurrenceKey.startsWith('promise:') || occurrenceKey.startsWith('installment:');

/**
 * A queued message of a held case is held back unless the engine queued it during the hold: time steps
 * never fire while a case is held, so a message speaking for one was written before the hold; an event
 * step's message is of the hold only if it fired on or after the day the hold began. (sync-cases.ts applies
 * the same rule in SQL.)
 */
export function heldBack(row: OutboxRow, hold: CommitmentHold): boolean {
  if (row.status !== 'queued') return false;
  if (row.firings.length === 0) return true;
  return row.firings.some((f) => !isEventOccurrence(f.occurrenceKey) || f.firedOn < hold.since);
}

export function consolidateMessages(input: {
  facts: CaseFacts;
  strategy: Strategy;
  asOf: string;
  horizonDate: string;
  /** Messages planned from the steps that newly fired (one per channel). */
  fresh: readonly PlannedMessage[];
  outbox: readonly OutboxRow[];
  commitments: Pick<CaseSnapshot, 'promises' | 'plans'>;
}): OutboxPlan {
  const { facts, strategy, asOf, horizonDate, outbox, commitments } = input;
  const plan: OutboxPlan = { inserts: [], updates: [], cancels: [], placed: [] };
  const rendered = new Set<number>();
  // Held back first: a held message is neither joined by a new step nor rendered again.
  const held = new Set<number>();
  const hold = commitmentHold(commitments, strategy.settings, asOf);
  if (hold) {
    for (const row of outbox.filter((r) => heldBack(r, hold))) {
      plan.cancels.push({ id: row.id, reason: hold.reason });
      held.add(row.id);
    }
  }
  for (const message of input.fresh) {
    const today = outbox.filter((r) => r.channel === message.channel && r.scheduledOn === asOf);
    const queued = today.find((r) => r.status === 'queued' && !held.has(r.id));
    const merged =
      queued &&
      planMessage(
        facts,
        strategy,
        message.channel,
        [...duesOf(queued, strategy, commitments), ...message.dues],
        asOf,
        horizonDate,
        queued.steps,
      );
    if (queued && merged && !('skipped' in merged)) {
      // The day's message keeps its row (and key); the firings already recorded against it stay true.
      plan.updates.push({ id: queued.id, message: merged });
      plan.placed.push({
        caseId: facts.caseId,
        firings: message.firings,
        outboxId: queued.id,
        dedupeKey: null,
      });
      rendered.add(queued.id);
      continue;
    }
    // The day's message has left or was held back (or there is none yet): this one follows it, numbered
    // after it.
    const dedupeKey = messageKey(facts.caseId, message.channel, asOf, today.length + 1);
    plan.inserts.push({ ...message, dedupeKey });
    plan.placed.push({ caseId: facts.caseId, firings: message.firings, outboxId: null, dedupeKey });
  }
  for (const row of outbox) {
    if (row.status !== 'queued' || !row.stale || rendered.has(row.id) || held.has(row.id)) continue;
    const listed = new Set(row.invoiceIds);
    // Rendered as of the day it was scheduled for, not today: a letter of 06-30 still queued in September
    // reads as of 06-30; only the invoices paid or disputed since drop out of it.
    const again = planMessage(
      { ...facts, invoices: facts.invoices.filter((i) => listed.has(i.id)) },
      strategy,
      row.channel,
      duesOf(row, strategy, commitments),
      row.scheduledOn,
      addDays(row.scheduledOn, daysBetween(asOf, horizonDate)),
      row.steps,
    );
    if ('skipped' in again)
      plan.cancels.push({
        id: row.id,
        reason: cancelledBeforeSending(again.skipped),
      });
    else if (again.empty)
      plan.cancels.push({
        id: row.id,
        // Disputed invoices are not dunned: say so, not that they are no longer owed.
        reason: facts.invoices.some((i) => listed.has(i.id) && i.disputed)
          ? codedReason('messageCancelledDisputed')
          : codedReason('messageCancelledNotOwed'),
      });
    else plan.updates.push({ id: row.id, message: again });
  }
  return plan;
}

/** Why a queued message was cancelled when it was planned again: the planner's reason, inside "before sending". */
function cancelledBeforeSending(skipped: string): string {
  const why = readReason(skipped);
  return why.code
    ? codedReason('messageCancelledBecause', { why: { messageCode: why.code, params: why.params ?? {} } })
    : codedReason('messageCancelledBecause', { why: why.text ?? skipped });
}
