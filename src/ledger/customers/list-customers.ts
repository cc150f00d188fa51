// Customer list (客户列表): filters, search, keyset pages, and for just the page's customers their
// balances per currency and unapplied cash.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import type { PageResult } from '../../platform/http/pagination';
import { FieldChecks } from '../reference/field-checks';
import { normalizeLimit, parseSort, readCursor, toPage } from '../reference/keyset';
import { selectEntities } from '../reference/reference-queries';
import { byCustomer, selectBalances, selectUnapplied } from './balance-queries';
import { type CustomerSummary, toCustomerSummary } from './customer-dto';
import { AMOUNT_SORTS, CUSTOMER_SORTS, type CustomerFilter, selectCustomerPage } from './customer-queries';

export interface ListCustomersInput extends CustomerFilter {
  sort?: string;
  limit?: number;
  cursor?: string;
}

export async function listCustomers(
  db: Db,
  actor: Actor,
  input: ListCustomersInput,
): Promise<PageResult<CustomerSummary>> {
  assertCan(actor, 'ledger:read');
  const checks = new FieldChecks();
  checks.date('today', input.today);
  if (input.country !== undefined) checks.country('country', input.country);
  checks.throwIfAny('customer filter');
  const sort = parseSort(input.sort, CUSTOMER_SORTS, 'code', 'customer.id');
  const limit = normalizeLimit(input.limit);
  const after = readCursor(input.cursor, sort);
  const filter: CustomerFilter = { ...input, country: input.country?.toUpperCase() };
  // Amounts of several currencies sort in one: the first visible entity's base currency, as the reports.
  const sortCurrency = AMOUNT_SORTS.has(sort.key)
    ? ((await selectEntities(db, actor))[0]?.baseCurrency ?? 'CNY')
    : undefined;
  const rows = await selectCustomerPage(db, actor, filter, sort, after, limit, sortCurrency);
  const page = toPage(
    rows,
    limit,
    sort,
    (row) => ({ value: (row as unknown as Record<string, string | number>)[sort.key], id: row.id }),
    (row) => row,
  );
  const ids = page.items.map((row) => row.id);
  const [balances, unapplied] = await Promise.all([
    selectBalances(db, actor, ids, input.today),
    selectUnapplied(db, actor, ids),
  ]);
  const balancesOf = byCustomer(balances);
  const unappliedOf = byCustomer(unapplied);
  return {
    items: page.items.map((row) => toCustomerSummary(row, balancesOf.get(row.id), unappliedOf.get(row.id))),
    nextCursor: page.nextCursor,
  };
}
