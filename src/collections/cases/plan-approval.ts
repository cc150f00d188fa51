// What approving or refusing a proposed payment plan does (registered as the approvals kind `payment_plan`
// in src/app/approval-kinds.ts). Approved: it replaces the case's active plan and holds the case as a plan
// recorded within authority does. Rejected, withdrawn or expired: it is 'rejected' and never held anything.
import type { Tx } from '../../platform/db/store';
import { AppError, msg, notFound } from '../../platform/errors';
import { holdBackMessages } from './hold-messages';
import { markCustomerChanged } from './mark-changed';

export async function cancelActivePlans(tx: Tx, caseId: number): Promise<void> {
  await tx
    .updateTable('payment_plan')
    .set({ status: 'cancelled' })
    .where('case_id', '=', caseId)
    .where('status', '=', 'active')
    .execute();
}

async function pendingPlan(tx: Tx, planId: number) {
  const plan = await tx
    .selectFrom('payment_plan as pp')
    .innerJoin('collection_case as k', 'k.id', 'pp.case_id')
    .select(['pp.id', 'pp.case_id', 'pp.customer_id', 'pp.status', 'k.closed_on'])
    .where('pp.id', '=', planId)
    .forUpdate('pp')
    .executeTakeFirst();
  if (!plan) throw notFound('Plan', planId);
  return plan;
}

export async function activatePlan(tx: Tx, planId: number): Promise<void> {
  const plan = await pendingPlan(tx, planId);
  if (plan.status !== 'pending')
    throw new AppError('CONFLICT', msg('approvalNotPending', { id: planId, status: plan.status }));
  if (plan.closed_on) throw new AppError('CONFLICT', msg('caseClosed', { id: plan.case_id }));
  await cancelActivePlans(tx, plan.case_id);
  await tx.updateTable('payment_plan').set({ status: 'active' }).where('id', '=', planId).execute();
  await holdBackMessages(tx, plan.case_id, 'plan');
  await markCustomerChanged(tx, plan.customer_id);
}

export async function discardPlan(tx: Tx, planId: number): Promise<void> {
  await tx
    .updateTable('payment_plan')
    .set({ status: 'rejected' })
    .where('id', '=', planId)
    .where('status', '=', 'pending')
    .execute();
}
