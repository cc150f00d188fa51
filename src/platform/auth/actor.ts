// Who is acting. Every use case that reads or changes data takes an Actor; the HTTP layer builds it from
// the session or API token, the CLI on the local store and the jobs use SYSTEM_ACTOR. Scoping rules live
// here so that lists, details, searches, exports and reports all restrict the same way.
import { type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
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

/** The customer half of `rowVisible`: the customer in `customerIdColumn` is in the actor's portfolio. */
function customerVisible(actor: Actor, customerIdColumn: string) {
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

/** The entity half of `rowVisible`: the selling entity in `entityIdColumn` is one of the actor's. */
function entityVisible(actor: Actor, entityIdColumn: string) {
  return (_eb: ExpressionBuilder<Database, never>) => {
    if (!actor.entityIds) return sql<boolean>`true`;
    const ids = actor.entityIds.length ? actor.entityIds : [-1];
    return sql<boolean>`${sql.ref(entityIdColumn)} = any(${ids}::bigint[])`;
  };
}

/**
 * Where a row's owners are: the column holding its customer and the one holding its selling entity. Both
 * must be named, `null` only where the row has no such owner (a customer or contact belongs to no one
 * entity; an entity row to no customer), so that no query can forget one of the two scopes.
 */
export interface RowOwners {
  customer: string | null;
  entity: string | null;
}

/**
 * THE row-scope rule, for every read and every write: the row is visible to the actor when its customer is
 * in the actor's portfolio and its selling entity among the actor's entities. Writes find (and lock) their
 * rows through it, so a row the actor may not see is "not found" rather than changed.
 * `.where(rowVisible(actor, { customer: 'invoice.customer_id', entity: 'invoice.entity_id' }))`.
 */
export function rowVisible(actor: Actor, owners: RowOwners): RawBuilder<SqlBool> {
  const parts: RawBuilder<boolean>[] = [];
  if (owners.customer !== null) parts.push(customerVisible(actor, owners.customer)(undefined as never));
  if (owners.entity !== null) parts.push(entityVisible(actor, owners.entity)(undefined as never));
  if (parts.length === 0) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** Whether the actor may act in this selling entity (for rows not yet written, e.g. a new payment). */
export function entityAllowed(actor: Actor, entityId: number): boolean {
  return actor.entityIds === null || actor.entityIds.includes(entityId);
}

export type AnySelect = SelectQueryBuilder<Database, keyof Database, unknown>;
