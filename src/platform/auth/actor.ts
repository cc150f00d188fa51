// Who is acting. Every use case that reads or changes data takes an Actor; the HTTP layer builds it from
// the session or API token, the CLI on the local store and the jobs use SYSTEM_ACTOR. Scoping rules live
// here so that lists, details, searches, exports and reports all restrict the same way.
import { type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../db/schema';
import { AppError, msg } from '../errors';

export interface CustomerScope {
  /** Customers whose collector is one of these users (催收员 sees only assigned customers). */
  collectorUserIds: number[];
  /** Customers whose salesperson is one of these users (业务员 sees own customers). */
  salespersonUserIds: number[];
}

export interface Actor {
  /** null for the system (local CLI, jobs). */
  userId: number | null;
  name: string;
  /** Rights such as `ledger:read`, `ledger:write`; `*` grants all. */
  permissions: ReadonlySet<string>;
  /** null: every customer; otherwise only those matched by the scope. */
  customerScope: CustomerScope | null;
  /** null: every entity; otherwise only these selling entities. */
  entityIds: number[] | null;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  name: 'system',
  permissions: new Set(['*']),
  customerScope: null,
  entityIds: null,
};

export function can(actor: Actor, permission: string): boolean {
  if (actor.permissions.has('*') || actor.permissions.has(permission)) return true;
  const [resource] = permission.split(':');
  return actor.permissions.has(`${resource}:*`);
}

export function assertCan(actor: Actor, permission: string): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', msg('notAllowed', { permission }));
}

/**
 * SQL condition "the customer in column `customerIdColumn` is visible to the actor". Use it in every
 * query that returns customer-related rows, e.g. `.where(customerVisible(actor, 'invoice.customer_id'))`.
 */
export function customerVisible(actor: Actor, customerIdColumn: string) {
  return (_eb: ExpressionBuilder<Database, never>) => {
    const scope = actor.customerScope;
    if (!scope) return sql<boolean>`true`;
    const collectors = scope.collectorUserIds.length ? scope.collectorUserIds : [-1];
    const sales = scope.salespersonUserIds.length ? scope.salespersonUserIds : [-1];
    return sql<boolean>`${sql.ref(customerIdColumn)} in (select c.id from customer c where c.collector_id = any(${collectors}::bigint[]) or c.salesperson_id = any(${sales}::bigint[]))`;
  };
}

/**
 * SQL condition for rows that belong to no one customer but can show any customer's data, such as an
 * import batch (its file name and the cells of its bad rows): a user whose customers are scoped (collector,
 * salesperson) sees only the rows they made (`createdByColumn` is them); everyone else sees all.
 */
export function madeByVisible(actor: Actor, createdByColumn: string): RawBuilder<boolean> {
  if (!actor.customerScope) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(createdByColumn)} = ${actor.userId ?? -1}`;
}

/** Same for entity scoping: `.where(entityVisible(actor, 'invoice.entity_id'))`. */
export function entityVisible(actor: Actor, entityIdColumn: string) {
  return (_eb: ExpressionBuilder<Database, never>) => {
    if (!actor.entityIds) return sql<boolean>`true`;
    const ids = actor.entityIds.length ? actor.entityIds : [-1];
    return sql<boolean>`${sql.ref(entityIdColumn)} = any(${ids}::bigint[])`;
  };
}

export type AnySelect = SelectQueryBuilder<Database, keyof Database, unknown>;
