// Approve, reject or withdraw a request. The last approval applies the subject through its kind's handler
// in the same transaction; a rejection, withdrawal or expiry discards it. Every decision is a row of
// approval_decision (audited with its decider, time and comment) and the request's status change is audited.
import { lockAuditChain } from '../auth/audit-queries';
import type { Actor } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { AppError, invalid, msg, notFound } from '../platform/errors';
import { rolesInEntity } from './approval-context';
import type { ApprovalView } from './approval-dto';
import { type ApprovalEnd, type ApprovalSubject, approvalHandler } from './approval-kinds';
import {
  insertDecision,
  lockRequest,
  type RequestRow,
  selectDecisions,
  setRequestStatus,
} from './approval-queries';
import { decisionRefusal } from './approval-rules';
import { getApproval } from './list-approvals';

export interface DecideInput {
  id: number;
  comment?: string | null;
  today: string;
}

const REFUSAL_MESSAGE = {
  self: 'approvalSelf',
  role: 'approvalRole',
  twice: 'approvalTwice',
  system: 'approvalNeedsPerson',
} as const;

function subjectOf(row: RequestRow): ApprovalSubject {
  return {
    id: row.id,
    kind: row.kind,
    entityId: row.entity_id,
    customerId: row.customer_id,
    subjectId: row.subject_id,
    amount: row.amount,
    currency: row.currency.trim(),
    payload: row.payload,
    requestedBy: row.requested_by,
  };
}

async function end(tx: Tx, row: RequestRow, how: ApprovalEnd): Promise<void> {
  await setRequestStatus(tx, row.id, how);
  await approvalHandler(row.kind)?.discard?.(tx, subjectOf(row), how);
}

type Outcome = { expired: true } | { expired: false };

/** Locks the request; a pending one past its date is recorded as expired (and the caller is told). */
async function decide(
  db: Db,
  actor: Actor,
  input: DecideInput,
  fn: (tx: Tx, row: RequestRow) => Promise<void>,
): Promise<ApprovalView> {
  const outcome = await inTransaction(db, actor, async (tx): Promise<Outcome> => {
    await lockAuditChain(tx);
    const row = await lockRequest(tx, actor, input.id);
    if (!row) throw notFound('Approval', input.id);
    if (row.status !== 'pending')
      throw new AppError('CONFLICT', msg('approvalNotPending', { id: row.id, status: row.status }));
    if (row.expires_on < input.today) {
      await end(tx, row, 'expired');
      return { expired: true };
    }
    await fn(tx, row);
    return { expired: false };
  });
  if (outcome.expired)
    throw new AppError('CONFLICT', msg('approvalNotPending', { id: input.id, status: 'expired' }));
  return getApproval(db, actor, { id: input.id, today: input.today });
}

/** Checks the actor may decide the current step; returns that step and the approvals so far. */
async function currentStepFor(tx: Tx, actor: Actor, row: RequestRow) {
  const decisions = await selectDecisions(tx, [row.id]);
  const approvals = decisions.filter((d) => d.decision === 'approved');
  const step = approvals.length + 1;
  const refusal = decisionRefusal({
    deciderId: actor.userId,
    deciderRoles: await rolesInEntity(tx, actor.userId, row.entity_id),
    requesterId: row.requested_by,
    stepRoles: row.steps[step - 1] ?? [],
    earlierApprovers: approvals.map((d) => d.decided_by),
  });
  if (refusal) {
    throw new AppError(
      'FORBIDDEN',
      msg(REFUSAL_MESSAGE[refusal], { roles: (row.steps[step - 1] ?? []).join(', ') }),
    );
  }
  return step;
}

const comment = (text: string | null | undefined) => text?.trim().slice(0, 2000) || null;

export function approveRequest(db: Db, actor: Actor, input: DecideInput): Promise<ApprovalView> {
  return decide(db, actor, input, async (tx, row) => {
    const step = await currentStepFor(tx, actor, row);
    await insertDecision(tx, {
      requestId: row.id,
      step,
      decision: 'approved',
      decidedBy: actor.userId,
      comment: comment(input.comment),
    });
    if (step < row.steps.length) return;
    const handler = approvalHandler(row.kind);
    if (!handler) throw new AppError('CONFLICT', msg('approvalNoHandler', { kind: row.kind }));
    await setRequestStatus(tx, row.id, 'approved');
    await handler.apply(tx, subjectOf(row), actor);
  });
}

export function rejectRequest(db: Db, actor: Actor, input: DecideInput): Promise<ApprovalView> {
  const text = comment(input.comment);
  if (!text)
    throw invalid(msg('approvalReasonNeeded'), [{ field: 'comment', reason: 'a rejection needs a reason' }]);
  return decide(db, actor, input, async (tx, row) => {
    const step = await currentStepFor(tx, actor, row);
    await insertDecision(tx, {
      requestId: row.id,
      step,
      decision: 'rejected',
      decidedBy: actor.userId,
      comment: text,
    });
    await end(tx, row, 'rejected');
  });
}

/** The requester withdraws a request still pending. */
export function cancelRequest(db: Db, actor: Actor, input: DecideInput): Promise<ApprovalView> {
  return decide(db, actor, input, async (tx, row) => {
    if (actor.userId === null || row.requested_by !== actor.userId)
      throw new AppError('FORBIDDEN', msg('approvalCancelOwn'));
    const step = (await selectDecisions(tx, [row.id])).filter((d) => d.decision === 'approved').length + 1;
    await insertDecision(tx, {
      requestId: row.id,
      step,
      decision: 'cancelled',
      decidedBy: actor.userId,
      comment: comment(input.comment),
    });
    await end(tx, row, 'cancelled');
  });
}
