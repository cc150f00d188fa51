// Role scoping for this module's queries. `customerVisible` (platform/auth/actor) is typed for an
// ExpressionBuilder of no tables, which Kysely's `where` on a real table refuses; its condition does not
// use the builder, so we take the expression it builds and pass that instead.
import type { Expression, SqlBool } from 'kysely';
import { type Actor, customerVisible, entityVisible } from '../../platform/auth/actor';

export function visibleCustomer(actor: Actor, customerIdColumn: string): Expression<SqlBool> {
  return customerVisible(actor, customerIdColumn)(undefined as never);
}

export function visibleEntity(actor: Actor, entityIdColumn: string): Expression<SqlBool> {
  return entityVisible(actor, entityIdColumn)(undefined as never);
}
