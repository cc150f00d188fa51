-- Contract terms (合同条款, issue 16), owned by src/credit: payment terms, credit limit, late-payment interest
-- or penalty (违约金) and grace days, per customer and selling entity, with the entity's defaults
-- (customer_id null). Effective-dated: a change adds a version from a date (valid_from), so invoices issued
-- before keep the terms they were issued under. A version for the same scope and date is a correction and
-- replaces it (audited). Rates are exact decimal strings, never floats.
create table credit_terms (
  id bigint generated always as identity primary key,
  entity_id bigint not null references entity(id),
  -- null: the entity's default for customers without their own terms.
  customer_id bigint references customer(id),
  -- Reserved for defaults per credit grade (A–D) once grades exist; null today. Never set with a customer.
  grade text check (grade is null or grade in ('A', 'B', 'C', 'D')),
  valid_from date not null,
  payment_terms_days integer not null check (payment_terms_days between 0 and 3650),
  -- null: no limit set.
  credit_limit bigint check (credit_limit >= 0),
  currency char(3) not null references currency(code),
  interest_kind text not null default 'none' check (interest_kind in ('none', 'daily', 'annual')),
  -- A day's rate for daily (万分之五 = '0.0005'), a year's for annual ('0.12').
  interest_rate text check (interest_rate ~ '^[0-9]{1,4}(\.[0-9]{1,10})?$'),
  -- Annual rates: actual/365 or actual/360.
  day_count_basis integer not null default 365 check (day_count_basis in (365, 360)),
  -- Grace only delays the start: interest counts from the day after the grace ends.
  grace_days integer not null default 0 check (grace_days between 0 and 365),
  -- Interest not above this percentage of the invoice amount; null: no cap.
  interest_cap_percent text check (interest_cap_percent ~ '^[0-9]{1,4}(\.[0-9]{1,10})?$'),
  note text check (length(note) <= 2000),
  created_by bigint references app_user(id),
  created_at timestamptz not null default now(),
  check ((interest_kind = 'none') = (interest_rate is null)),
  check (customer_id is null or grade is null)
);
create unique index credit_terms_version
  on credit_terms (entity_id, coalesce(customer_id, 0), coalesce(grade, ''), valid_from);
create index credit_terms_customer on credit_terms (customer_id, entity_id, valid_from) where customer_id is not null;

select audit_enable('credit_terms');
