-- One dispute model (异议/争议): the dates-only `dispute` table (0037) and the structured invoice_dispute
-- (0039) were built side by side. invoice_dispute stays, now also the engine's way in: the first dispute open
-- on an invoice marks it disputed and resolving the last clears the mark (src/collections/disputes). The rows
-- of `dispute` move here: reason 'other', the amount the invoice had open (its whole amount when nothing is
-- open now), its currency; a resolved one ends as 'other' (the old table kept no outcome). Then it goes.
alter table invoice_dispute drop constraint invoice_dispute_resolution_code_check;
alter table invoice_dispute add constraint invoice_dispute_resolution_code_check
  check (resolution_code in ('credit_note', 'rejected', 'partly', 'other'));
alter table invoice_dispute add constraint invoice_dispute_resolved_after_raised
  check (resolved_on is null or resolved_on >= raised_on);

insert into invoice_dispute (invoice_id, customer_id, entity_id, amount, currency, reason_code, note, status,
                             resolution_code, raised_on, raised_by, resolved_on, created_at)
select d.invoice_id, d.customer_id, d.entity_id,
       case when i.open_amount > 0 then i.open_amount else i.amount end, i.currency, 'other',
       left(d.note, 2000), d.status, case when d.status = 'resolved' then 'other' end,
       d.opened_on, d.created_by, d.resolved_on, d.created_at
from dispute d join invoice i on i.id = d.invoice_id
order by d.id;

drop table dispute;
