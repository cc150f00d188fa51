-- Import runs (0004): how each file was read (format, encoding, delimiter, which column fed which field) and
-- what the run made besides its rows (the entity, customers, staff, settling payments, allocations), so
-- that a batch shows the same report later as when it ran.
alter table import_batch add column details jsonb not null default '{}'::jsonb;
