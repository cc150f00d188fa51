-- What a message said must be provable later (issue 15). Every outbox row carries the SHA-256 of its content
-- (subject, body and recipients, as the customer receives them), set by the database whenever the content is
-- written; once a message has left the queue (sent, failed, cancelled) its content can no longer change, so
-- the stored text and hash are what was sent. A queued message is rendered again only to drop invoices that
-- were paid or disputed, keeping the date it was scheduled for (src/collections/engine/consolidate-messages.ts).
alter table outbox add column content_hash text;

create function outbox_content_hash() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.status <> 'queued'
     and (new.subject is distinct from old.subject or new.body is distinct from old.body
          or new.recipients is distinct from old.recipients or new.scheduled_on is distinct from old.scheduled_on) then
    raise exception 'outbox message % has left the queue (%): its content cannot change', old.id, old.status
      using errcode = 'check_violation';
  end if;
  new.content_hash := encode(sha256(convert_to(
    coalesce(new.subject, '') || chr(10) || new.body || chr(10) || new.recipients::text, 'UTF8')), 'hex');
  return new;
end $$;

create trigger outbox_content_hash before insert or update on outbox
  for each row execute function outbox_content_hash();

update outbox set content_hash = encode(sha256(convert_to(
  coalesce(subject, '') || chr(10) || body || chr(10) || recipients::text, 'UTF8')), 'hex');

-- A case whose open amount cannot be converted to CNY (no rate from one of its currencies) shows the amount
-- as unknown, naming the missing rates ('USD→CNY'), not as 0 (issue 15). amount_cny stays the sort key (0
-- then); missing_rates says it is unknown.
alter table collection_case add column missing_rates text[];

-- Exchange rates are something the engine decides by (amount bands, the converted amount): a change to them
-- starts a new strategy-set generation, so every open case is evaluated again now, not at the next day's
-- run (src/collections/strategy/generation.ts; the same job a strategy change queues).
create function collections_rates_changed() returns trigger language plpgsql as $$
begin
  update collections_generation set generation = generation + 1;
  insert into job (kind, dedupe_key) values ('collections.cycle', 'collections.cycle:reevaluate')
  on conflict (dedupe_key) where status = 'queued' and dedupe_key is not null do nothing;
  return null;
end $$;
create trigger exchange_rate_collections after insert or update or delete on exchange_rate
  for each statement execute function collections_rates_changed();

-- Disputes (争议) with their dates, owned by collections (issue 15): opening one marks the invoice disputed
-- through the ledger's own use case and records here who disputed what and since when; resolving it clears
-- the mark and records the day. The CLI takes the dates, so a case's history can be scripted or imported.
create table dispute (
  id bigint generated always as identity primary key,
  invoice_id bigint not null references invoice(id),
  customer_id bigint not null references customer(id),
  entity_id bigint not null references entity(id),
  opened_on date not null,
  resolved_on date check (resolved_on is null or resolved_on >= opened_on),
  status text not null default 'open' check (status in ('open', 'resolved')),
  note text,
  created_by bigint references app_user(id),
  created_at timestamptz not null default now(),
  check ((status = 'open') = (resolved_on is null))
);
create unique index dispute_one_open on dispute (invoice_id) where status = 'open';
create index dispute_customer on dispute (customer_id);
