// Open items as of any date, exactly (set-based). The invoice row's open_amount is the balance after every
// allocation that is not reversed, whatever its date; as of D we add back the allocations not yet effective
// on D and subtract those reversed after D:
//   open_on(D) = open_amount + Σ(reversed_on is null and effective_on > D) − Σ(effective_on <= D < reversed_on)
// so only invoices open now or touched after D are read, through the partial index on open invoices and
// the indexes on allocation dates.
import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import type { AgingBasis } from './buckets';
import { bucketSql, type ReportFilter, visibleSql } from './scope-sql';

/** `with adj as (...), items as (...)`: items(id, customer_id, entity_id, currency, issue_date, due_date, amount, open). */
export function openItemsCte(asOf: string, actor: Actor, filter: ReportFilter = {}): RawBuilder<unknown> {
  const visible = visibleSql(actor, 'i.customer_id', 'i.entity_id', 'i.currency', filter);
  return sql`with adj as (
      select a.invoice_id,
             sum(case when a.reversed_on is null then a.amount else -a.amount end)::bigint as back
      from allocation a
      where (a.reversed_on is null and a.effective_on > ${asOf}::date)
         or (a.reversed_on > ${asOf}::date and a.effective_on <= ${asOf}::date)
      group by a.invoice_id
    ),
    items as (
      select i.id, i.customer_id, i.entity_id, i.currency, i.issue_date, i.due_date, i.amount,
             i.open_amount + coalesce(adj.back, 0) as open
      from invoice i left join adj on adj.invoice_id = i.id
      where i.allocated_amount < i.amount and i.issue_date <= ${asOf}::date and ${visible}
      union all
      select i.id, i.customer_id, i.entity_id, i.currency, i.issue_date, i.due_date, i.amount,
             i.open_amount + adj.back
      from adj join invoice i on i.id = adj.invoice_id
      where i.allocated_amount >= i.amount and i.issue_date <= ${asOf}::date and ${visible}
    )`;
}

export type GroupBy =
  | 'none'
  | 'entity'
  | 'customer'
  | 'customerGroup'
  | 'region'
  | 'salesperson'
  | 'collector'
  | 'currency';
export const GROUP_BYS: GroupBy[] = [
  'none',
  'entity',
  'customer',
  'customerGroup',
  'region',
  'salesperson',
  'collector',
  'currency',
];

/** The group key of an item (text; '' = none/unassigned). Needs `c` = customer for customer attributes. */
export function groupKeySql(by: GroupBy): { key: RawBuilder<string>; needsCustomer: boolean } {
  switch (by) {
    case 'none':
      return { key: sql<string>`''`, needsCustomer: false };
    case 'entity':
      return { key: sql<string>`it.entity_id::text`, needsCustomer: false };
    case 'customer':
      return { key: sql<string>`it.customer_id::text`, needsCustomer: false };
    case 'currency':
      return { key: sql<string>`it.currency::text`, needsCustomer: false };
    case 'customerGroup':
      return { key: sql<string>`coalesce(c.parent_id, c.id)::text`, needsCustomer: true };
    case 'region':
      return { key: sql<string>`coalesce(c.region, '')`, needsCustomer: true };
    case 'salesperson':
      return { key: sql<string>`coalesce(c.salesperson_id::text, '')`, needsCustomer: true };
    case 'collector':
      return { key: sql<string>`coalesce(c.collector_id::text, '')`, needsCustomer: true };
  }
}

export function daysSql(basis: AgingBasis, asOf: string): RawBuilder<number> {
  return basis === 'due'
    ? sql<number>`(${asOf}::date - it.due_date)`
    : sql<number>`(${asOf}::date - it.issue_date)`;
}

export interface AgingCell {
  key: string;
  currency: string;
  bucket: number;
  amount: number;
  count: number;
  /** The group's code and name (customer, entity, staff), when the grouping has them. */
  code?: string | null;
  name?: string | null;
}

/** Joins the group's code and name to the aggregated cells `g`. */
function labelJoin(by: GroupBy): { columns: RawBuilder<unknown>; join: RawBuilder<unknown> } {
  const id = sql`case when g.key ~ '^[0-9]+$' then g.key::bigint end`;
  switch (by) {
    case 'customer':
    case 'customerGroup':
      return { columns: sql`l.code, l.name`, join: sql`left join customer l on l.id = ${id}` };
    case 'entity':
      return { columns: sql`l.code, l.name`, join: sql`left join entity l on l.id = ${id}` };
    case 'salesperson':
    case 'collector':
      return {
        columns: sql`l.username as code, l.display_name as name`,
        join: sql`left join app_user l on l.id = ${id}`,
      };
    default:
      return { columns: sql`null::text as code, null::text as name`, join: sql`` };
  }
}

/** Open amount and count per (group, currency, bucket) as of the date. */
export async function selectAgingCells(
  db: Db,
  actor: Actor,
  params: { asOf: string; basis: AgingBasis; edges: readonly number[]; by: GroupBy; filter?: ReportFilter },
): Promise<AgingCell[]> {
  const { key, needsCustomer } = groupKeySql(params.by);
  const bucket = bucketSql(daysSql(params.basis, params.asOf), params.edges, params.basis);
  const join = needsCustomer ? sql`join customer c on c.id = it.customer_id` : sql``;
  const label = labelJoin(params.by);
  const { rows } = await sql<AgingCell>`${openItemsCte(params.asOf, actor, params.filter)},
    g as (
      select ${key} as key, it.currency::text as currency, ${bucket} as bucket,
             sum(it.open)::bigint as amount, count(*)::int as count
      from items it ${join}
      where it.open > 0
      group by 1, 2, 3
    )
    select g.*, ${label.columns} from g ${label.join}`.execute(db);
  return rows;
}

export interface AgingItem {
  invoiceId: number;
  number: string;
  entityId: number;
  entityCode: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  currency: string;
  amount: number;
  openAmount: number;
  issueDate: string;
  dueDate: string;
  daysPastDue: number;
  ageDays: number;
  bucket: number;
}

/** The invoices behind a cell (drill-down), oldest first, keyset-paginated on (days, id). */
export async function selectAgingItems(
  db: Db,
  actor: Actor,
  params: {
    asOf: string;
    basis: AgingBasis;
    edges: readonly number[];
    by: GroupBy;
    key?: string;
    bucket?: number;
    filter?: ReportFilter;
    after?: { days: number; id: number };
    limit: number;
  },
): Promise<AgingItem[]> {
  const { key } = groupKeySql(params.by);
  const days = daysSql(params.basis, params.asOf);
  const bucket = bucketSql(days, params.edges, params.basis);
  const conditions: RawBuilder<unknown>[] = [sql`it.open > 0`];
  if (params.key !== undefined && params.by !== 'none') conditions.push(sql`${key} = ${params.key}`);
  if (params.bucket !== undefined) conditions.push(sql`${bucket} = ${params.bucket}`);
  if (params.after) {
    conditions.push(
      sql`(${days} < ${params.after.days} or (${days} = ${params.after.days} and it.id > ${params.after.id}))`,
    );
  }
  const { rows } = await sql<AgingItem>`${openItemsCte(params.asOf, actor, params.filter)}
    select it.id as "invoiceId", i.number, it.entity_id as "entityId", e.code as "entityCode",
           it.customer_id as "customerId", c.code as "customerCode", c.name as "customerName",
           it.currency::text as currency, it.amount, it.open as "openAmount",
           it.issue_date as "issueDate", it.due_date as "dueDate",
           greatest(0, ${params.asOf}::date - it.due_date) as "daysPastDue",
           (${params.asOf}::date - it.issue_date) as "ageDays", ${bucket} as bucket
    from items it
    join invoice i on i.id = it.id
    join customer c on c.id = it.customer_id
    join entity e on e.id = it.entity_id
    where ${sql.join(conditions, sql` and `)}
    order by ${days} desc, it.id
    limit ${params.limit}`.execute(db);
  return rows;
}
