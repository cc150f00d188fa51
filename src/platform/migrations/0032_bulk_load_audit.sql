-- A bulk load (the initial import of many invoices into an empty table) is audited set-based: instead of an
-- md5 of every row's JSON in the statement trigger, one chain entry for the whole batch whose rows_digest is
-- SHA-256 over its rows' digests. The row digests are kept in audit_batch (16 bytes each, in row id order,
-- beside the ids), so any row can still be proved to belong to the batch (`huikuan audit verify-row`), and
-- `huikuan audit verify` recomputes every batch's digest from them. A row's digest is the md5 of its text
-- form under fixed output settings.

create table audit_batch (
  audit_id bigint primary key, -- the batch's chain entry
  row_ids bigint[] not null, -- the loaded rows' ids, ascending
  digests bytea not null -- their md5 digests (16 bytes each) in the same order; SHA-256 of this is the entry's rows_digest
);

create trigger audit_batch_insert_guard before insert on audit_batch
  for each statement execute function audit_insert_guard();
create trigger audit_batch_no_update before update or delete on audit_batch
  for each statement execute function audit_refuse_change();
create trigger audit_batch_no_truncate before truncate on audit_batch
  for each statement execute function audit_refuse_change();

-- The digest of one row image given as JSON (what to_jsonb of the row gave), for checking a row against its
-- batch: the same text as audit_bulk_insert hashed, whatever the session's time zone or date style.
create function audit_row_digest(p_table regclass, p_row jsonb) returns text
language plpgsql stable
set timezone = 'UTC' set datestyle = 'ISO, YMD' set intervalstyle = 'postgres' set extra_float_digits = 1
set bytea_output = 'hex' as $$
declare
  digest text;
begin
  execute format('select md5(jsonb_populate_record(null::%s, $1)::text)', p_table) into digest using p_row;
  return digest;
end $$;

-- The rows of p_table (whose primary key is a bigint id) that this transaction inserted with the table's
-- insert audit trigger disabled (the import's bulk-load mode), as one chain entry: the rows' digests go to
-- audit_batch and their digest into the entry, computed in one statement. p_ids: those rows' ids, or null
-- for the whole table (loaded into an empty table that stays locked). Returns the entry's id.
create function audit_bulk_insert(p_table regclass, p_ids bigint[] default null) returns bigint
language plpgsql
set timezone = 'UTC' set datestyle = 'ISO, YMD' set intervalstyle = 'postgres' set extra_float_digits = 1
set bytea_output = 'hex' set jit = off as $$
declare
  actor jsonb := audit_actor();
  head audit_chain_head%rowtype;
  tbl text := (select relname from pg_class where oid = p_table);
  n bigint;
  rows_digest text;
begin
  if (select array_agg(a.attname::text) from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = p_table and i.indisprimary) is distinct from array['id'] then
    raise exception 'audit_bulk_insert: table % has no primary key id', p_table;
  end if;
  select * into head from audit_chain_head for update;
  perform set_config('huikuan.audit_writing', 'on', true);
  execute format(
    'with r as (insert into audit_batch (audit_id, row_ids, digests)
                select $1, coalesce(array_agg(t.id order by t.id), ''{}''),
                       coalesce(string_agg(decode(md5(t::text), ''hex''), ''''::bytea order by t.id), ''''::bytea)
                  from %s t where $2 is null or t.id = any($2)
                returning row_ids, digests)
     select cardinality(row_ids), encode(sha256(digests), ''hex'') from r', p_table)
    into n, rows_digest using head.last_id + 1, p_ids;
  execute audit_append_sql(format(
    'select null::jsonb as row_key, null::jsonb as before, %L::jsonb as after, %s::integer as row_count, %L::text as rows_digest',
    jsonb_build_object('bulkLoad', jsonb_build_object(
      'rows', n, 'rowDigest', 'md5 of the row text', 'digest', 'sha256 of the row digests in id order')),
    n, rows_digest))
    using head.last_hash, head.last_id, clock_timestamp(), (actor->>'userId')::bigint, actor->>'name', tbl, 'INSERT';
  perform set_config('huikuan.audit_writing', 'off', true);
  update audit_chain_head set last_id = l.id, last_hash = l.hash
    from (select id, hash from audit_log where id = head.last_id + 1) l;
  return head.last_id + 1;
end $$;
