// Turns the steps that newly fired for one case into what gets written (pure): one consolidated message per
// channel listing the case's invoices (not one per invoice), one worklist task per task step, and credit
// holds. Messages are fully rendered here, so the outbox holds exactly what the customer will receive.

import type { TaskType } from '../../platform/db/schema';
import { codedReason } from '../reasons';
import { MESSAGE_ACTIONS, type Stage, type StepAction, type Strategy } from '../strategy/strategy-schema';
import { resolveLocale } from '../templates/registry';
import { type InvoiceLine, type Rendered, renderTemplate } from '../templates/render';
import type { DueStep } from './case-state';
import { chooseRecipients, type Recipient } from './recipients';
import { renderContext } from './render-context';
import type { ContactRow } from './snapshot-queries';

export interface CaseFacts {
  caseId: number;
  customerId: number;
  entityId: number;
  customerCode: string;
  customerName: string;
  language: string;
  collectorId: number | null;
  entityName: string;
  stage: Stage;
  invoices: Array<InvoiceLine & { disputed: boolean }>;
  contacts: ContactRow[];
}

export interface FiringRef {
  stepKey: string;
  occurrenceKey: string;
}

export type MessageChannel = 'email' | 'sms' | 'letter';

export interface PlannedMessage {
  caseId: number;
  customerId: number;
  entityId: number;
  channel: MessageChannel;
  rendered: Rendered;
  recipients: Recipient[];
  payload: Record<string, unknown>;
  dedupeKey: string;
  scheduledOn: string;
  firings: FiringRef[];
  /** The steps it speaks for, kept so that a later run of the day can render it again with more. */
  dues: DueStep[];
  /** Nothing left to list: every candidate template's invoices were paid, disputed or are not due. */
  empty: boolean;
}

export interface PlannedTask {
  caseId: number;
  customerId: number;
  entityId: number;
  type: TaskType;
  title: string;
  instructions: string;
  dueOn: string;
  assigneeId: number | null;
  assigneeRole: string;
  stepKey: string;
  payload: Record<string, unknown>;
  firing: FiringRef;
  creditHold: boolean;
  /** The case's stage when it fired (a credit hold is released when the case falls below it). */
  stage: Stage;
}

export interface PlannedActions {
  messages: PlannedMessage[];
  tasks: PlannedTask[];
  skipped: Array<FiringRef & { detail: string }>;
}

const TASK_TYPE: Partial<Record<StepAction, TaskType>> = {
  call: 'call',
  visit: 'visit',
  escalate: 'escalation',
  credit_hold: 'credit_hold',
  legal_review: 'legal_review',
  agency_referral: 'agency_referral',
};
const ASSIGNEE_ROLE: Partial<Record<StepAction, string>> = {
  escalate: 'collection_manager',
  credit_hold: 'credit_manager',
  legal_review: 'collection_manager',
  agency_referral: 'collection_manager',
};
const TONE_RANK = { friendly: 0, firm: 1, formal: 2 } as const;

export function planActions(
  facts: CaseFacts,
  strategy: Strategy,
  fired: readonly DueStep[],
  asOf: string,
  horizonDate: string,
): PlannedActions {
  const out: PlannedActions = { messages: [], tasks: [], skipped: [] };
  const byChannel = new Map<MessageChannel, DueStep[]>();
  for (const due of fired) {
    const { step } = due;
    const ref = { stepKey: step.key, occurrenceKey: due.occurrenceKey };
    if (due.skipped) {
      out.skipped.push({ ...ref, detail: due.skipped });
      continue;
    }
    if (MESSAGE_ACTIONS.has(step.action)) {
      const channel = step.channel as MessageChannel;
      byChannel.set(channel, [...(byChannel.get(channel) ?? []), due]);
      continue;
    }
    const type = TASK_TYPE[step.action]!;
    const locale = resolveLocale(facts.language, strategy.locale);
    const primary = facts.contacts[0]?.name ?? null;
    const context = renderContext(facts, step.template, asOf, horizonDate, locale, primary, due);
    const rendered = renderTemplate(step.template, context);
    const role = ASSIGNEE_ROLE[step.action] ?? 'collector';
    out.tasks.push({
      caseId: facts.caseId,
      customerId: facts.customerId,
      entityId: facts.entityId,
      type,
      title: rendered.subject,
      instructions: rendered.body,
      dueOn: asOf,
      assigneeId: role === 'collector' ? facts.collectorId : null,
      assigneeRole: role,
      stepKey: step.key,
      payload: {
        stage: facts.stage,
        template: step.template,
        occurrenceKey: due.occurrenceKey,
        contact: primary,
        // The invoices it is about: once they are all paid the engine cancels it (sync-cases.ts).
        invoices: context.invoices.map((i) => ({ id: i.id, number: i.number })),
      },
      firing: ref,
      creditHold: step.action === 'credit_hold',
      stage: facts.stage,
    });
  }
  for (const [channel, dues] of byChannel) {
    const planned = planMessage(facts, strategy, channel, dues, asOf, horizonDate);
    if ('skipped' in planned) {
      for (const d of dues)
        out.skipped.push({ stepKey: d.step.key, occurrenceKey: d.occurrenceKey, detail: planned.skipped });
    } else {
      out.messages.push(planned);
    }
  }
  return out;
}

/** Key of a case's first message of a channel and day; a message that follows one already sent adds `#n`. */
export const messageKey = (caseId: number, channel: MessageChannel, date: string, n = 1) =>
  `case:${caseId}:${channel}:${date}${n > 1 ? `#${n}` : ''}`;

/**
 * One consolidated message of a channel speaking for `dues` (the day's steps of that channel), or why there
 * is none. The strongest template speaks for all (formal > firm > friendly, then the later step), among those
 * that still have invoices to list: a reminder of an invoice due next week rather than an overdue notice of
 * one paid this morning. `keepSteps`: step keys the message already named (rendered again, it keeps them).
 */
export function planMessage(
  facts: CaseFacts,
  strategy: Strategy,
  channel: MessageChannel,
  dues: readonly DueStep[],
  asOf: string,
  horizonDate: string,
  keepSteps: readonly string[] = [],
): PlannedMessage | { skipped: string } {
  if (dues.length === 0) return { skipped: codedReason('skippedNothingToRender') };
  const recipients = chooseRecipients(facts.contacts, channel, facts.stage);
  if (recipients.length === 0 && channel !== 'letter')
    return { skipped: codedReason('skippedNoContact', { channel }) };
  if (recipients.length === 0) {
    recipients.push({
      contactId: null,
      name: facts.customerName,
      address: facts.customerName,
      language: null,
    });
  }
  const locale = resolveLocale(recipients[0].language ?? facts.language, strategy.locale);
  const contactName = recipients[0].contactId ? recipients[0].name : null;
  const order = new Map(strategy.steps.map((s, i) => [s.key, i]));
  const candidates = dues.map((due) => {
    const ctx = renderContext(facts, due.step.template, asOf, horizonDate, locale, contactName, due);
    return { due, ctx, rendered: renderTemplate(due.step.template, ctx) };
  });
  candidates.sort(
    (a, b) =>
      Number(b.ctx.invoices.length > 0) - Number(a.ctx.invoices.length > 0) ||
      TONE_RANK[b.rendered.tone] - TONE_RANK[a.rendered.tone] ||
      (order.get(b.due.step.key) ?? 0) - (order.get(a.due.step.key) ?? 0),
  );
  const chosen = candidates[0];
  const refs = dues.map((d) => ({ stepKey: d.step.key, occurrenceKey: d.occurrenceKey }));
  return {
    caseId: facts.caseId,
    customerId: facts.customerId,
    entityId: facts.entityId,
    channel,
    rendered: chosen.rendered,
    recipients,
    payload: {
      stage: facts.stage,
      tone: chosen.rendered.tone,
      steps: [...new Set([...keepSteps, ...refs.map((r) => r.stepKey)])],
      invoices: chosen.ctx.invoices,
      totals: chosen.ctx.totals,
    },
    dedupeKey: messageKey(facts.caseId, channel, asOf),
    scheduledOn: asOf,
    firings: refs,
    dues: [...dues],
    empty: chosen.ctx.invoices.length === 0,
  };
}
