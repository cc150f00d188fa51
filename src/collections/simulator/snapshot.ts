// The simulator never touches the real data: it reads a snapshot of the ledger as of the start date from the
// store (read-only queries, each through the module that owns the tables: the ledger's snapshot queries,
// the users' names from auth, the collection work from copy-collections.ts) and loads it into a private
// copy (copy-store.ts). Invoices are copied with their open amount as of the start date, with the
// collection work under way then (cases, fired steps, promises, plans); a large ledger is sampled by
// customer (deterministically).
import { selectUserNames } from '../../auth/user-queries';
import {
  type ContactCopy,
  type CustomerCopy,
  countCustomers,
  type EntityCopy,
  type ExchangeRateCopy,
  type InvoiceCopy,
  selectContactsOf,
  selectCreditSales,
  selectCustomersSample,
  selectEntitiesForCopy,
  selectInvoicesOpenOn,
  selectPaymentHistory,
  selectRatesUpTo,
} from '../../ledger/snapshot/snapshot-queries';
import type { Db } from '../../platform/db/store';
import { addDays } from '../../shared/dates';
import { type CopiedTable, copied } from './copied-table';
import {
  type CollectionTables,
  type CustomerStrategyCopy,
  collectionState,
  type StrategyCopy,
  type StrategyRuleCopy,
  selectStrategies,
  strategyTables,
} from './copy-collections';

export interface UserCopy {
  id: number;
  username: string;
  display_name: string;
}

/** The copied tables, in the order they are loaded (a table before those that refer to it). */
export interface SnapshotTables extends CollectionTables {
  entity: CopiedTable<EntityCopy>;
  app_user: CopiedTable<UserCopy>;
  customer: CopiedTable<CustomerCopy>;
  contact: CopiedTable<ContactCopy>;
  invoice: CopiedTable<InvoiceCopy>;
  strategy: CopiedTable<StrategyCopy>;
  strategy_rule: CopiedTable<StrategyRuleCopy>;
  customer_strategy: CopiedTable<CustomerStrategyCopy>;
  exchange_rate: CopiedTable<ExchangeRateCopy>;
}

export interface LedgerSnapshot {
  from: string;
  to: string;
  sampled: boolean;
  customerCount: number;
  tables: SnapshotTables;
  /** Per customer: quartiles of historical days late and the share left unpaid, for fitted behaviour. */
  history: Map<number, { p25: number; p75: number; unpaidShare: number }>;
  /** Credit sales per currency in the 90 days up to the end date (DSO denominator). */
  sales90: Array<{ currency: string; amount: number }>;
}

export async function readSnapshot(
  db: Db,
  from: string,
  days: number,
  maxCustomers: number,
): Promise<LedgerSnapshot> {
  const to = addDays(from, days - 1);
  const total = await countCustomers(db);
  const customers = await selectCustomersSample(db, total, maxCustomers);
  const ids = customers.map((c) => Number(c.id));
  const invoices = await selectInvoicesOpenOn(db, ids, from, to);
  const history = await selectPaymentHistory(db, ids, addDays(from, -365), from);
  const sales = await selectCreditSales(db, ids, addDays(to, -90), to);
  const strategies = await selectStrategies(db);
  const strategyPart = await strategyTables(db, ids, strategies);
  const collectionPart = await collectionState(db, ids, from, strategies);
  const tables: SnapshotTables = {
    entity: copied(await selectEntitiesForCopy(db), [
      'id',
      'code',
      'name',
      'base_currency',
      'country',
      'time_zone',
    ]),
    app_user: copied(await selectUserNames(db), ['id', 'username', 'display_name']),
    customer: copied(customers, [
      'id',
      'code',
      'name',
      'language',
      'segment',
      'country',
      'time_zone',
      'collector_id',
      'attributes',
    ]),
    contact: copied(await selectContactsOf(db, ids), [
      'id',
      'customer_id',
      'name',
      'role',
      'email',
      'mobile',
      'channels',
      'do_not_contact',
      'language',
      'is_primary',
    ]),
    invoice: copied(invoices, [
      'id',
      'entity_id',
      'customer_id',
      'number',
      'issue_date',
      'due_date',
      'currency',
      'disputed',
      'amount',
    ]),
    ...strategyPart,
    exchange_rate: copied(await selectRatesUpTo(db, to), [
      'from_currency',
      'to_currency',
      'rate_date',
      'rate',
    ]),
    ...collectionPart,
  };
  return {
    from,
    to,
    sampled: total > maxCustomers,
    customerCount: customers.length,
    tables,
    history: new Map(
      history.map((h) => {
        const customer = Number(h.customer_id);
        const open = invoices.filter(
          (i) => Number(i.customer_id) === customer && String(i.due_date) < addDays(from, -90),
        );
        const count = Number(h.n) + open.length;
        return [
          customer,
          { p25: Number(h.p25), p75: Number(h.p75), unpaidShare: count ? open.length / count : 0 },
        ];
      }),
    ),
    sales90: sales.map((s) => ({ currency: String(s.currency), amount: Number(s.amount) })),
  };
}
