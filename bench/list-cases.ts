// The list and search requests of the list benchmark, each with the raw SQL that gives the same answer
// (the baseline): the same rows, columns, balances and order, in one statement on one connection.

export interface ListContext {
  today: string;
  customersDeep: { cursorValue: string; id: number };
  invoicesDeep: { cursorValue: string; id: number };
  bigCustomerId: number;
  chineseCommon: string;
  chineseRare: string;
  codePrefix: string;
}

export interface ListCase {
  name: string;
  /** API path and query; `cursor` is filled in from `deep` when set. */
  path: (c: ListContext) => string;
  /** For deep pages: which keyset position the cursor must point after. */
  deep?: 'customers' | 'invoices';
  sql: (c: ListContext) => { text: string; params: unknown[] };
}

const CUSTOMER_COLUMNS = `c.id, c.code, c.name, c.tax_id, c.region, c.country, c.segment, c.language, c.time_zone,
  c.payment_terms_days, c.collector_id, c.salesperson_id`;

/** One customer page with per-currency balances, unapplied cash and staff names, as GET /api/customers. */
function customerSql(where: string, params: unknown[], today: string): { text: string; params: unknown[] } {
  const t = `$${params.length + 1}::date`;
  return {
    text: `with page as (select ${CUSTOMER_COLUMNS} from customer c where ${where} order by c.code, c.id limit 50)
      select p.*, col.display_name as collector, sp.display_name as salesperson,
        (select coalesce(json_agg(b order by b.currency), '[]') from (
           select currency, sum(open_amount) as open_amount,
                  coalesce(sum(open_amount) filter (where due_date < ${t}), 0) as overdue_amount,
                  count(*) as open_count, count(*) filter (where due_date < ${t}) as overdue_count
             from invoice i where i.customer_id = p.id and i.allocated_amount < i.amount group by currency) b) as balances,
        (select coalesce(json_agg(u order by u.currency), '[]') from (
           select currency, sum(amount) as amount from (
             select currency, unapplied_amount as amount from payment
              where customer_id = p.id and allocated_amount < amount and reversed_on is null
             union all
             select currency, unapplied_amount from credit_note where customer_id = p.id and allocated_amount < amount
           ) x group by currency) u) as unapplied
      from page p left join app_user col on col.id = p.collector_id left join app_user sp on sp.id = p.salesperson_id
      order by p.code, p.id`,
    params: [...params, today],
  };
}

const INVOICE_SQL = `select i.id, i.entity_id, e.code as entity_code, i.customer_id, c.code as customer_code,
  c.name as customer_name, i.number, i.issue_date, i.due_date, i.currency, i.amount, i.allocated_amount,
  i.open_amount, i.disputed, i.order_number, i.description
  from invoice i join customer c on c.id = i.customer_id join entity e on e.id = i.entity_id`;

const searchWhere = `(upper(c.code) like upper($1) || '%' or c.name ilike '%' || $1 || '%' or upper(c.tax_id) = upper($1))`;

export const LIST_CASES: ListCase[] = [
  {
    name: 'customers, page 1 (by code)',
    path: () => '/api/customers?limit=50&sort=code',
    sql: (c) => customerSql('true', [], c.today),
  },
  {
    name: 'customers, deep page (90%)',
    path: () => '/api/customers?limit=50&sort=code',
    deep: 'customers',
    sql: (c) =>
      customerSql('(c.code, c.id) > ($1, $2)', [c.customersDeep.cursorValue, c.customersDeep.id], c.today),
  },
  {
    name: 'customers, search Chinese substring (common)',
    path: (c) => `/api/customers?limit=50&q=${encodeURIComponent(c.chineseCommon)}`,
    sql: (c) => customerSql(searchWhere, [c.chineseCommon], c.today),
  },
  {
    name: 'customers, search Chinese substring (rare)',
    path: (c) => `/api/customers?limit=50&q=${encodeURIComponent(c.chineseRare)}`,
    sql: (c) => customerSql(searchWhere, [c.chineseRare], c.today),
  },
  {
    name: 'customers, search code prefix',
    path: (c) => `/api/customers?limit=50&q=${c.codePrefix}`,
    sql: (c) => customerSql(searchWhere, [c.codePrefix], c.today),
  },
  {
    name: 'invoices by due date, page 1',
    path: () => '/api/invoices?limit=50&sort=dueDate',
    sql: () => ({ text: `${INVOICE_SQL} order by i.due_date, i.id limit 50`, params: [] }),
  },
  {
    name: 'invoices by due date, deep page (90%)',
    path: () => '/api/invoices?limit=50&sort=dueDate',
    deep: 'invoices',
    sql: (c) => ({
      text: `${INVOICE_SQL} where (i.due_date, i.id) > ($1::date, $2) order by i.due_date, i.id limit 50`,
      params: [c.invoicesDeep.cursorValue, c.invoicesDeep.id],
    }),
  },
  {
    name: 'invoices of one customer (largest)',
    path: (c) => `/api/invoices?limit=50&sort=dueDate&customerId=${c.bigCustomerId}`,
    sql: (c) => ({
      text: `${INVOICE_SQL} where i.customer_id = $1 order by i.due_date, i.id limit 50`,
      params: [c.bigCustomerId],
    }),
  },
  {
    name: 'invoices overdue, page 1',
    path: () => '/api/invoices?limit=50&sort=dueDate&status=overdue',
    sql: (c) => ({
      text: `${INVOICE_SQL} where i.allocated_amount < i.amount and i.due_date < $1::date order by i.due_date, i.id limit 50`,
      params: [c.today],
    }),
  },
];
