// What a rule is judged against: the acting user's roles in the request's entity, the rule in force for the
// kind there, and the amount in the entity's base currency.
import { selectGrants } from '../auth/user-queries';
import { findEntity } from '../ledger/reference/reference-queries';
import { type Actor, SYSTEM_ACTOR } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/store';
import { notFound } from '../platform/errors';
import { CURRENCY_MINOR_UNITS } from '../shared/money';
import { defaultRuleFor } from './approval-kinds';
import { selectRuleRows } from './approval-queries';
import { type ApprovalRule, type ComparableAmount, comparableAmount } from './approval-rules';

/** The roles a user holds in one selling entity: grants for it and grants for every entity. */
export async function rolesInEntity(db: Db | Tx, userId: number | null, entityId: number): Promise<string[]> {
  if (userId === null) return [];
  const grants = await selectGrants(db, userId);
  return [
    ...new Set(grants.filter((g) => g.entityId === null || g.entityId === entityId).map((g) => g.role)),
  ];
}

/** Every entity's roles of a user at once (for lists): entity id → roles; key 0 holds the all-entity ones. */
export async function rolesByEntity(db: Db | Tx, userId: number | null) {
  const grants = userId === null ? [] : await selectGrants(db, userId);
  return (entityId: number) => [
    ...new Set(grants.filter((g) => g.entityId === null || g.entityId === entityId).map((g) => g.role)),
  ];
}

export interface RuleInForce {
  rule: ApprovalRule;
  source: 'entity' | 'company' | 'default';
}

export async function ruleInForce(db: Db | Tx, kind: string, entityId: number | null): Promise<RuleInForce> {
  const rows = await selectRuleRows(db, kind, entityId);
  const own = entityId === null ? undefined : rows.find((r) => r.entity_id === entityId);
  if (own) return { rule: own.rule as ApprovalRule, source: 'entity' };
  const company = rows.find((r) => r.entity_id === null);
  if (company) return { rule: company.rule as ApprovalRule, source: 'company' };
  return { rule: defaultRuleFor(kind), source: 'default' };
}

export async function amountInEntity(
  db: Db | Tx,
  entityId: number,
  amount: number,
  currency: string,
): Promise<ComparableAmount> {
  const entity = await findEntity(db, SYSTEM_ACTOR, { id: entityId });
  if (!entity) throw notFound('Entity', entityId);
  const base = entity.baseCurrency.trim();
  return comparableAmount(amount, currency, base, CURRENCY_MINOR_UNITS[base] ?? 2);
}

/** The system (local CLI, jobs, the demo) acts with every authority; people by their roles. */
export function isSystem(actor: Actor): boolean {
  return actor.userId === null;
}
