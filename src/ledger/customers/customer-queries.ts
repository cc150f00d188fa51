// Customer (客户) reads and writes. Every read is scoped with customerVisible, so a collector's list, search,
// detail and pickers all show only the customers assigned to them.
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { normalizeCode } from '../../shared/text';
import { afterPosition, type KeysetPosition, type Sort } from '../reference/keyset';
import { customerRowScoped, customerScoped, entityScoped, hasSmallCustomerScope } from '../reference/scope';
import { customerSearch } from './customer-search';

export interface CustomerFilter {
  q?: string;
  region?: string;
  segment?: string;
  country?: string;
  collectorId?: number;
  salespersonId?: number;
  /** Only customers with at least one open invoice past due as of `today`. */
  overdue?: boolean;
  today: string;
}

export const CUSTOMER_SORTS = {
  code: { column: 'customer.code', type: 'text' },
  name: { column: 'customer.name', type: 'text' },
} as const;

function baseQuery(db: Db | Tx, actor: Actor) {
  return db
    .selectFrom('customer')
    .leftJoin('app_user as collector', 'collector.id', 'customer.collector_id')
    .leftJoin('app_user as salesperson', 'salesperson.id', 'customer.salesperson_id')
    .select([
      'customer.id',
      'customer.code',
      'customer.name',
      'customer.tax_id as taxId',
      'customer.region',
      'customer.country',
      'customer.segment',
      'customer.language',
      'customer.time_zone as timeZone',
      'customer.payment_terms_days as paymentTermsDays',
      'customer.collector_id as collectorId',
      'collector.display_name as collectorName',
      'customer.salesperson_id as salespersonId',
      'salesperson.display_name as salespersonName',
    ])
    .where(customerScoped(actor, 'customer.id'))
    .where(customerRowScoped(actor));
}

export type CustomerRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export async function selectCustomerPage(
  db: Db | Tx,
  actor: Actor,
  filter: CustomerFilter,
  sort: Sort,
  after: KeysetPosition | null,
  limit: number,
): Promise<CustomerRow[]> {
  let query = baseQuery(db, actor);
  if (filter.region) query = query.where('customer.region', '=', filter.region);
  if (filter.segment) query = query.where('customer.segment', '=', filter.segment);
  if (filter.country) query = query.where('customer.country', '=', filter.country);
  if (filter.collectorId !== undefined) query = query.where('customer.collector_id', '=', filter.collectorId);
  if (filter.salespersonId !== undefined) {
    query = query.where('customer.salesperson_id', '=', filter.salespersonId);
  }
  const search = customerSearch(filter.q);
  if (search) {
    // Three ORed index-backed conditions: PostgreSQL combines them with a BitmapOr when the search is
    // selective, or walks the sort index and filters when it matches many customers.
    const name = search.name;
    const nameMatch =
      name.kind === 'bigram'
        ? sql<boolean>`customer.name_bigrams @> text_bigrams(${name.text})`
        : name.caseless
          ? sql<boolean>`customer.name like ${name.pattern}`
          : sql<boolean>`customer.name ilike ${name.pattern}`;
    query = query.where(
      sql<boolean>`(upper(customer.code) like ${search.codePrefix} or ${nameMatch} or upper(customer.tax_id) = ${search.taxId})`,
    );
  }
  if (filter.overdue) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('invoice')
          .select(sql.lit(1).as('one'))
          .whereRef('invoice.customer_id', '=', 'customer.id')
          .whereRef('invoice.allocated_amount', '<', 'invoice.amount')
          .where('invoice.due_date', '<', filter.today)
          .where(entityScoped(actor, 'invoice.entity_id')),
      ),
    );
  }
  if (after) query = query.where(afterPosition(sort, after));
  const direction = sort.descending ? 'desc' : 'asc';
  if (await hasSmallCustomerScope(db, actor)) {
    // A collector's own customers: take them all (a few thousand at most), then sort.
    return db
      .with(
        (cte) => cte('scoped_customer').materialized(),
        () => query,
      )
      .selectFrom('scoped_customer')
      .selectAll()
      .orderBy(sql.ref(`scoped_customer.${sort.key}`), direction)
      .orderBy('scoped_customer.id', direction)
      .limit(limit + 1)
      .execute() as Promise<CustomerRow[]>;
  }
  return query
    .orderBy(sql.ref(sort.column), direction)
    .orderBy('customer.id', direction)
    .limit(limit + 1)
    .execute();
}

/** One visible customer with the detail-only columns. */
export function selectCustomerById(db: Db | Tx, actor: Actor, id: number) {
  return baseQuery(db, actor)
    .leftJoin('customer as parent', 'parent.id', 'customer.parent_id')
    .select([
      'customer.attributes',
      'customer.parent_id as parentId',
      'parent.code as parentCode',
      'parent.name as parentName',
    ])
    .where('customer.id', '=', id)
    .executeTakeFirst();
}

export type CustomerDetailRow = NonNullable<Awaited<ReturnType<typeof selectCustomerById>>>;

export async function selectCustomerIdByCode(
  db: Db | Tx,
  actor: Actor,
  code: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('customer')
    .select('customer.id')
    .where('customer.code', '=', normalizeCode(code))
    .where(customerScoped(actor, 'customer.id'))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Date of the customer's latest payment that was not reversed (最近回款日). */
export async function selectLastPaymentDate(
  db: Db | Tx,
  actor: Actor,
  customerId: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('payment')
    .select((eb) => eb.fn.max('payment.received_date').as('last'))
    .where('payment.customer_id', '=', customerId)
    .where('payment.reversed_on', 'is', null)
    .where(entityScoped(actor, 'payment.entity_id'))
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

/** True when `parentId` is `customerId` itself or one of its descendants (would make a cycle). */
export async function wouldCycle(db: Db | Tx, customerId: number, parentId: number): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive chain(id, depth) as (
      select ${parentId}::bigint, 0
      union all
      select c.parent_id, chain.depth + 1 from customer c join chain on c.id = chain.id
      where c.parent_id is not null and chain.depth < 100
    )
    select exists (select 1 from chain where id = ${customerId}::bigint) as found`.execute(db);
  return rows[0]?.found === true;
}

export async function customerIsVisible(db: Db | Tx, actor: Actor, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('customer')
    .select('customer.id')
    .where('customer.id', '=', id)
    .where(customerScoped(actor, 'customer.id'))
    .executeTakeFirst();
  return row !== undefined;
}
