-- Receivables analytics (应收分析): settings, specific provisions and an incrementally maintained summary
-- of AR by overdue bucket per month-end, so that the dashboard's 24-month trends do not scan a million
-- invoices and their allocations on every load.
--
-- The summary `analytics_ar_delta` holds deltas, not balances: a row (entity, currency, basis, bucket,
-- on_date, amount) says "the open AR in this bucket changes by amount on this day". The balance in a
-- bucket on day D is the sum of the deltas dated <= D. Every invoice and every allocation adds a few such
-- rows: an invoice is open in bucket b over an interval of days (from its issue date and due date), an
-- allocation subtracts its amount over the interval it is active [effective_on, reversed_on) clipped the
-- same way; each interval is +amount on its first day and -amount on the day after it. Two bases: 'd' days
-- past due (dueBuckets; bucket -1 holds credit sales by issue date, not cumulative) and 'a' age since
-- invoice date (the aging method's edges). Rows of past months are folded to their month's first day by
-- compaction, which keeps month-end balances (and today's) exact with few rows.
--
-- `analytics_customer_open` is Σ invoice.open_amount per customer, entity and currency: an upper bound of
-- what each customer owes today, for finding the top overdue customers without scanning every invoice.
--
-- The rows are only ever inserted by triggers (no upsert), so concurrent payments never wait on each
-- other here; readers sum, and `analytics_compact_ar_delta()` folds the rows together now and then.

create table analytics_setting (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by bigint references app_user(id)
);

insert into analytics_setting (key, value) values
  -- Upper edges (days past due) of the overdue buckets: not due, 1–30, 31–60, 61–90, 91–180, 181–365, >365.
  ('dueBuckets', '[30, 60, 90, 180, 365]'),
  -- Upper edges (days since invoice date, 账龄) of the age buckets: 0–30 … 181–365, 1–2 years, 2–3 years, >3 years.
  ('ageBuckets', '[30, 60, 90, 180, 365, 730, 1095]'),
  -- 账龄分析法: provision rate by age since invoice date (<1y 5%, 1–2y 10%, 2–3y 30%, 3–4y 50%, 4–5y 80%, >5y 100%).
  ('agingMethod', '{"edges": [365, 730, 1095, 1460, 1825], "rates": ["0.05", "0.10", "0.30", "0.50", "0.80", "1"]}'),
  -- IFRS 9 / CAS 22 provision matrix on the overdue buckets: roll rates over the last lookbackMonths,
  -- the loss rate of the last bucket, and a forward-looking multiplier on the historical loss rates.
  ('provisionMatrix', '{"lookbackMonths": 24, "finalBucketLossRate": "1", "forwardLookingFactor": "1"}'),
  -- Which method the booked provision uses: 'aging' (账龄分析法) or 'matrix' (预期信用损失 provision matrix).
  ('provisionMethod', '"aging"');

-- Specific provision (单项计提) for a customer: this rate of the customer's open balance, instead of the
-- collective (aging or matrix) provision.
create table analytics_specific_provision (
  customer_id bigint primary key references customer(id),
  rate numeric(7, 6) not null check (rate >= 0 and rate <= 1),
  reason text not null check (length(reason) between 1 and 1000),
  updated_at timestamptz not null default now(),
  updated_by bigint references app_user(id)
);

create table analytics_ar_delta (
  entity_id bigint not null,
  currency char(3) not null,
  basis char(1) not null check (basis in ('d', 'a')),
  bucket smallint not null, -- basis d: 0 not yet due, 1.. overdue buckets, -1 credit sales; basis a: age buckets
  on_date date not null,
  amount bigint not null
);
create index analytics_ar_delta_on_date on analytics_ar_delta (on_date);

create table analytics_customer_open (
  customer_id bigint not null,
  entity_id bigint not null,
  currency char(3) not null,
  amount bigint not null,
  primary key (customer_id, entity_id, currency)
);

-- Reports as of a past date look for allocations reversed after it.
create index allocation_reversed on allocation (reversed_on) where reversed_on is not null;

-- The buckets of a basis as day offsets from its anchor (due date for 'd', issue date for 'a'): bucket b
-- holds day D when anchor + lo <= D < anchor + hi (null = unbounded).
create function analytics_bounds() returns table (basis char(1), bucket smallint, lo integer, hi integer)
language sql stable as $$
  with edges as (
    select 'd'::char(1) as basis, e.ord::integer as k, e.edge::integer as edge
    from analytics_setting s, jsonb_array_elements_text(s.value) with ordinality as e(edge, ord)
    where s.key = 'dueBuckets'
    union all
    select 'a', e.ord::integer, e.edge::integer
    from analytics_setting s, jsonb_array_elements_text(s.value -> 'edges') with ordinality as e(edge, ord)
    where s.key = 'agingMethod'
  )
  select 'd'::char(1), 0::smallint, null::integer, 1
  union all
  select 'a'::char(1), 0::smallint, null::integer, (select edge + 1 from edges where basis = 'a' and k = 1)
  union all
  select basis, (k - case basis when 'a' then 1 else 0 end)::smallint, coalesce(prev, 0) + 1, edge + 1
  from (select basis, k, edge, lag(edge) over (partition by basis order by k) as prev from edges) e
  where basis = 'd' or k > 1
  union all
  select basis, (count(*) + case basis when 'a' then 0 else 1 end)::smallint, max(edge) + 1, null::integer
  from edges group by basis
$$;

-- The deltas of `amount` being open from `start_on` until before `stop_on` (null: for ever) on an invoice
-- with this due date and issue date, bucket by bucket on both bases.
create function analytics_open_events(due date, issued date, start_on date, stop_on date, amount bigint)
returns table (basis char(1), bucket smallint, on_date date, amount bigint)
language sql stable as $$
  select b.basis, b.bucket, ev.d, ev.amount
  from analytics_bounds() b
  cross join lateral (select case b.basis when 'd' then due else issued end as anchor) a
  cross join lateral (select greatest(start_on, a.anchor + b.lo) as s, least(stop_on, a.anchor + b.hi) as e) w
  cross join lateral (values (w.s, amount), (w.e, -amount)) ev(d, amount)
  where (w.e is null or w.s < w.e) and ev.d is not null
$$;

-- Invoices are grouped by (entity, currency, issue date, due date) before the intervals are expanded, so
-- a million-row load expands only a few thousand distinct intervals.
create function analytics_invoice_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into analytics_ar_delta (entity_id, currency, basis, bucket, on_date, amount)
    select g.entity_id, g.currency, ev.basis, ev.bucket, ev.on_date, sum(ev.amount)::bigint
    from (select entity_id, currency, issue_date, due_date, sum(amount)::bigint as amount
          from new_rows group by 1, 2, 3, 4) g
    cross join lateral (
      select o.basis, o.bucket, o.on_date, o.amount
      from analytics_open_events(g.due_date, g.issue_date, g.issue_date, null, g.amount) o
      union all select 'd', -1::smallint, g.issue_date, g.amount
    ) ev
    group by 1, 2, 3, 4, 5 having sum(ev.amount) <> 0;
    insert into analytics_customer_open (customer_id, entity_id, currency, amount)
    select customer_id, entity_id, currency, sum(open_amount)::bigint from new_rows group by 1, 2, 3 order by 1, 2, 3
    on conflict (customer_id, entity_id, currency) do update set amount = analytics_customer_open.amount + excluded.amount;
  elsif tg_op = 'DELETE' then
    insert into analytics_ar_delta (entity_id, currency, basis, bucket, on_date, amount)
    select g.entity_id, g.currency, ev.basis, ev.bucket, ev.on_date, -sum(ev.amount)::bigint
    from (select entity_id, currency, issue_date, due_date, sum(amount)::bigint as amount
          from old_rows group by 1, 2, 3, 4) g
    cross join lateral (
      select o.basis, o.bucket, o.on_date, o.amount
      from analytics_open_events(g.due_date, g.issue_date, g.issue_date, null, g.amount) o
      union all select 'd', -1::smallint, g.issue_date, g.amount
    ) ev
    group by 1, 2, 3, 4, 5 having sum(ev.amount) <> 0;
    insert into analytics_customer_open (customer_id, entity_id, currency, amount)
    select customer_id, entity_id, currency, -sum(open_amount)::bigint from old_rows group by 1, 2, 3 order by 1, 2, 3
    on conflict (customer_id, entity_id, currency) do update set amount = analytics_customer_open.amount + excluded.amount;
  else
    -- Any change of open amounts (allocations, edits): the difference per customer, entity and currency.
    insert into analytics_customer_open (customer_id, entity_id, currency, amount)
    select customer_id, entity_id, currency, sum(delta)::bigint from (
      select customer_id, entity_id, currency, open_amount as delta from new_rows
      union all select customer_id, entity_id, currency, -open_amount from old_rows
    ) x group by 1, 2, 3 having sum(delta) <> 0 order by 1, 2, 3
    on conflict (customer_id, entity_id, currency) do update set amount = analytics_customer_open.amount + excluded.amount;
  end if;
  return null;
end $$;

-- An edit of an invoice's amount, dates, entity or currency: take out everything the old row and its
-- allocations contributed and put in what the new row and the same allocations contribute.
create function analytics_invoice_update() returns trigger language plpgsql as $$
begin
  insert into analytics_ar_delta (entity_id, currency, basis, bucket, on_date, amount)
  select x.entity_id, x.currency, ev.basis, ev.bucket, ev.on_date, sum(x.sign * ev.amount)::bigint
  from (
    select 1 as sign, new.entity_id, new.currency, new.issue_date, new.due_date, new.issue_date as s,
           null::date as e, new.amount as amount
    union all
    select -1, old.entity_id, old.currency, old.issue_date, old.due_date, old.issue_date, null, old.amount
    union all
    select 1, new.entity_id, new.currency, new.issue_date, new.due_date,
           greatest(new.issue_date, a.effective_on), a.reversed_on, -a.amount
    from allocation a where a.invoice_id = new.id
    union all
    select -1, old.entity_id, old.currency, old.issue_date, old.due_date,
           greatest(old.issue_date, a.effective_on), a.reversed_on, -a.amount
    from allocation a where a.invoice_id = new.id
  ) x
  cross join lateral (
    select o.basis, o.bucket, o.on_date, o.amount from analytics_open_events(x.due_date, x.issue_date, x.s, x.e, x.amount) o
    union all select 'd', -1::smallint, x.issue_date, x.amount where x.e is null and x.amount > 0
  ) ev
  group by 1, 2, 3, 4, 5 having sum(x.sign * ev.amount) <> 0;
  return null;
end $$;

-- Allocations inserted, reversed (updated) or deleted: the difference between the intervals of the new
-- rows and those of the old rows.
create function analytics_allocation_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into analytics_ar_delta (entity_id, currency, basis, bucket, on_date, amount)
    select g.entity_id, g.currency, ev.basis, ev.bucket, ev.on_date, sum(ev.amount)::bigint
    from (select i.entity_id, i.currency, i.due_date, i.issue_date, greatest(i.issue_date, n.effective_on) as s,
                 n.reversed_on as e, -sum(n.amount)::bigint as amount
          from new_rows n join invoice i on i.id = n.invoice_id group by 1, 2, 3, 4, 5, 6) g
    cross join lateral analytics_open_events(g.due_date, g.issue_date, g.s, g.e, g.amount) ev
    group by 1, 2, 3, 4, 5 having sum(ev.amount) <> 0;
  elsif tg_op = 'UPDATE' then
    insert into analytics_ar_delta (entity_id, currency, basis, bucket, on_date, amount)
    select g.entity_id, g.currency, ev.basis, ev.bucket, ev.on_date, sum(ev.amount)::bigint
    from (select i.entity_id, i.currency, i.due_date, i.issue_date, greatest(i.issue_date, r.effective_on) as s,
                 r.reversed_on as e, sum(r.amount)::bigint as amount
          from (select invoice_id, effective_on, reversed_on, -amount as amount from new_rows
                union all
                select invoice_id, effective_on, reversed_on, amount from old_rows) r
          join invoice i on i.id = r.invoice_id group by 1, 2, 3, 4, 5, 6) g
    cross join lateral analytics_open_events(g.due_date, g.issue_date, g.s, g.e, g.amount) ev
    group by 1, 2, 3, 4, 5 having sum(ev.amount) <> 0;
  else
    insert into analytics_ar_delta (entity_id, currency, basis, bucket, on_date, amount)
    select g.entity_id, g.currency, ev.basis, ev.bucket, ev.on_date, sum(ev.amount)::bigint
    from (select i.entity_id, i.currency, i.due_date, i.issue_date, greatest(i.issue_date, o.effective_on) as s,
                 o.reversed_on as e, sum(o.amount)::bigint as amount
          from old_rows o join invoice i on i.id = o.invoice_id group by 1, 2, 3, 4, 5, 6) g
    cross join lateral analytics_open_events(g.due_date, g.issue_date, g.s, g.e, g.amount) ev
    group by 1, 2, 3, 4, 5 having sum(ev.amount) <> 0;
  end if;
  return null;
end $$;

-- Recomputes the whole summary from the ledger (after the bucket edges change, or a TRUNCATE).
create function analytics_rebuild_ar_delta() returns void language plpgsql as $$
begin
  delete from analytics_ar_delta;
  insert into analytics_ar_delta (entity_id, currency, basis, bucket, on_date, amount)
  select x.entity_id, x.currency, ev.basis, ev.bucket, ev.on_date, sum(ev.amount)::bigint
  from (
    select entity_id, currency, issue_date, due_date, issue_date as s, null::date as e,
           sum(amount)::bigint as amount
    from invoice group by 1, 2, 3, 4
    union all
    select i.entity_id, i.currency, i.issue_date, i.due_date, greatest(i.issue_date, a.effective_on),
           a.reversed_on, -sum(a.amount)::bigint
    from allocation a join invoice i on i.id = a.invoice_id group by 1, 2, 3, 4, 5, 6
  ) x
  cross join lateral (
    select o.basis, o.bucket, o.on_date, o.amount from analytics_open_events(x.due_date, x.issue_date, x.s, x.e, x.amount) o
    union all select 'd', -1::smallint, x.issue_date, x.amount where x.e is null and x.amount > 0
  ) ev
  group by 1, 2, 3, 4, 5 having sum(ev.amount) <> 0;
  delete from analytics_customer_open;
  insert into analytics_customer_open (customer_id, entity_id, currency, amount)
  select customer_id, entity_id, currency, sum(open_amount)::bigint from invoice group by 1, 2, 3;
  perform analytics_compact_ar_delta();
end $$;

-- Folds the delta rows into one per key; days of months before the current one into the month's first
-- day (readers ask for month-end balances there, and for today's in the current month).
create function analytics_compact_ar_delta() returns void language sql as $$
  with moved as (delete from analytics_ar_delta returning *)
  insert into analytics_ar_delta (entity_id, currency, basis, bucket, on_date, amount)
  select entity_id, currency, basis, bucket,
         case when on_date < date_trunc('month', current_date) - interval '1 month'
              then date_trunc('month', on_date)::date else on_date end,
         sum(amount)::bigint
  from moved group by 1, 2, 3, 4, 5 having sum(amount) <> 0
$$;

create function analytics_truncated() returns trigger language plpgsql as $$
begin
  perform analytics_rebuild_ar_delta();
  return null;
end $$;

create trigger analytics_invoice_insert after insert on invoice
  referencing new table as new_rows for each statement execute function analytics_invoice_change();
create trigger analytics_invoice_delete after delete on invoice
  referencing old table as old_rows for each statement execute function analytics_invoice_change();
create trigger analytics_invoice_open after update on invoice
  referencing old table as old_rows new table as new_rows for each statement execute function analytics_invoice_change();
create trigger analytics_invoice_update after update of amount, issue_date, due_date, entity_id, currency
  on invoice for each row
  when (old.amount is distinct from new.amount or old.issue_date is distinct from new.issue_date
        or old.due_date is distinct from new.due_date or old.entity_id is distinct from new.entity_id
        or old.currency is distinct from new.currency)
  execute function analytics_invoice_update();
create trigger analytics_invoice_truncate after truncate on invoice
  for each statement execute function analytics_truncated();
create trigger analytics_allocation_insert after insert on allocation
  referencing new table as new_rows for each statement execute function analytics_allocation_change();
create trigger analytics_allocation_update after update on allocation
  referencing old table as old_rows new table as new_rows
  for each statement execute function analytics_allocation_change();
create trigger analytics_allocation_delete after delete on allocation
  referencing old table as old_rows for each statement execute function analytics_allocation_change();
create trigger analytics_allocation_truncate after truncate on allocation
  for each statement execute function analytics_truncated();

select analytics_rebuild_ar_delta();

-- Provision settings change booked figures: keep them in the audit log like the ledger.
select audit_enable('analytics_setting');
select audit_enable('analytics_specific_provision');
