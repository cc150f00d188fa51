-- Collections (催收): strategies, cases, the engine's firings, outbox and worklist tasks, promises and plans
-- (minimal, so the engine honours them now), credit holds placed by strategies, a job queue and simulations.
--
-- Idempotency lives in unique keys, not in code paths: a step fires at most once per case and trigger
-- occurrence (step_firing unique), a consolidated message is queued once (outbox.dedupe_key unique), and an
-- open case is unique per customer and entity (partial unique index). Every writer uses
-- `insert ... on conflict do nothing`, so two workers or a re-run after a crash cannot duplicate anything.

-- A named, versioned strategy. Editing creates a new version; one version per name is active.
create table strategy (
  id bigint generated always as identity primary key,
  name text not null check (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  version integer not null check (version >= 1),
  locale text not null default 'zh-CN', -- language of labels and the fallback for messages
  label text not null,
  description text,
  stages jsonb not null,   -- {"early": {"fromDay": 1}, "strong": {"fromDay": 31}}
  settings jsonb not null, -- {"catchUpDays": 3, "promiseGraceDays": 2, "installmentGraceDays": 2}
  steps jsonb not null,    -- validated by StrategySteps (TypeBox) in src/collections/strategy
  active boolean not null default false,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now(),
  unique (name, version)
);
create unique index strategy_one_active on strategy (name) where active;

-- Which strategy a case follows: the first matching rule by priority (all non-null criteria must match).
create table strategy_rule (
  id bigint generated always as identity primary key,
  priority integer not null,
  strategy_name text not null,
  segment text,
  grade text,
  language text,
  min_amount bigint check (min_amount >= 0), -- case's open amount converted to amount_currency
  max_amount bigint check (max_amount >= 0),
  amount_currency char(3) not null default 'CNY' references currency(code),
  note text,
  created_at timestamptz not null default now()
);

create table customer_strategy (
  customer_id bigint primary key references customer(id) on delete cascade,
  strategy_name text not null,
  reason text,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now()
);

-- Collection case (催收案件): one open case per customer and selling entity. Its invoices are the
-- customer's open invoices of that entity due on or before the engine's horizon (overdue + due soon), so an
-- overdue amount can only belong to the one open case of its customer and entity.
create table collection_case (
  id bigint generated always as identity primary key,
  customer_id bigint not null references customer(id),
  entity_id bigint not null references entity(id),
  stage text not null default 'reminder' check (stage in ('reminder', 'early', 'strong')),
  stage_since date not null,
  stage_floor text check (stage_floor in ('early', 'strong')), -- raised by a step (broken promise)
  status text not null default 'active'
    check (status in ('active', 'paused', 'promise', 'plan', 'dispute', 'legal', 'agency', 'closed')),
  manual_status text check (manual_status in ('paused', 'legal', 'agency')), -- set by people or steps
  paused_until date,
  collector_id bigint references app_user(id),
  strategy_id bigint references strategy(id),
  strategy_name text,
  strategy_version integer,
  anchor_due_on date, -- oldest due date of its undisputed open invoices: days past due count from here
  days_past_due integer,
  totals jsonb not null default '[]'::jsonb, -- [{currency, open, overdue, disputed}] at last evaluation
  amount_cny bigint not null default 0, -- open amount converted to CNY for sorting and bands
  next_action_on date,
  next_step_key text,
  opened_on date not null,
  closed_on date,
  evaluated_on date, -- as-of date of the last evaluation; null: must be evaluated by the next run
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (closed_on is null or closed_on >= opened_on)
);
create unique index collection_case_open on collection_case (customer_id, entity_id) where closed_on is null;
create index collection_case_customer on collection_case (customer_id, opened_on);
create index collection_case_pending on collection_case (id) where closed_on is null;
create index collection_case_collector on collection_case (collector_id, next_action_on) where closed_on is null;
create index collection_case_next on collection_case (next_action_on, id) where closed_on is null;

create table engine_run (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('full', 'incremental', 'customer')),
  as_of date not null,
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  cases_opened integer not null default 0,
  cases_closed integer not null default 0,
  cases_evaluated integer not null default 0,
  steps_fired integer not null default 0,
  messages integer not null default 0,
  tasks integer not null default 0,
  error text
);

-- Worklist tasks (calls, visits, escalations, legal review, ...).
create table task (
  id bigint generated always as identity primary key,
  case_id bigint not null references collection_case(id),
  customer_id bigint not null references customer(id),
  entity_id bigint not null references entity(id),
  type text not null
    check (type in ('call', 'visit', 'escalation', 'credit_hold', 'legal_review', 'agency_referral', 'follow_up')),
  title text not null,
  instructions text,
  due_on date not null,
  assignee_id bigint references app_user(id),
  assignee_role text not null default 'collector',
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  step_key text,
  payload jsonb not null default '{}'::jsonb,
  completed_on date,
  outcome text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index task_open_assignee on task (assignee_id, due_on) where status = 'open';
create index task_case on task (case_id);

-- Consolidated messages waiting for the communications module to send them.
create table outbox (
  id bigint generated always as identity primary key,
  case_id bigint not null references collection_case(id),
  customer_id bigint not null references customer(id),
  entity_id bigint not null references entity(id),
  channel text not null check (channel in ('email', 'sms', 'letter')),
  template_key text not null,
  locale text not null,
  recipients jsonb not null default '[]'::jsonb,
  subject text,
  body text not null,
  payload jsonb not null, -- {stage, tone, invoices: [...], totals: [...], steps: [...]}
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'cancelled')),
  dedupe_key text not null unique, -- case:channel:date — one message per case, channel and day
  scheduled_on date not null,
  sent_at timestamptz,
  error text,
  created_at timestamptz not null default now()
);
create index outbox_queued on outbox (scheduled_on, id) where status = 'queued';
create index outbox_case on outbox (case_id);

-- A step fired for a case and one occurrence of its trigger. UNIQUE is the idempotency guarantee.
create table step_firing (
  id bigint generated always as identity primary key,
  case_id bigint not null references collection_case(id),
  step_key text not null,
  occurrence_key text not null,
  strategy_id bigint not null references strategy(id),
  stage text not null,
  action text not null,
  fired_on date not null,
  run_id bigint references engine_run(id),
  outcome text not null check (outcome in ('message', 'task', 'skipped')),
  detail text,
  outbox_id bigint references outbox(id),
  task_id bigint references task(id),
  created_at timestamptz not null default now(),
  unique (case_id, step_key, occurrence_key)
);

-- Promise to pay (承诺还款), minimal: the collector's workbench adds channels, invoices and partial keeping.
create table promise (
  id bigint generated always as identity primary key,
  case_id bigint not null references collection_case(id),
  customer_id bigint not null references customer(id),
  entity_id bigint not null references entity(id),
  currency char(3) not null references currency(code),
  amount bigint not null check (amount > 0),
  promised_on date not null,
  due_on date not null check (due_on >= promised_on),
  status text not null default 'open' check (status in ('open', 'kept', 'broken', 'cancelled')),
  paid_amount bigint not null default 0,
  resolved_on date,
  note text,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now()
);
create index promise_case on promise (case_id, status);

-- Payment plan (分期), minimal: installments with dates; a missed one defaults the plan.
create table payment_plan (
  id bigint generated always as identity primary key,
  case_id bigint not null references collection_case(id),
  customer_id bigint not null references customer(id),
  entity_id bigint not null references entity(id),
  currency char(3) not null references currency(code),
  created_on date not null,
  status text not null default 'active' check (status in ('active', 'completed', 'defaulted', 'cancelled')),
  note text,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now()
);
create index payment_plan_case on payment_plan (case_id, status);

create table payment_plan_installment (
  plan_id bigint not null references payment_plan(id) on delete cascade,
  seq integer not null check (seq >= 1),
  due_on date not null,
  amount bigint not null check (amount > 0),
  status text not null default 'open' check (status in ('open', 'paid', 'missed')),
  resolved_on date,
  primary key (plan_id, seq)
);

-- Credit hold (信用冻结 / 停止供货) placed by a strategy step; the credit-management module takes it over.
create table credit_hold (
  id bigint generated always as identity primary key,
  customer_id bigint not null references customer(id),
  entity_id bigint references entity(id),
  case_id bigint references collection_case(id),
  source text not null default 'collections',
  reason text not null,
  status text not null default 'active' check (status in ('active', 'released')),
  placed_on date not null,
  released_on date,
  released_by bigint references app_user(id),
  created_at timestamptz not null default now()
);
create unique index credit_hold_one_active on credit_hold (customer_id) where status = 'active';

-- Background jobs on the same database: workers claim with FOR UPDATE SKIP LOCKED; a queued job with a
-- dedupe key exists at most once, so a burst of events becomes one job.
create table job (
  id bigint generated always as identity primary key,
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  run_at timestamptz not null default now(),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts integer not null default 0,
  max_attempts integer not null default 3,
  locked_until timestamptz,
  worker text,
  dedupe_key text,
  result jsonb,
  last_error text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz
);
create index job_ready on job (run_at, id) where status = 'queued';
create index job_running on job (locked_until) where status = 'running';
create unique index job_dedupe on job (dedupe_key) where status = 'queued' and dedupe_key is not null;

create table job_schedule (
  name text primary key,
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  at_time text not null check (at_time ~ '^\d{2}:\d{2}$'), -- daily, in the business time zone
  last_slot date
);
insert into job_schedule (name, kind, at_time) values ('collections.daily', 'collections.cycle', '01:00');

-- Customers whose ledger changed since the engine last looked: the incremental cycle takes them.
create table collection_dirty (
  customer_id bigint primary key,
  since timestamptz not null default now()
);

-- Events → incremental cycle. Statement-level with transition tables, so bulk imports cost one insert per
-- statement. A payment changes invoices through the allocation trigger, so invoices cover payments,
-- credit notes, write-offs, reversals, new invoices, due-date changes and disputes.
create function collections_mark_dirty() returns trigger language plpgsql as $$
begin
  insert into collection_dirty (customer_id)
  select distinct customer_id from new_rows where customer_id is not null
  on conflict (customer_id) do nothing;
  insert into job (kind, dedupe_key, run_at)
  select 'collections.incremental', 'collections.incremental', now() + interval '2 seconds'
  where exists (select 1 from new_rows)
  on conflict (dedupe_key) where status = 'queued' and dedupe_key is not null do nothing;
  return null;
end $$;

create trigger invoice_collections_insert after insert on invoice
  referencing new table as new_rows for each statement execute function collections_mark_dirty();
create trigger invoice_collections_update after update on invoice
  referencing new table as new_rows for each statement execute function collections_mark_dirty();
create trigger credit_hold_collections_insert after insert on credit_hold
  referencing new table as new_rows for each statement execute function collections_mark_dirty();
create trigger credit_hold_collections_update after update on credit_hold
  referencing new table as new_rows for each statement execute function collections_mark_dirty();

-- Simulations of strategies on a copy of the data (see src/collections/simulator).
create table simulation (
  id bigint generated always as identity primary key,
  params jsonb not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  result jsonb,
  error text,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
