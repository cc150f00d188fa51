-- Work that runs for minutes (an import, an engine cycle) holds a lease that its process renews while it
-- works. A 'running' row whose lease has run out belongs to a process that is gone (killed, crashed, power
-- cut) and is marked failed with the reason, instead of showing "running" for ever. Rows written before
-- this migration have no lease: their start time stands in for it.
alter table import_batch add column lease_until timestamptz;
alter table engine_run add column lease_until timestamptz;

create index import_batch_running on import_batch (id) where status = 'running';
create index engine_run_running on engine_run (id) where status = 'running';
