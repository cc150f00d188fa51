// Records a payment plan (分期) on a case: installments with dates and amounts. A plan in good standing holds
// escalation; a missed installment fires the strategy's missed-installment steps. A plan beyond the
// proposer's authority (a collector's, always: DOMAIN, the collector's work) waits as 'pending' with an
// approval request and holds nothing until approved (plan-approval.ts applies it).
import { approvalNeeded, requestApproval } from '../../approvals/request-approval';
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { type FieldProblem, invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate } from '../../shared/dates';
import { CURRENCY_MINOR_UNITS } from '../../shared/money';
import type { PlanView } from './case-dto';
import { selectCase } from './case-queries';
import { holdBackMessages } from './hold-messages';
import { markCustomerChanged } from './mark-changed';
import { cancelActivePlans } from './plan-approval';

export interface CreatePlanInput {
  caseId: number;
  today: string;
  currency: string;
  installments: Array<{ dueOn: string; amount: number }>;
  note?: string | null;
  /** Why the plan is proposed, for the approver (default: the note). */
  reason?: string | null;
}

export async function createPlan(db: Db, actor: Actor, input: CreatePlanInput): Promise<PlanView> {
  assertCan(actor, 'collections:write');
  const problems: FieldProblem[] = [];
  if (CURRENCY_MINOR_UNITS[input.currency] === undefined)
    problems.push({ field: 'currency', value: input.currency, reason: 'unknown currency' });
  if (input.installments.length === 0)
    problems.push({ field: 'installments', reason: 'at least one installment' });
  input.installments.forEach((inst, i) => {
    if (!isValidIsoDate(inst.dueOn) || inst.dueOn < input.today)
      problems.push({ field: `installments/${i}/dueOn`, value: inst.dueOn, reason: 'a date from today on' });
    if (i > 0 && inst.dueOn <= input.installments[i - 1].dueOn)
      problems.push({
        field: `installments/${i}/dueOn`,
        value: inst.dueOn,
        reason: 'after the previous installment',
      });
    if (!Number.isSafeInteger(inst.amount) || inst.amount <= 0)
      problems.push({ field: `installments/${i}/amount`, reason: 'a positive amount' });
  });
  if (problems.length) throw invalid(msg('planInvalid'), problems);
  return inTransaction(db, actor, async (tx) => {
    const kase = await selectCase(tx, actor, input.caseId);
    if (!kase) throw notFound('Case', input.caseId);
    if (kase.closed_on) throw invalid(msg('caseClosed', { id: input.caseId }));
    const total = input.installments.reduce((sum, inst) => sum + inst.amount, 0);
    const pending = await approvalNeeded(tx, actor, {
      kind: 'payment_plan',
      entityId: kase.entity_id,
      amount: total,
      currency: input.currency,
    });
    // One active plan per case: a new plan replaces the old one (once approved, when it needs approval).
    if (!pending) await cancelActivePlans(tx, kase.id);
    const plan = await tx
      .insertInto('payment_plan')
      .values({
        case_id: kase.id,
        customer_id: kase.customer_id,
        entity_id: kase.entity_id,
        currency: input.currency,
        created_on: input.today,
        status: pending ? 'pending' : 'active',
        note: input.note ?? null,
        created_by: actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('payment_plan_installment')
      .values(
        input.installments.map((inst, i) => ({
          plan_id: plan.id,
          seq: i + 1,
          due_on: inst.dueOn,
          amount: inst.amount,
        })),
      )
      .execute();
    let approvalId: number | null = null;
    if (pending) {
      const first = input.installments[0].dueOn;
      const last = input.installments[input.installments.length - 1].dueOn;
      approvalId = await requestApproval(tx, actor, {
        kind: 'payment_plan',
        entityId: kase.entity_id,
        customerId: kase.customer_id,
        amount: total,
        currency: input.currency,
        subjectId: plan.id,
        subjectLabel: `#${kase.id} · ${input.installments.length} × ${first}…${last}`,
        payload: { caseId: kase.id },
        reason: input.reason?.trim() || input.note?.trim() || '分期还款 payment plan',
        today: input.today,
      });
    } else {
      // Messages still queued were written before the customer agreed to the plan (hold-messages.ts).
      await holdBackMessages(tx, kase.id, 'plan');
      await markCustomerChanged(tx, kase.customer_id);
    }
    return {
      id: plan.id,
      caseId: plan.case_id,
      currency: plan.currency,
      createdOn: plan.created_on,
      status: plan.status,
      approvalId,
      installments: input.installments.map((inst, i) => ({
        seq: i + 1,
        dueOn: inst.dueOn,
        amount: inst.amount,
        status: 'open',
        resolvedOn: null,
      })),
    };
  });
}
