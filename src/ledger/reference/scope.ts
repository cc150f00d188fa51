// Plan helpers for the ledger's scoped customer queries. The scope rule itself is `rowVisible`
// (platform/auth/actor), used by every read and write; what is here only helps the planner.
import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';

/**
 * The customer half of rowVisible, written on the customer row itself (collector or salesperson is one of
 * the actor's), for queries over the customer table: the planner can then read the actor's customers
 * straight from the customer_collector / customer_salesperson indexes. Always used together with
 * rowVisible, never instead of it.
 */
export function customerRowScoped(actor: Actor, table = 'customer'): RawBuilder<boolean> {
  const scope = actor.customerScope;
  if (!scope) return sql<boolean>`true`;
  const collectors = scope.collectorUserIds.length ? scope.collectorUserIds : [-1];
  const sales = scope.salespersonUserIds.length ? scope.salespersonUserIds : [-1];
  return sql<boolean>`(${sql.ref(`${table}.collector_id`)} = any(${collectors}::bigint[]) or ${sql.ref(`${table}.salesperson_id`)} = any(${sales}::bigint[]))`;
}

/** Up to this many visible customers, a scoped list is computed from the actor's customers outward. */
export const SMALL_SCOPE = 5000;

/**
 * Whether the actor sees only a few customers (a collector's or salesperson's own). Their customer list is
 * then best computed from those customers and sorted, rather than by walking a global sort index and
 * skipping everyone else's rows: customers are assigned by region, and names start with the city, so a
 * collector's customers cluster in name order and the walk can cross most of the table to fill a page.
 */
export async function hasSmallCustomerScope(db: Db | Tx, actor: Actor): Promise<boolean> {
  const scope = actor.customerScope;
  if (!scope) return false;
  // An upper bound (a customer may count twice), from two index-only scans: cheap, and only a plan choice.
  const { rows } = await sql<{ n: number }>`
    select
      (select count(*) from (select 1 from customer where collector_id = any(${scope.collectorUserIds}::bigint[])
        limit ${SMALL_SCOPE + 1}) a)
      + (select count(*) from (select 1 from customer where salesperson_id = any(${scope.salespersonUserIds}::bigint[])
        limit ${SMALL_SCOPE + 1}) b) as n`.execute(db);
  return Number(rows[0]?.n ?? 0) <= SMALL_SCOPE;
}
