-- The bulk-load digests (audit_batch, 0032) are part of the audit record: read-only to the application role
-- like the log and its head (0030). Only the owner's bulk load writes them (the app role loads row by row).
create or replace function huikuan_app_grants() returns void language plpgsql as $$
declare
  schema_name text := current_schema();
begin
  if not exists (select 1 from pg_roles where rolname = 'huikuan_app') then
    return;
  end if;
  execute format('grant usage on schema %I to huikuan_app', schema_name);
  execute format('grant select, insert, update, delete on all tables in schema %I to huikuan_app', schema_name);
  execute format('grant usage, select on all sequences in schema %I to huikuan_app', schema_name);
  -- The log, its head, the bulk-load digests and the migration record are read-only to the application.
  revoke insert, update, delete, truncate, references, trigger
    on audit_log, audit_chain_head, audit_batch, schema_migration from huikuan_app;
  -- Tables and sequences later migrations create (as this same owner) get the same rights.
  execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to huikuan_app',
                 schema_name);
  execute format('alter default privileges in schema %I grant usage, select on sequences to huikuan_app',
                 schema_name);
end $$;
revoke execute on function huikuan_app_grants() from public;
select huikuan_app_grants();
