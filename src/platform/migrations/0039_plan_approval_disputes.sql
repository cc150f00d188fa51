-- A payment plan proposed beyond the proposer's authority waits for approval ('pending') and holds nothing
-- until approved; a rejected (or withdrawn, expired) proposal is 'rejected' and never becomes active.
alter table payment_plan drop constraint payment_plan_status_check;
alter table payment_plan add constraint payment_plan_status_check
  check (status in ('pending', 'active', 'completed', 'defaulted', 'cancelled', 'rejected'));

-- Structured disputes (异议) on an invoice or an amount of it (issue 12): the reason, the amount in dispute,
-- who owns its resolution and by when, and how it ended. Data capture only: how a dispute takes the amount
-- out of dunning is the engine's (invoice.disputed stays the engine's input). Owned by src/collections/disputes.
create table invoice_dispute (
  id bigint generated always as identity primary key,
  invoice_id bigint not null references invoice(id),
  customer_id bigint not null references customer(id),
  entity_id bigint not null references entity(id),
  amount bigint not null check (amount > 0),
  currency char(3) not null references currency(code),
  reason_code text not null
    check (reason_code in ('price', 'quantity', 'quality', 'not_delivered', 'duplicate', 'already_paid', 'other')),
  note text check (length(note) <= 2000),
  owner_department text check (length(owner_department) <= 100),
  owner_user_id bigint references app_user(id),
  due_on date,
  status text not null default 'open' check (status in ('open', 'in_review', 'resolved')),
  resolution_code text check (resolution_code in ('credit_note', 'rejected', 'partly')),
  resolution_note text check (length(resolution_note) <= 2000),
  credit_note_id bigint references credit_note(id),
  raised_on date not null,
  raised_by bigint references app_user(id),
  resolved_on date,
  resolved_by bigint references app_user(id),
  created_at timestamptz not null default now(),
  check ((status = 'resolved') = (resolution_code is not null and resolved_on is not null))
);
create index invoice_dispute_invoice on invoice_dispute (invoice_id);
create index invoice_dispute_open on invoice_dispute (entity_id, status) where status <> 'resolved';
select audit_enable('invoice_dispute');
