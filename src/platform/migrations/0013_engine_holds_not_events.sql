-- A credit hold is an event for the collections engine (a person or the credit module stopped supply: the
-- case is evaluated again), but not the hold the engine itself places as a strategy step: marking those
-- customers made every cycle that placed holds queue an incremental cycle re-evaluating the same cases for
-- nothing. The engine's transactions say who they are with the transaction-local setting
-- huikuan.collections_engine (src/collections/engine/engine-transaction.ts); invoices changed inside them
-- are still marked (the engine changes none).
create or replace function collections_mark_dirty() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'credit_hold' and current_setting('huikuan.collections_engine', true) = 'on' then
    return null;
  end if;
  insert into collection_dirty (customer_id)
  select distinct customer_id from new_rows where customer_id is not null
  on conflict (customer_id) do nothing;
  insert into job (kind, dedupe_key, run_at)
  select 'collections.incremental', 'collections.incremental', now() + interval '2 seconds'
  where exists (select 1 from new_rows)
  on conflict (dedupe_key) where status = 'queued' and dedupe_key is not null do nothing;
  return null;
end $$;
