-- Logins, roles, sessions, API tokens and the tamper-evident audit log.
--
-- app_user (from 0001) is both the staff list that customers are assigned to and the login table: a row with
-- no password hash and no token cannot sign in (e.g. staff created by an import from ERP names).

alter table app_user
  add column password_hash text, -- argon2id PHC string; never leaves the server, never audited
  add column password_changed_at timestamptz,
  add column disabled_at timestamptz, -- disabled users keep their history but cannot sign in
  add column updated_at timestamptz not null default now();

-- A user may hold several roles, each for one selling entity or (entity_id null) for all of them.
create table user_role (
  id bigint generated always as identity primary key,
  user_id bigint not null references app_user(id) on delete cascade,
  role text not null check (role in ('admin', 'credit_manager', 'collection_manager', 'collector',
                                     'salesperson', 'finance', 'auditor')),
  entity_id bigint references entity(id) on delete cascade,
  created_at timestamptz not null default now()
);
create unique index user_role_unique on user_role (user_id, role, coalesce(entity_id, 0));

-- Failed sign-ins and lock-out, apart from app_user so that sign-in attempts do not flood the audit log.
create table login_state (
  user_id bigint primary key references app_user(id) on delete cascade,
  failed_count integer not null default 0,
  last_failed_at timestamptz,
  locked_until timestamptz,
  last_login_at timestamptz
);

-- Browser sessions. Only the SHA-256 of the cookie value is stored, so a copy of the table opens nothing.
create table user_session (
  token_hash char(64) primary key,
  user_id bigint not null references app_user(id) on delete cascade,
  csrf_token text not null, -- must come back in the x-csrf-token header of every unsafe request
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null, -- absolute end; idle expiry is checked against last_seen_at
  ip text,
  user_agent text
);
create index user_session_user on user_session (user_id);

-- Personal API tokens for scripts and the CLI against a remote server. Stored as SHA-256 (they are long
-- random strings, so a slow hash adds nothing); `prefix` lets a person recognise a token in lists.
create table api_token (
  id bigint generated always as identity primary key,
  user_id bigint not null references app_user(id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  token_hash char(64) not null unique,
  prefix text not null,
  scope text not null check (scope in ('read', 'write')),
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_token_user on api_token (user_id);

-- ---------------------------------------------------------------------------------------------------------
-- Audit log: append-only and hash-chained. Each entry's hash = SHA-256(previous hash || canonical content),
-- so changing or deleting any entry breaks every later link; `huikuan audit verify` recomputes the chain.
-- Entries are numbered without gaps (id = position in the chain) under a lock on the one-row chain head.
create table audit_log (
  id bigint primary key,
  at timestamptz not null,
  actor_user_id bigint, -- no foreign key: the log outlives what it describes
  actor_name text not null, -- 'db:<role>' when a change came without an application actor
  table_name text not null,
  op text not null, -- INSERT, UPDATE, DELETE, TRUNCATE, or an application event (LOGIN, LOGOUT, ...)
  row_key jsonb, -- the primary key of the changed row, e.g. {"id": 42}
  before jsonb,
  after jsonb,
  row_count integer not null default 1, -- > 1 only for a bulk summary entry
  rows_digest text, -- bulk summary entries: SHA-256 over the rows' content
  prev_hash char(64) not null,
  hash char(64) not null
);
create index audit_log_at on audit_log (at, id);
create index audit_log_table_key on audit_log (table_name, row_key);
create index audit_log_actor on audit_log (actor_user_id, id);

create table audit_chain_head (
  singleton boolean primary key default true check (singleton),
  last_id bigint not null,
  last_hash char(64) not null
);
insert into audit_chain_head values (true, 0, repeat('0', 64));

-- The canonical text that is hashed. `huikuan audit verify` rebuilds the same text in TypeScript from the
-- stored columns (jsonb has one text form), so verification does not trust this function.
create function audit_content(
  id bigint, at timestamptz, actor_user_id bigint, actor_name text, table_name text, op text,
  row_key jsonb, before jsonb, after jsonb, row_count integer, rows_digest text
) returns text language sql stable as $$
  select jsonb_build_array(id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    actor_user_id, actor_name, table_name, op, row_key, before, after, row_count, rows_digest)::text
$$;

-- One link of the chain, as an aggregate so that a statement's entries are chained in one set-based pass.
create function audit_chain_step(state text, seed text, content text) returns text
language sql immutable as $$
  select encode(sha256(convert_to(coalesce(state, seed) || content, 'UTF8')), 'hex')
$$;
create aggregate audit_chain(text, text) (sfunc = audit_chain_step, stype = text);

-- Appends the rows produced by `source` (columns row_key, before, after, row_count, rows_digest) to the chain.
-- Runs as dynamic SQL in the caller's context so that a trigger's transition tables are visible to it.
create function audit_append_sql(source text) returns text language sql immutable as $f$
  select format($q$
    insert into audit_log (id, at, actor_user_id, actor_name, table_name, op, row_key, before, after,
                           row_count, rows_digest, prev_hash, hash)
    select id, at, actor_user_id, actor_name, table_name, op, row_key, before, after, row_count, rows_digest,
           coalesce(lag(hash) over (order by id), $1), hash
    from (
      select e.*, audit_chain($1, audit_content(e.id, e.at, e.actor_user_id, e.actor_name, e.table_name, e.op,
               e.row_key, e.before, e.after, e.row_count, e.rows_digest))
               over (order by e.id rows between unbounded preceding and current row) as hash
      from (
        select $2 + row_number() over () as id, $3::timestamptz as at, $4::bigint as actor_user_id,
               $5::text as actor_name, $6::text as table_name, $7::text as op,
               s.row_key, s.before, s.after, s.row_count, s.rows_digest
        from (%s) s
      ) e
    ) chained
  $q$, source)
$f$;

-- Who is acting: set per transaction by the application (src/platform/db/transaction.ts).
create function audit_actor() returns jsonb language sql stable as $$
  select coalesce(nullif(current_setting('huikuan.actor', true), '')::jsonb,
                  jsonb_build_object('userId', null, 'name', 'db:' || session_user))
$$;

-- The statement-level trigger on audited tables: one entry per changed row, chained in one pass; an UPDATE
-- entry holds only the columns that changed (before: old values, after: new values). A
-- statement that changes more rows than `huikuan.audit_row_limit` (default 20000) is recorded as one
-- summary entry with the row count and a digest of the rows instead, so bulk imports stay fast.
create function audit_capture() returns trigger language plpgsql as $$
declare
  key_cols text[] := tg_argv[0]::text[];
  redact text[] := tg_argv[1]::text[];
  row_limit bigint := coalesce(nullif(current_setting('huikuan.audit_row_limit', true), '')::bigint, 20000);
  actor jsonb := audit_actor();
  head audit_chain_head%rowtype;
  new_key text;
  old_key text;
  source text;
  changed bigint;
  added bigint;
begin
  if tg_op = 'TRUNCATE' then
    source := 'select null::jsonb as row_key, null::jsonb as before, null::jsonb as after,
               1 as row_count, null::text as rows_digest';
  else
    select 'jsonb_build_object(' || string_agg(format('%L, n.%I', c, c), ', ') || ')',
           'jsonb_build_object(' || string_agg(format('%L, o.%I', c, c), ', ') || ')'
      into new_key, old_key from unnest(key_cols) c;
    source := case tg_op
      when 'INSERT' then format(
        'select %s as row_key, null::jsonb as before, to_jsonb(n) - %L::text[] as after from new_rows n',
        new_key, redact)
      when 'DELETE' then format(
        'select %s as row_key, to_jsonb(o) - %L::text[] as before, null::jsonb as after from old_rows o',
        old_key, redact)
      else format(
        'select coalesce(n.k, o.k) as row_key,
                case when o.v is null or n.v is null then o.v else (select jsonb_object_agg(e.key, e.value)
                  from jsonb_each(o.v) e where e.value is distinct from n.v -> e.key) end as before,
                case when o.v is null or n.v is null then n.v else (select jsonb_object_agg(e.key, e.value)
                  from jsonb_each(n.v) e where e.value is distinct from o.v -> e.key) end as after
         from (select %1$s as k, to_jsonb(o) - %3$L::text[] as v from old_rows o) o
         full join (select %2$s as k, to_jsonb(n) - %3$L::text[] as v from new_rows n) n on n.k = o.k
         where o.v is distinct from n.v', old_key, new_key, redact)
    end;
    -- Rows touched by the statement (an UPDATE that changed nothing in a row still adds no entry for it).
    execute format('select count(*) from %s', case tg_op when 'DELETE' then 'old_rows' else 'new_rows' end)
      into changed;
    if changed = 0 then
      return null;
    end if;
    if changed > row_limit then
      -- One entry for the whole statement: the row count and a SHA-256 over the md5 of every row image
      -- (old rows '-', new rows '+'), sorted so that it does not depend on the order rows were processed in.
      source := format(
        'select null::jsonb as row_key, null::jsonb as before, null::jsonb as after,
                count(*)::integer as row_count,
                encode(sha256(convert_to(string_agg(h, '','' order by h), ''UTF8'')), ''hex'') as rows_digest
         from (%s) r',
        case tg_op
          when 'INSERT' then format('select ''+'' || md5((to_jsonb(n) - %L::text[])::text) as h from new_rows n', redact)
          when 'DELETE' then format('select ''-'' || md5((to_jsonb(o) - %L::text[])::text) as h from old_rows o', redact)
          else format('select ''-'' || md5((to_jsonb(o) - %1$L::text[])::text) as h from old_rows o
                       union all select ''+'' || md5((to_jsonb(n) - %1$L::text[])::text) from new_rows n', redact)
        end);
    else
      source := format('select row_key, before, after, 1 as row_count, null::text as rows_digest from (%s) r',
                       source);
    end if;
  end if;
  select * into head from audit_chain_head for update;
  perform set_config('huikuan.audit_writing', 'on', true);
  execute audit_append_sql(source)
    using head.last_hash, head.last_id, clock_timestamp(), (actor->>'userId')::bigint, actor->>'name',
          tg_table_name, tg_op;
  get diagnostics added = row_count;
  perform set_config('huikuan.audit_writing', 'off', true);
  if added > 0 then
    update audit_chain_head set last_id = l.id, last_hash = l.hash
      from (select id, hash from audit_log where id = head.last_id + added) l;
  end if;
  return null;
end $$;

-- Application events that are not row changes (sign-in, sign-out, exports): one entry on the same chain.
create function audit_event(p_table text, p_op text, p_row_key jsonb, p_after jsonb) returns bigint
language plpgsql as $$
declare
  actor jsonb := audit_actor();
  head audit_chain_head%rowtype;
begin
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

-- Taken before each audited statement touches any row, so that writers always lock the chain head before
-- rows: two transactions then cannot each hold what the other waits for (the after-trigger alone would take
-- the head only after the statement's row locks).
create function audit_lock_chain() returns trigger language plpgsql as $$
begin
  perform 1 from audit_chain_head for update;
  return null;
end $$;

-- Turns auditing on for a table: one line per table, e.g. `select audit_enable('credit_limit');`.
-- `redact` lists columns kept out of the log (secrets); the primary key identifies each row.
create function audit_enable(p_table regclass, redact text[] default '{}') returns void
language plpgsql as $$
declare
  key_cols text[];
  tbl text := (select relname from pg_class where oid = p_table);
begin
  select array_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum))
    into key_cols
    from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
   where i.indrelid = p_table and i.indisprimary;
  if key_cols is null then
    raise exception 'audit_enable: table % has no primary key', p_table;
  end if;
  execute format('drop trigger if exists %I on %s', tbl || '_audit_ins', p_table);
  execute format('drop trigger if exists %I on %s', tbl || '_audit_upd', p_table);
  execute format('drop trigger if exists %I on %s', tbl || '_audit_del', p_table);
  execute format('drop trigger if exists %I on %s', tbl || '_audit_trunc', p_table);
  execute format('drop trigger if exists %I on %s', tbl || '_audit_lock', p_table);
  execute format('create trigger %I before insert or update or delete or truncate on %s
                  for each statement execute function audit_lock_chain()', tbl || '_audit_lock', p_table);
  execute format('create trigger %I after insert on %s referencing new table as new_rows
                  for each statement execute function audit_capture(%L, %L)',
                 tbl || '_audit_ins', p_table, key_cols, redact);
  execute format('create trigger %I after update on %s referencing old table as old_rows new table as new_rows
                  for each statement execute function audit_capture(%L, %L)',
                 tbl || '_audit_upd', p_table, key_cols, redact);
  execute format('create trigger %I after delete on %s referencing old table as old_rows
                  for each statement execute function audit_capture(%L, %L)',
                 tbl || '_audit_del', p_table, key_cols, redact);
  execute format('create trigger %I after truncate on %s for each statement execute function audit_capture(%L, %L)',
                 tbl || '_audit_trunc', p_table, key_cols, redact);
end $$;

-- Turning auditing off is a change worth recording too, so it is an explicit, logged call.
create function audit_disable(p_table regclass) returns void language plpgsql as $$
declare
  tbl text := (select relname from pg_class where oid = p_table);
begin
  perform audit_event('audit_log', 'AUDIT_DISABLED', jsonb_build_object('table', tbl), null);
  execute format('drop trigger if exists %I on %s', tbl || '_audit_lock', p_table);
  execute format('drop trigger if exists %I on %s', tbl || '_audit_ins', p_table);
  execute format('drop trigger if exists %I on %s', tbl || '_audit_upd', p_table);
  execute format('drop trigger if exists %I on %s', tbl || '_audit_del', p_table);
  execute format('drop trigger if exists %I on %s', tbl || '_audit_trunc', p_table);
end $$;

-- Entries are never changed or removed by anyone going through SQL; the head only ever moves to the newest
-- entry. (A superuser can still disable triggers: that is what the hash chain is for.)
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only: % on % is not allowed', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end $$;
-- Only the audit functions append (they raise this transaction-local flag around their insert), so ordinary
-- code cannot slip a forged entry in after the head.
create function audit_insert_guard() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('huikuan.audit_writing', true), '') <> 'on' then
    raise exception 'the audit log is written only by the audit triggers and audit_event()'
      using errcode = 'insufficient_privilege';
  end if;
  return null;
end $$;
create trigger audit_log_insert_guard before insert on audit_log
  for each statement execute function audit_insert_guard();
create trigger audit_log_no_update before update or delete on audit_log
  for each statement execute function audit_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_refuse_change();
create trigger audit_chain_head_no_delete before delete or truncate on audit_chain_head
  for each statement execute function audit_refuse_change();

create function audit_head_guard() returns trigger language plpgsql as $$
begin
  if new.last_id <> (select max(id) from audit_log)
     or new.last_hash <> (select hash from audit_log where id = new.last_id) then
    raise exception 'the audit chain head can only point at the newest entry'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;
create trigger audit_chain_head_guard before update on audit_chain_head
  for each row execute function audit_head_guard();

select audit_enable('entity');
select audit_enable('exchange_rate');
select audit_enable('customer');
select audit_enable('contact');
select audit_enable('invoice');
select audit_enable('credit_note');
select audit_enable('payment');
select audit_enable('allocation');
select audit_enable('write_off');
select audit_enable('sales_order');
select audit_enable('app_user', '{password_hash}');
select audit_enable('user_role');
select audit_enable('api_token', '{token_hash,last_used_at}'); -- last use is bookkeeping, not a change
