// Fits the messages a case's new steps produce into what the outbox already holds for it (pure). DOMAIN: one
// message per customer (case), channel and day, and every message sent says what it is for. So:
// - a new step joins the day's message of its channel while that one is still queued: it is rendered again
//   with the old and the new steps and the invoices as they are now (a second run of the day — after a
//   payment, say — must not record its steps against a message that never mentions them);
// - only when the day's message has left already (sent, failed, cancelled) does a new one follow it;
// - a queued message whose invoices changed before it left (paid, part paid, disputed) is rendered again
//   for what is still owed of the invoices it listed (new invoices get steps of their own), or cancelled
//   when nothing is: it must not dun a customer for a paid invoice.
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
  for (const message of input.fresh) {
    const today = outbox.filter((r) => r.channel === message.channel && r.scheduledOn === asOf);
    const queued = today.find((r) => r.status === 'queued');
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
    // The day's message has left (or there is none yet): this one follows it, numbered after it.
    const dedupeKey = messageKey(facts.caseId, message.channel, asOf, today.length + 1);
    plan.inserts.push({ ...message, dedupeKey });
    plan.placed.push({ caseId: facts.caseId, firings: message.firings, outboxId: null, dedupeKey });
  }
  for (const row of outbox) {
    if (row.status !== 'queued' || !row.stale || rendered.has(row.id)) continue;
    const listed = new Set(row.invoiceIds);
    const again = planMessage(
      { ...facts, invoices: facts.invoices.filter((i) => listed.has(i.id)) },
      strategy,
      row.channel,
      duesOf(row, strategy, commitments),
      asOf,
      horizonDate,
      row.steps,
    );
    if ('skipped' in again)
      plan.cancels.push({ id: row.id, reason: `cancelled before sending: ${again.skipped}` });
    else if (again.empty)
      plan.cancels.push({ id: row.id, reason: 'cancelled before sending: its invoices are no longer owed' });
    else plan.updates.push({ id: row.id, message: again });
  }
  return plan;
}
