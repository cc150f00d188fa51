// Asking for approval. A feature whose action may need approval calls `approvalNeeded` in its transaction;
// when it does, it records its subject as waiting and calls `requestApproval`. The kind's handler (see
// approval-kinds.ts) makes the subject effective once the last step is approved.
import type { Actor } from '../platform/auth/actor';
import type { Tx } from '../platform/db/store';
import { invalid, msg } from '../platform/errors';
import { addDays, isValidIsoDate } from '../shared/dates';
import { amountInEntity, isSystem, rolesInEntity, ruleInForce } from './approval-context';
import { insertRequest } from './approval-queries';
import { requiredSteps, withinAuthority } from './approval-rules';

export interface ApprovalQuestion {
  kind: string;
  entityId: number;
  amount: number;
  currency: string;
}

/** Whether this actor needs someone's approval for this amount of this kind in this entity. */
export async function approvalNeeded(tx: Tx, actor: Actor, q: ApprovalQuestion): Promise<boolean> {
  if (isSystem(actor)) return false;
  const { rule } = await ruleInForce(tx, q.kind, q.entityId);
  const amount = await amountInEntity(tx, q.entityId, q.amount, q.currency);
  return !withinAuthority(rule, amount, await rolesInEntity(tx, actor.userId, q.entityId));
}

export interface ApprovalInput extends ApprovalQuestion {
  customerId: number;
  subjectId: number | null;
  /** What the approver reads, e.g. "分期 3 期 · 案件 12". */
  subjectLabel: string;
  payload?: Record<string, unknown>;
  reason: string;
  today: string;
}

/** Records a pending request with the steps the rule in force gives for its amount; returns its id. */
export async function requestApproval(tx: Tx, actor: Actor, input: ApprovalInput): Promise<number> {
  const reason = input.reason.trim();
  if (!reason)
    throw invalid(msg('approvalReasonNeeded'), [{ field: 'reason', reason: 'a request needs a reason' }]);
  if (!isValidIsoDate(input.today))
    throw invalid(msg('approvalInvalid'), [{ field: 'today', reason: 'a date' }]);
  const { rule } = await ruleInForce(tx, input.kind, input.entityId);
  const amount = await amountInEntity(tx, input.entityId, input.amount, input.currency);
  return insertRequest(tx, {
    kind: input.kind,
    entityId: input.entityId,
    customerId: input.customerId,
    subjectId: input.subjectId,
    subjectLabel: input.subjectLabel.slice(0, 500),
    amount: input.amount,
    currency: input.currency,
    payload: input.payload ?? {},
    reason: reason.slice(0, 2000),
    steps: requiredSteps(rule, amount),
    requestedBy: actor.userId,
    requestedOn: input.today,
    expiresOn: addDays(input.today, rule.expiresAfterDays),
  });
}
