-- The receivables ledger: entities, currencies, customers, contacts, invoices, credit notes, payments,
-- allocations (核销), write-offs and sales orders.
--
-- Money is bigint minor units (分/cents) beside an ISO 4217 code. Open amounts are never typed in: each
-- document keeps `allocated_amount`, maintained by statement-level triggers on `allocation`, and the open
-- (or unapplied) amount is a generated column. CHECK constraints on the documents make over-allocation
-- impossible: the trigger's UPDATE takes the row lock, so concurrent writers serialise on the document and
-- the second one fails the CHECK instead of overdrawing it.

create extension if not exists pg_trgm;

create table currency (
  code char(3) primary key check (code ~ '^[A-Z]{3}$'),
  minor_units smallint not null check (minor_units between 0 and 4),
  name text not null
);

insert into currency (code, minor_units, name) values
  ('CNY', 2, 'Chinese yuan'), ('USD', 2, 'US dollar'), ('EUR', 2, 'Euro'), ('HKD', 2, 'Hong Kong dollar'),
  ('GBP', 2, 'Pound sterling'), ('JPY', 0, 'Japanese yen'), ('KRW', 0, 'South Korean won'),
  ('SGD', 2, 'Singapore dollar'), ('AUD', 2, 'Australian dollar'), ('CAD', 2, 'Canadian dollar'),
  ('CHF', 2, 'Swiss franc'), ('TWD', 2, 'New Taiwan dollar'), ('THB', 2, 'Thai baht'),
  ('VND', 0, 'Vietnamese dong'), ('IDR', 2, 'Indonesian rupiah'), ('MYR', 2, 'Malaysian ringgit'),
  ('INR', 2, 'Indian rupee'), ('RUB', 2, 'Russian ruble'), ('BRL', 2, 'Brazilian real'),
  ('AED', 2, 'UAE dirham'), ('SAR', 2, 'Saudi riyal'), ('PLN', 2, 'Polish zloty'), ('SEK', 2, 'Swedish krona');

-- Dated exchange rates imported by the user: 1 unit of from_currency = rate units of to_currency.
create table exchange_rate (
  from_currency char(3) not null references currency(code),
  to_currency char(3) not null references currency(code),
  rate_date date not null,
  rate numeric(24, 12) not null check (rate > 0),
  primary key (from_currency, to_currency, rate_date)
);

-- Staff: salespeople (业务员) and collectors (催收员) that customers are assigned to. Login, roles and
-- passwords are added by the auth module; imports may create staff rows from the names in ERP exports.
create table app_user (
  id bigint generated always as identity primary key,
  username text not null unique check (length(username) between 1 and 100),
  display_name text not null,
  email text,
  created_at timestamptz not null default now()
);

-- Selling legal entity (法人主体 / 账套).
create table entity (
  id bigint generated always as identity primary key,
  code text not null unique check (length(code) between 1 and 50),
  name text not null,
  base_currency char(3) not null references currency(code),
  country char(2) not null default 'CN',
  time_zone text not null default 'Asia/Shanghai',
  created_at timestamptz not null default now()
);

-- Customer / debtor (客户 / 债务人). Global across entities; a collection case is per customer and entity.
create table customer (
  id bigint generated always as identity primary key,
  code text not null unique check (length(code) between 1 and 64),
  name text not null check (length(name) between 1 and 300),
  tax_id text, -- 统一社会信用代码 or foreign tax id
  parent_id bigint references customer(id), -- group / parent company (集团)
  region text,
  country char(2) not null default 'CN',
  time_zone text not null default 'Asia/Shanghai',
  language text not null default 'zh-CN',
  segment text,
  payment_terms_days integer check (payment_terms_days between 0 and 3650),
  salesperson_id bigint references app_user(id),
  collector_id bigint references app_user(id),
  -- Free attributes from imports and the demo (e.g. the demo's payment-behaviour profile).
  attributes jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index customer_name_trgm on customer using gin (name gin_trgm_ops);
create index customer_parent on customer (parent_id) where parent_id is not null;
create index customer_collector on customer (collector_id, code);
create index customer_salesperson on customer (salesperson_id, code);
create index customer_region on customer (region, code);

create table contact (
  id bigint generated always as identity primary key,
  customer_id bigint not null references customer(id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  -- finance (财务), purchasing (采购), owner (老板), legal_rep (法人), guarantor (担保人), other
  role text not null default 'finance'
    check (role in ('finance', 'purchasing', 'owner', 'legal_rep', 'guarantor', 'sales', 'other')),
  title text,
  phone text,
  mobile text,
  email text,
  wechat text,
  -- Consent per channel, e.g. {"email": true, "sms": false, "phone": true, "letter": true}.
  channels jsonb not null default '{"email": true, "sms": true, "phone": true, "letter": true}'::jsonb,
  do_not_contact boolean not null default false,
  preferred_hours text check (preferred_hours is null or preferred_hours ~ '^\d{2}:\d{2}-\d{2}:\d{2}$'),
  language text,
  is_primary boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (customer_id, name)
);

-- Invoice / receivable (应收单 / 发票).
create table invoice (
  id bigint generated always as identity primary key,
  entity_id bigint not null references entity(id),
  customer_id bigint not null references customer(id),
  number text not null check (length(number) between 1 and 100),
  issue_date date not null,
  due_date date not null,
  currency char(3) not null references currency(code),
  amount bigint not null check (amount > 0),
  allocated_amount bigint not null default 0,
  open_amount bigint generated always as (amount - allocated_amount) stored,
  order_number text,
  description text,
  disputed boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (entity_id, number),
  check (due_date >= issue_date),
  constraint invoice_not_over_allocated check (allocated_amount between 0 and amount)
);
create index invoice_customer_due on invoice (customer_id, due_date, id);
create index invoice_open_due on invoice (due_date, id) where allocated_amount < amount;
create index invoice_customer_open on invoice (customer_id, due_date) where allocated_amount < amount;
create index invoice_issue on invoice (issue_date, id);
create index invoice_number_trgm on invoice using gin (number gin_trgm_ops);

-- Credit note (红字发票 / 贷项): reduces what the customer owes once allocated to invoices.
create table credit_note (
  id bigint generated always as identity primary key,
  entity_id bigint not null references entity(id),
  customer_id bigint not null references customer(id),
  number text not null check (length(number) between 1 and 100),
  issue_date date not null,
  currency char(3) not null references currency(code),
  amount bigint not null check (amount > 0),
  allocated_amount bigint not null default 0,
  unapplied_amount bigint generated always as (amount - allocated_amount) stored,
  invoice_number text, -- the invoice it corrects, when the ERP says so
  reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (entity_id, number),
  constraint credit_note_not_over_allocated check (allocated_amount between 0 and amount)
);
create index credit_note_customer on credit_note (customer_id, issue_date);

-- Payment received (收款单 / 回款). What is not allocated stays on the customer as unapplied cash (未核销).
create table payment (
  id bigint generated always as identity primary key,
  entity_id bigint not null references entity(id),
  customer_id bigint not null references customer(id),
  reference text not null check (length(reference) between 1 and 100),
  received_date date not null,
  currency char(3) not null references currency(code),
  amount bigint not null check (amount > 0),
  allocated_amount bigint not null default 0,
  unapplied_amount bigint generated always as (amount - allocated_amount) stored,
  method text, -- bank transfer, acceptance bill (承兑汇票), cash, ...
  -- Invoice numbers named on the remittance; allocation follows them before falling back to FIFO.
  remittance_invoice_numbers text[] not null default '{}',
  note text,
  reversed_on date, -- a bounced or returned payment; its allocations are reversed on this date
  reversal_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (entity_id, reference),
  constraint payment_not_over_allocated check (allocated_amount between 0 and amount),
  check (reversed_on is null or reversed_on >= received_date)
);
create index payment_customer on payment (customer_id, received_date);
create index payment_received on payment (received_date, id);

-- Write-off (坏账核销): an approved loss that closes (part of) an invoice.
create table write_off (
  id bigint generated always as identity primary key,
  invoice_id bigint not null references invoice(id),
  amount bigint not null check (amount > 0),
  written_off_on date not null,
  reason text not null check (length(reason) > 0),
  created_by bigint references app_user(id),
  created_at timestamptz not null default now()
);

-- Allocation (核销): part of a payment, credit note or write-off applied to an invoice, effective on a
-- date. Rows are never deleted by the application: un-allocating or reversing a payment sets reversed_on,
-- so that a report as of any past date sees what was known to be open on that date.
create table allocation (
  id bigint generated always as identity primary key,
  invoice_id bigint not null references invoice(id),
  payment_id bigint references payment(id),
  credit_note_id bigint references credit_note(id),
  write_off_id bigint references write_off(id),
  amount bigint not null check (amount > 0),
  effective_on date not null,
  reversed_on date,
  method text not null check (method in ('reference', 'fifo', 'manual', 'history', 'write_off')),
  created_by bigint references app_user(id),
  created_at timestamptz not null default now(),
  check (num_nonnulls(payment_id, credit_note_id, write_off_id) = 1),
  check (reversed_on is null or reversed_on >= effective_on)
);
create index allocation_invoice on allocation (invoice_id);
create index allocation_payment on allocation (payment_id) where payment_id is not null;
create index allocation_credit_note on allocation (credit_note_id) where credit_note_id is not null;
create index allocation_effective on allocation (effective_on);

-- Keep allocated_amount on invoices, payments and credit notes equal to the sum of active allocations.
-- Statement-level with transition tables, so a bulk load of a million allocations is one set-based update
-- per document table rather than a million row triggers.
create function allocation_after_change() returns trigger language plpgsql as $$
declare
  -- +amount for each allocation that became active, -amount for each that stopped being active.
  deltas text := case tg_op
    when 'INSERT' then
      'select invoice_id, payment_id, credit_note_id, amount as delta from new_rows where reversed_on is null'
    when 'DELETE' then
      'select invoice_id, payment_id, credit_note_id, -amount from old_rows where reversed_on is null'
    else
      'select invoice_id, payment_id, credit_note_id, amount as delta from new_rows where reversed_on is null
       union all
       select invoice_id, payment_id, credit_note_id, -amount from old_rows where reversed_on is null'
  end;
  doc record;
begin
  for doc in select * from (values ('invoice', 'invoice_id'), ('payment', 'payment_id'),
                                   ('credit_note', 'credit_note_id')) as t(tbl, col) loop
    execute format(
      'with d as (%s)
       update %I t set allocated_amount = t.allocated_amount + x.delta, updated_at = now()
       from (select %I as id, sum(delta)::bigint as delta from d where %I is not null group by 1) x
       where t.id = x.id and x.delta <> 0',
      deltas, doc.tbl, doc.col, doc.col);
  end loop;
  return null;
end $$;

create trigger allocation_after_insert after insert on allocation
  referencing new table as new_rows for each statement execute function allocation_after_change();
create trigger allocation_after_update after update on allocation
  referencing old table as old_rows new table as new_rows
  for each statement execute function allocation_after_change();
create trigger allocation_after_delete after delete on allocation
  referencing old table as old_rows for each statement execute function allocation_after_change();

-- Sales orders, for credit exposure: open (not yet shipped) and shipped-not-invoiced amounts.
create table sales_order (
  id bigint generated always as identity primary key,
  entity_id bigint not null references entity(id),
  customer_id bigint not null references customer(id),
  number text not null check (length(number) between 1 and 100),
  order_date date not null,
  currency char(3) not null references currency(code),
  amount bigint not null check (amount >= 0),
  open_amount bigint not null default 0 check (open_amount >= 0), -- ordered, not yet shipped
  shipped_not_invoiced_amount bigint not null default 0 check (shipped_not_invoiced_amount >= 0),
  status text not null default 'open' check (status in ('open', 'shipped', 'invoiced', 'closed', 'cancelled')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (entity_id, number)
);
create index sales_order_customer on sales_order (customer_id) where status in ('open', 'shipped');

-- One row per import run: what was loaded, from which file, with which mapping, and the outcome.
create table import_batch (
  id bigint generated always as identity primary key,
  kind text not null,
  file_name text not null,
  file_sha256 char(64) not null,
  mapping jsonb not null default '{}'::jsonb,
  dry_run boolean not null default false,
  status text not null check (status in ('running', 'loaded', 'rejected', 'failed', 'validated')),
  rows_total integer not null default 0,
  inserted integer not null default 0,
  updated integer not null default 0,
  unchanged integer not null default 0,
  error_count integer not null default 0,
  errors jsonb not null default '[]'::jsonb, -- the first errors, each {line, field, value, reason}
  created_by bigint references app_user(id),
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
