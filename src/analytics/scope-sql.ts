// SQL fragments shared by the analytics queries: role scoping (the actor's customers and entities, via
// rowVisible) and the report filters, as raw fragments for hand-written SQL.
import { type RawBuilder, sql } from 'kysely';
import { type Actor, rowVisible } from '../platform/auth/actor';

export interface ReportFilter {
  entityId?: number;
  customerId?: number;
  /** Only these customers (e.g. the candidates of a ranking). */
  customerIds?: number[];
  currency?: string;
}

/** "this row's customer and entity are visible to the actor and match the filter". */
export function visibleSql(
  actor: Actor,
  customerColumn: string,
  entityColumn: string,
  currencyColumn: string | null,
  filter: ReportFilter = {},
): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [
    rowVisible(actor, { customer: customerColumn, entity: entityColumn }),
  ];
  if (filter.entityId !== undefined) parts.push(sql`${sql.ref(entityColumn)} = ${filter.entityId}`);
  if (filter.customerId !== undefined) parts.push(sql`${sql.ref(customerColumn)} = ${filter.customerId}`);
  if (filter.customerIds) parts.push(sql`${sql.ref(customerColumn)} = any(${filter.customerIds}::bigint[])`);
  if (filter.currency && currencyColumn) parts.push(sql`${sql.ref(currencyColumn)} = ${filter.currency}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** CASE expression giving the bucket index of `days` for these edges (see buckets.ts). */
export function bucketSql(days: RawBuilder<unknown>, edges: readonly number[], basis: 'due' | 'invoice') {
  const whens: RawBuilder<unknown>[] = [];
  const offset = basis === 'due' ? 1 : 0;
  if (basis === 'due') whens.push(sql`when ${days} <= 0 then 0`);
  edges.forEach((edge, k) => {
    whens.push(sql`when ${days} <= ${sql.lit(edge)} then ${sql.lit(k + offset)}`);
  });
  return sql<number>`(case ${sql.join(whens, sql` `)} else ${sql.lit(edges.length + offset)} end)`;
}
