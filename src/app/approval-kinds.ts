// The kinds of approval and the feature code each one applies (composition root): approvals knows no
// feature, and no feature knows another's handler. Registered by linkFeatures (feature-links.ts).
import { registerApprovalKind } from '../approvals/approval-kinds';
import { activatePlan, discardPlan } from '../collections/cases/plan-approval';
import { applyApprovedWriteOff } from '../ledger/write-offs/write-off-invoice';

export function registerApprovalKinds(): void {
  registerApprovalKind({
    kind: 'payment_plan',
    apply: (tx, request) => activatePlan(tx, request.subjectId as number),
    discard: (tx, request) => discardPlan(tx, request.subjectId as number),
  });
  registerApprovalKind({
    kind: 'write_off',
    apply: (tx, request, decider) => applyApprovedWriteOff(tx, decider, request),
  });
}
