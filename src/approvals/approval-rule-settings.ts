// Reading and configuring the approval rules: per kind, for the company (entity null) or one entity.
import { findEntity } from '../ledger/reference/reference-queries';
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { invalid, msg, notFound } from '../platform/errors';
import { ruleInForce } from './approval-context';
import type { ApprovalRuleView } from './approval-dto';
import { approvalKinds } from './approval-kinds';
import { upsertRule } from './approval-queries';
import { type ApprovalRule, ruleProblems } from './approval-rules';

export async function listApprovalRules(db: Db, _actor: Actor, input: { entityId?: number | null }) {
  const entityId = input.entityId ?? null;
  const views: ApprovalRuleView[] = [];
  for (const kind of approvalKinds()) {
    const { rule, source } = await ruleInForce(db, kind, entityId);
    views.push({ kind, entityId, source, rule });
  }
  return views;
}

export async function setApprovalRule(
  db: Db,
  actor: Actor,
  input: { kind: string; entityId: number | null; rule: ApprovalRule },
): Promise<ApprovalRuleView> {
  assertCan(actor, 'admin');
  if (!approvalKinds().includes(input.kind))
    throw invalid(msg('approvalRuleInvalid'), [{ field: 'kind', value: input.kind, reason: 'unknown kind' }]);
  const problems = ruleProblems(input.rule);
  if (problems.length > 0) throw invalid(msg('approvalRuleInvalid'), problems);
  return inTransaction(db, actor, async (tx) => {
    if (input.entityId !== null && !(await findEntity(tx, actor, { id: input.entityId })))
      throw notFound('Entity', input.entityId);
    await upsertRule(tx, {
      kind: input.kind,
      entityId: input.entityId,
      rule: input.rule,
      userId: actor.userId,
    });
    const { rule, source } = await ruleInForce(tx, input.kind, input.entityId);
    return { kind: input.kind, entityId: input.entityId, source, rule };
  });
}
