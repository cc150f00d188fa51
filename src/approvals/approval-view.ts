// Builds the views of requests: their decisions, the step awaiting one, and what the caller may do.
import type { Actor } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/store';
import type { ApprovalView } from './approval-dto';
import { type DecisionRow, type RequestRow, selectDecisions } from './approval-queries';
import { decisionRefusal } from './approval-rules';

/** A pending request past its date shows as expired (the next decision attempt records it). */
export function effectiveStatus(row: Pick<RequestRow, 'status' | 'expires_on'>, today: string) {
  return row.status === 'pending' && row.expires_on < today ? 'expired' : row.status;
}

export function currentStep(row: RequestRow, decisions: DecisionRow[]): number | null {
  if (row.status !== 'pending') return null;
  return decisions.filter((d) => d.decision === 'approved').length + 1;
}

export async function toViews(
  db: Db | Tx,
  actor: Actor,
  rows: RequestRow[],
  rolesIn: (entityId: number) => string[],
  today: string,
): Promise<ApprovalView[]> {
  const decisions = await selectDecisions(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const own = decisions.filter((d) => d.request_id === row.id);
    const status = effectiveStatus(row, today);
    const step = status === 'pending' ? currentStep(row, own) : null;
    const canDecide =
      step !== null &&
      decisionRefusal({
        deciderId: actor.userId,
        deciderRoles: rolesIn(row.entity_id),
        requesterId: row.requested_by,
        stepRoles: row.steps[step - 1] ?? [],
        earlierApprovers: own.filter((d) => d.decision === 'approved').map((d) => d.decided_by),
      }) === null;
    return {
      id: row.id,
      kind: row.kind,
      status,
      entityId: row.entity_id,
      entityCode: row.entity_code,
      customerId: row.customer_id,
      customerCode: row.customer_code,
      customerName: row.customer_name,
      subjectId: row.subject_id,
      subjectLabel: row.subject_label,
      amount: row.amount,
      currency: row.currency.trim(),
      reason: row.reason,
      requestedBy: row.requested_by,
      requesterName: row.requester_name,
      requestedAt: new Date(row.requested_at).toISOString(),
      requestedOn: row.requested_on,
      expiresOn: row.expires_on,
      resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
      steps: row.steps,
      currentStep: step,
      decisions: own.map((d) => ({
        step: d.step,
        decision: d.decision,
        deciderId: d.decided_by,
        deciderName: d.decider_name,
        decidedAt: new Date(d.decided_at).toISOString(),
        comment: d.comment,
      })),
      canDecide,
      canCancel: status === 'pending' && actor.userId !== null && row.requested_by === actor.userId,
    };
  });
}
