-- One message per case, channel and day, whatever the number of runs that day. The engine no longer lets
-- the unique dedupe key swallow a second message of the day (the new steps were recorded against the older
-- message, which did not mention them): while the day's message is still queued it is rendered again with
-- the old and the new steps and the invoices as they are now, and a message still queued whose invoices
-- were paid or disputed meanwhile is rendered again or cancelled. Only when the day's message has already
-- left does a new one follow, keyed `case:<id>:<channel>:<date>#<n>`.
--
-- Every batch therefore reads its cases' unsent messages: index them by case.
create index outbox_unsent_case on outbox (case_id) where status = 'queued';
