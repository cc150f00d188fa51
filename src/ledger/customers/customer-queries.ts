// Customer (客户) reads and writes. Every read is scoped with rowVisible, so a collector's list, search,
// detail and pickers all show only the customers assigned to them.
import { type RawBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { normalizeCode } from '../../shared/text';
import { contactsQuery, toContact } from '../contacts/contact-queries';
import { afterPosition, type KeysetPosition, type Sort } from '../reference/keyset';
import { customerRowScoped, hasSmallCustomerScope } from '../reference/scope';
import { balancesQuery, unappliedQuery } from './balance-queries';
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
  // Open and overdue amounts of all currencies, converted to the sort currency (customerAmounts below).
  open: { column: 'customer_amount.open', type: 'int' },
  overdue: { column: 'customer_amount.overdue', type: 'int' },
} as const;

/** The sorts by an amount: the list joins customerAmounts for them. */
export const AMOUNT_SORTS: ReadonlySet<string> = new Set(['open', 'overdue']);

/**
 * Every visible customer's open and overdue invoice amounts (overdue: due before `today`), each currency
 * converted to `currency` at today's rate (convert_amount, half to even) and added: one figure per customer
 * to sort by. A customer with an amount in a currency that has no rate to `currency` gets -1 (unknown):
 * never counted as 0, it sorts below every known amount. Customers with nothing open have 0.
 */
function customerAmounts(db: Db | Tx, actor: Actor, currency: string, today: string) {
  const overdue = sql<boolean>`invoice.due_date < ${today}::date`;
  const convert = (amount: RawBuilder<unknown>) =>
    sql<
      number | null
    >`case when ${amount} = 0 then 0::bigint else convert_amount(${amount}, invoice.currency, ${currency}::bpchar, ${today}::date) end`;
  const perCurrency = db
    .selectFrom('invoice')
    .select([
      'invoice.customer_id as customerId',
      convert(sql`sum(invoice.open_amount)::bigint`).as('open'),
      convert(sql`coalesce(sum(invoice.open_amount) filter (where ${overdue}), 0)::bigint`).as('overdue'),
    ])
    // The predicate of the partial index invoice_customer_open: paid invoices are never read.
    .whereRef('invoice.allocated_amount', '<', 'invoice.amount')
    .where(rowVisible(actor, { customer: null, entity: 'invoice.entity_id' }))
    .groupBy(['invoice.customer_id', 'invoice.currency']);
  const known = (column: 'open' | 'overdue') =>
    sql<number>`case when bool_and(${sql.ref(`c.${column}`)} is not null) then sum(${sql.ref(`c.${column}`)})::bigint else -1::bigint end`;
  const perCustomer = db
    .selectFrom(perCurrency.as('c'))
    .select(['c.customerId', known('open').as('open'), known('overdue').as('overdue')])
    .groupBy('c.customerId');
  return db
    .selectFrom('customer as all_customer')
    .leftJoin(perCustomer.as('a'), 'a.customerId', 'all_customer.id')
    .select([
      'all_customer.id as customerId',
      sql<number>`coalesce(a.open, 0)::bigint`.as('open'),
      sql<number>`coalesce(a.overdue, 0)::bigint`.as('overdue'),
    ]);
}

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
    .where(rowVisible(actor, { customer: 'customer.id', entity: null }))
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
  /** For the sorts by amount: the currency the amounts are converted to. */
  sortCurrency = 'CNY',
): Promise<CustomerRow[]> {
  let query = baseQuery(db, actor);
  if (AMOUNT_SORTS.has(sort.key)) {
    // The sort figure as a column named like the sort, so the scoped and search paths below order by it too.
    query = query
      .innerJoin(
        customerAmounts(db, actor, sortCurrency, filter.today).as('customer_amount'),
        'customer_amount.customerId',
        'customer.id',
      )
      .select(sql.ref(sort.column).as(sort.key)) as unknown as typeof query;
  }
  if (filter.region) query = query.where('customer.region', '=', filter.region);
  if (filter.segment) query = query.where('customer.segment', '=', filter.segment);
  if (filter.country) query = query.where('customer.country', '=', filter.country);
  if (filter.collectorId !== undefined) query = query.where('customer.collector_id', '=', filter.collectorId);
  if (filter.salespersonId !== undefined) {
    query = query.where('customer.salesperson_id', '=', filter.salespersonId);
  }
  const search = customerSearch(filter.q);
  // The code prefix in two parts, each an index range: codes in upper case (most, if not all) as a range
  // of the sort index customer_code_key, the others through customer_code_not_upper (migration 0025).
  let searchParts: RawBuilder<boolean>[] = [];
  if (search) {
    const name = search.name;
    const nameMatch =
      name.kind === 'bigram'
        ? sql<boolean>`customer.name_bigrams @> text_bigrams(${name.text})`
        : name.caseless
          ? sql<boolean>`customer.name like ${name.pattern}`
          : sql<boolean>`customer.name ilike ${name.pattern}`;
    const upper = search.code; // the search text in upper case, normalised as codes are stored
    searchParts = [
      sql<boolean>`(customer.code >= ${upper} and customer.code < ${`${upper}\u{10FFFF}`} and upper(customer.code) like ${search.codePrefix})`,
      sql<boolean>`(customer.code <> upper(customer.code) and upper(customer.code) like ${search.codePrefix})`,
      sql<boolean>`(${nameMatch} or upper(customer.tax_id) = ${search.taxId})`,
    ];
  }
  if (filter.overdue) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('invoice')
          .select(sql.lit(1).as('one'))
          .whereRef('invoice.customer_id', '=', 'customer.id')
          .whereRef('invoice.allocated_amount', '<', 'invoice.amount')
          .where('invoice.due_date', '<', filter.today)
          .where(rowVisible(actor, { customer: null, entity: 'invoice.entity_id' })),
      ),
    );
  }
  if (after) query = query.where(afterPosition(sort, after));
  const direction = sort.descending ? 'desc' : 'asc';
  if (await hasSmallCustomerScope(db, actor)) {
    // A collector's own customers: take them all (a few thousand at most), then sort.
    const scoped = searchParts.length
      ? query.where(sql<boolean>`(${sql.join(searchParts, sql` or `)})`)
      : query;
    return db
      .with(
        (cte) => cte('scoped_customer').materialized(),
        () => scoped,
      )
      .selectFrom('scoped_customer')
      .selectAll()
      .orderBy(sql.ref(`scoped_customer.${sort.key}`), direction)
      .orderBy('scoped_customer.id', direction)
      .limit(limit + 1)
      .execute() as Promise<CustomerRow[]>;
  }
  const page = (q: typeof query) =>
    q
      .orderBy(sql.ref(sort.column), direction)
      .orderBy('customer.id', direction)
      .limit(limit + 1);
  if (searchParts.length === 0) return page(query).execute();
  // A search: each part takes its own page from its own index, and the pages are merged. ORed in one
  // statement, the planner took the matches as spread evenly over the sort order and walked the sort index
  // from the start, filtering: half the table for a code prefix in the middle of the codes (C0500…). The name
  // part keeps its trigram / bigram index or its walk of the sort index (customer-search.ts).
  const [upperCodes, otherCodes, nameOrTaxId] = searchParts;
  return db
    .with('upper_code_hit', () => page(query.where(upperCodes)))
    .with('other_code_hit', () => page(query.where(otherCodes)))
    .with('name_hit', () => page(query.where(nameOrTaxId)))
    .selectFrom(
      sql<CustomerRow>`(select * from upper_code_hit union select * from other_code_hit union select * from name_hit)`.as(
        'hit',
      ),
    )
    .selectAll()
    .orderBy(sql.ref(`hit.${sort.key}`), direction)
    .orderBy(sql.ref('hit.id'), direction)
    .limit(limit + 1)
    .execute() as Promise<CustomerRow[]>;
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
    .where(rowVisible(actor, { customer: 'customer.id', entity: null }))
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Date of the customer's latest payment that was not reversed (最近回款日). */
export async function selectLastPaymentDate(
  db: Db | Tx,
  actor: Actor,
  customerId: number,
): Promise<string | null> {
  const row = await lastPaymentDateQuery(db, actor, customerId).executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

function lastPaymentDateQuery(db: Db | Tx, actor: Actor, customerId: number) {
  return db
    .selectFrom('payment')
    .select((eb) => eb.fn.max('payment.received_date').as('last'))
    .where('payment.customer_id', '=', customerId)
    .where('payment.reversed_on', 'is', null)
    .where(rowVisible(actor, { customer: null, entity: 'payment.entity_id' }));
}

/**
 * The customer detail in one statement: selectCustomerById's row with its balances, unapplied cash,
 * contacts (each list the statement its own function sends, as a JSON column) and last payment date.
 */
export async function selectCustomerDetail(db: Db | Tx, actor: Actor, id: number, today: string) {
  const row = await baseQuery(db, actor)
    .leftJoin('customer as parent', 'parent.id', 'customer.parent_id')
    .select([
      'customer.attributes',
      'customer.parent_id as parentId',
      'parent.code as parentCode',
      'parent.name as parentName',
    ])
    .select([
      jsonArrayFrom(balancesQuery(db, actor, [id], today)).as('balances'),
      jsonArrayFrom(unappliedQuery(db, actor, [id])).as('unapplied'),
      jsonArrayFrom(contactsQuery(db, actor, [id])).as('contacts'),
      lastPaymentDateQuery(db, actor, id).as('lastPaymentDate'),
    ])
    .where('customer.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, contacts: row.contacts.map(toContact) };
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
    .where(rowVisible(actor, { customer: 'customer.id', entity: null }))
    .executeTakeFirst();
  return row !== undefined;
}
