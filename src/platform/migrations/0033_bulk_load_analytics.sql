-- The AR summary of a bulk load (the import's initial load into an empty, locked invoice table, with the
-- invoice insert trigger of the summary disabled) in one statement each from the loaded rows: the bucket
-- edges are read once for the whole batch rather than once per group of invoices, and the statement is too
-- short to be worth compiling (JIT alone took longer than the work on 100,000 invoices).
create function analytics_add_loaded_invoices() returns void language plpgsql set jit = off as $$
begin
  with b as materialized (select * from analytics_bounds()),
  g as (select entity_id, currency, issue_date, due_date, sum(amount)::bigint as amount
          from invoice group by 1, 2, 3, 4),
  ev as (
    select g.entity_id, g.currency, b.basis, b.bucket, x.on_date, x.amount
      from g cross join b
      cross join lateral (select case b.basis when 'd' then g.due_date else g.issue_date end as anchor) a
      cross join lateral (select greatest(g.issue_date, a.anchor + b.lo) as s, a.anchor + b.hi as e) w
      cross join lateral (values (w.s, g.amount), (w.e, -g.amount)) x(on_date, amount)
     where (w.e is null or w.s < w.e) and x.on_date is not null
    union all
    select entity_id, currency, 'd', -1::smallint, issue_date, amount from g
  )
  insert into analytics_ar_delta (entity_id, currency, basis, bucket, on_date, amount)
  select entity_id, currency, basis, bucket, on_date, sum(amount)::bigint
    from ev group by 1, 2, 3, 4, 5 having sum(amount) <> 0;
  insert into analytics_customer_open (customer_id, entity_id, currency, amount)
  select customer_id, entity_id, currency, sum(open_amount)::bigint from invoice group by 1, 2, 3 order by 1, 2, 3
  on conflict (customer_id, entity_id, currency) do update set amount = analytics_customer_open.amount + excluded.amount;
end $$;
