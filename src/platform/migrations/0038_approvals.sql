-- Approvals (审批): one mechanism for everything that becomes effective only when someone with the authority
-- agrees — payment plans (分期), write-offs (坏账核销), interest waivers (减免) and credit exceptions (信用特批).
-- Owned by src/approvals; the kinds are registered by the features in the composition root (src/app).

-- Who may approve what, per kind and per selling entity (entity_id null: the company's default). Without a
-- row the kind's built-in default applies. `rule` is checked by src/approvals/approval-rules.ts.
create table approval_rule (
  id bigint generated always as identity primary key,
  kind text not null check (length(kind) between 1 and 50),
  entity_id bigint references entity(id),
  rule jsonb not null,
  updated_by bigint references app_user(id),
  updated_at timestamptz not null default now()
);
create unique index approval_rule_scope on approval_rule (kind, coalesce(entity_id, 0));

create table approval_request (
  id bigint generated always as identity primary key,
  kind text not null check (length(kind) between 1 and 50),
  entity_id bigint not null references entity(id),
  customer_id bigint not null references customer(id),
  -- The row the request is about, in the kind's own table (a payment plan's id, a write-off proposal's id…).
  subject_id bigint,
  -- What the approver reads in the inbox: "Plan of 3 installments on case 12", an invoice number…
  subject_label text not null,
  amount bigint not null check (amount >= 0),
  currency char(3) not null references currency(code),
  -- What the kind needs to apply the request when approved (e.g. the write-off's invoice and date).
  payload jsonb not null default '{}',
  reason text not null check (length(reason) between 1 and 2000),
  status text not null default 'pending'
    check (status in ('pending', 'approved', 'rejected', 'cancelled', 'expired')),
  -- The steps still to take: one list of roles per step (two-step approval has two).
  steps jsonb not null,
  requested_by bigint references app_user(id),
  requested_at timestamptz not null default now(),
  requested_on date not null,
  expires_on date not null,
  resolved_at timestamptz,
  check (expires_on >= requested_on)
);
create index approval_request_pending on approval_request (entity_id, status, id);
create index approval_request_subject on approval_request (kind, subject_id);
create index approval_request_requester on approval_request (requested_by, id);

create table approval_decision (
  id bigint generated always as identity primary key,
  request_id bigint not null references approval_request(id),
  step integer not null check (step >= 1),
  decision text not null check (decision in ('approved', 'rejected', 'cancelled')),
  decided_by bigint references app_user(id),
  decided_at timestamptz not null default now(),
  comment text check (length(comment) <= 2000)
);
-- One approval per step; a person approves at most one step of a request (two-step means two people).
create unique index approval_decision_step on approval_decision (request_id, step) where decision = 'approved';
create unique index approval_decision_person on approval_decision (request_id, decided_by)
  where decision = 'approved';

select audit_enable('approval_rule');
select audit_enable('approval_request');
select audit_enable('approval_decision');
