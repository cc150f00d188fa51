-- The application runs as a role that can append to the audit chain but never rewrite it.
--
-- Until now the audit triggers ran with the rights of whoever changed the audited table, so the role the
-- server connects as could also write audit_log directly, and as the owner of the tables it could switch the
-- triggers off and re-hash the chain. From here on (PostgreSQL; PGlite has one user, see src/auth/README.md):
--   * the role that runs the migrations owns every table and function (HUIKUAN_MIGRATE_DATABASE_URL);
--   * the server connects as a member of `huikuan_app`, which may read and write the business tables but
--     only read audit_log and audit_chain_head, owns nothing (so it cannot ALTER TABLE … DISABLE TRIGGER),
--     and is no superuser (so it cannot set session_replication_role);
--   * entries are appended only by functions that run as their owner (SECURITY DEFINER): the triggers, and
--     audit_append() for application events.

-- Appends one application event (sign-in, sign-out, export, …) to the chain; the one way the application
-- writes audit entries. Runs as the owner of audit_log, so callers need no right on the table itself.
create function audit_append(p_table text, p_op text, p_row_key jsonb, p_after jsonb) returns bigint
language plpgsql security definer as $$
declare
  actor jsonb := audit_actor();
  head audit_chain_head%rowtype;
begin
  if p_table is null or p_op is null then
    raise exception 'audit_append: table and operation are required' using errcode = 'invalid_parameter_value';
  end if;
  select * into head from audit_chain_head for update;
  perform set_config('huikuan.audit_writing', 'on', true);
  execute audit_append_sql('select $8 as row_key, null::jsonb as before, $9 as after, 1 as row_count,
                                   null::text as rows_digest')
    using head.last_hash, head.last_id, clock_timestamp(), (actor->>'userId')::bigint, actor->>'name',
          p_table, p_op, p_row_key, p_after;
  perform set_config('huikuan.audit_writing', 'off', true);
  update audit_chain_head set last_id = l.id, last_hash = l.hash
    from (select id, hash from audit_log where id = head.last_id + 1) l;
  return head.last_id + 1;
end $$;

-- The older name (used by audit_disable) now goes through audit_append as well.
create or replace function audit_event(p_table text, p_op text, p_row_key jsonb, p_after jsonb) returns bigint
language sql as $$
  select audit_append(p_table, p_op, p_row_key, p_after)
$$;

-- Takes the chain head for a transaction that locks rows before it writes audited tables (the engine):
-- SELECT … FOR UPDATE on the head itself would need UPDATE on it, which the application role does not have.
create function audit_lock_head() returns void language sql security definer as $$
  select 1 from audit_chain_head for update
$$;

-- The triggers write the log and move the head as the owner. A trigger function is not checked for EXECUTE
-- when it fires, only when a trigger is created: so nobody else may attach them (to a temporary table of
-- their own, with made-up arguments) to write entries as the owner.
alter function audit_capture() security definer;
alter function audit_lock_chain() security definer;
revoke execute on function audit_capture() from public;
revoke execute on function audit_lock_chain() from public;
-- Turning auditing on or off is for migrations, run by the owner.
revoke execute on function audit_enable(regclass, text[]) from public;
revoke execute on function audit_disable(regclass) from public;

-- A SECURITY DEFINER function must not resolve names through a search path its caller controls: pin it to
-- the schema the tables are in (and pg_temp last, so a temporary table cannot stand in for audit_log).
do $$
declare
  fn text;
begin
  foreach fn in array array['audit_append(text, text, jsonb, jsonb)', 'audit_lock_head()', 'audit_capture()',
                            'audit_lock_chain()'] loop
    execute format('alter function %s set search_path = %I, pg_temp', fn, current_schema());
  end loop;
end $$;

-- The application role: created here when the migrating role may create roles (a superuser or CREATEROLE);
-- otherwise an administrator creates it (see src/auth/README.md) and the grants below wait for the next
-- migration run. It cannot log in until given a password (`alter role huikuan_app login password '…'`), or
-- it is granted to the role the server logs in as (`grant huikuan_app to huikuan_server`).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'huikuan_app') then
    begin
      create role huikuan_app nologin;
    exception
      -- Roles belong to the whole cluster: another database's migration may have made it a moment ago.
      when duplicate_object or unique_violation then null;
      when insufficient_privilege then
        raise notice 'role huikuan_app not created (this role may not create roles): the application will '
          'have to connect as the owner until an administrator creates it and reruns the migrations';
    end;
  end if;
end $$;

-- Grants (again by every later migration run through huikuan_app_grants(), so that a role created by an
-- administrator after this migration gets them too).
create function huikuan_app_grants() returns void language plpgsql as $$
declare
  schema_name text := current_schema();
begin
  if not exists (select 1 from pg_roles where rolname = 'huikuan_app') then
    return;
  end if;
  execute format('grant usage on schema %I to huikuan_app', schema_name);
  execute format('grant select, insert, update, delete on all tables in schema %I to huikuan_app', schema_name);
  execute format('grant usage, select on all sequences in schema %I to huikuan_app', schema_name);
  -- The log, its head and the migration record are read-only to the application.
  revoke insert, update, delete, truncate, references, trigger on audit_log, audit_chain_head, schema_migration
    from huikuan_app;
  -- Tables and sequences later migrations create (as this same owner) get the same rights.
  execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to huikuan_app',
                 schema_name);
  execute format('alter default privileges in schema %I grant usage, select on sequences to huikuan_app',
                 schema_name);
end $$;
revoke execute on function huikuan_app_grants() from public;
select huikuan_app_grants();
