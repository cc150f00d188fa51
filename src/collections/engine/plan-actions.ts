// Turns the steps that newly fired for one case into what gets written (pure): one consolidated message per
// channel listing the case's invoices (not one per invoice), one worklist task per task step, and credit
// holds. Messages are fully rendered here, so the outbox holds exactly what the customer will receive.

import type { TaskType } from '../../platform/db/schema';
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

export interface PlannedMessage {
  caseId: number;
  customerId: number;
  entityId: number;
  channel: 'email' | 'sms' | 'letter';
  rendered: Rendered;
  recipients: Recipient[];
  payload: Record<string, unknown>;
  dedupeKey: string;
  scheduledOn: string;
  firings: FiringRef[];
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
  const order = new Map(strategy.steps.map((s, i) => [s.key, i]));
  const byChannel = new Map<'email' | 'sms' | 'letter', DueStep[]>();
  for (const due of fired) {
    const { step } = due;
    const ref = { stepKey: step.key, occurrenceKey: due.occurrenceKey };
    if (MESSAGE_ACTIONS.has(step.action)) {
      const channel = step.channel as 'email' | 'sms' | 'letter';
      byChannel.set(channel, [...(byChannel.get(channel) ?? []), due]);
      continue;
    }
    const type = TASK_TYPE[step.action]!;
    const locale = resolveLocale(facts.language, strategy.locale);
    const primary = facts.contacts[0]?.name ?? null;
    const rendered = renderTemplate(
      step.template,
      renderContext(facts, step.template, asOf, horizonDate, locale, primary, due),
    );
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
      },
      firing: ref,
      creditHold: step.action === 'credit_hold',
    });
  }
  for (const [channel, dues] of byChannel) {
    const refs = dues.map((d) => ({ stepKey: d.step.key, occurrenceKey: d.occurrenceKey }));
    const recipients = chooseRecipients(facts.contacts, channel, facts.stage);
    if (recipients.length === 0 && channel !== 'letter') {
      for (const ref of refs) out.skipped.push({ ...ref, detail: `no contact who accepts ${channel}` });
      continue;
    }
    if (recipients.length === 0) {
      recipients.push({
        contactId: null,
        name: facts.customerName,
        address: facts.customerName,
        language: null,
      });
    }
    const locale = resolveLocale(recipients[0].language ?? facts.language, strategy.locale);
    // The strongest message of the day speaks for all (formal > firm > friendly, then the later step).
    const candidates = dues.map((due) => ({
      due,
      rendered: renderTemplate(
        due.step.template,
        renderContext(
          facts,
          due.step.template,
          asOf,
          horizonDate,
          locale,
          recipients[0].contactId ? recipients[0].name : null,
          due,
        ),
      ),
    }));
    candidates.sort(
      (a, b) =>
        TONE_RANK[b.rendered.tone] - TONE_RANK[a.rendered.tone] ||
        (order.get(b.due.step.key) ?? 0) - (order.get(a.due.step.key) ?? 0),
    );
    const chosen = candidates[0];
    const ctx = renderContext(facts, chosen.due.step.template, asOf, horizonDate, locale, null, chosen.due);
    out.messages.push({
      caseId: facts.caseId,
      customerId: facts.customerId,
      entityId: facts.entityId,
      channel,
      rendered: chosen.rendered,
      recipients,
      payload: {
        stage: facts.stage,
        tone: chosen.rendered.tone,
        steps: refs.map((r) => r.stepKey),
        invoices: ctx.invoices,
        totals: ctx.totals,
      },
      dedupeKey: `case:${facts.caseId}:${channel}:${asOf}`,
      scheduledOn: asOf,
      firings: refs,
    });
  }
  return out;
}
