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
