-- Indexes for the ledger lists and searches, and the exact currency conversion used by reports.
--
-- Lists page with keysets on (sort key, id): each sort the API offers has a btree on (column, id), so the
-- next page is an index range scan whatever page it is.

-- Customers: sort by name; search by code prefix (case-insensitive) and by tax id (not partial, so that
-- ANALYZE keeps statistics on upper(tax_id) and the planner knows an id matches one row). text_pattern_ops
-- makes LIKE 'ABC%' indexable whatever the database collation is.
create index customer_name_id on customer (name, id);
create index customer_code_prefix on customer (upper(code) text_pattern_ops);
create index customer_tax_id on customer (upper(tax_id));

-- Name substrings of three or more characters use the trigram index customer_name_trgm (0001). Two-character
-- searches are the usual way to find a Chinese company (华为, 宝钢, 美的) and trigrams cannot answer them, so
-- each name also keeps its two-character pieces, lower-cased: `name_bigrams @> array['华为']` is exactly
-- "the name contains 华为" (case-insensitively), answered by a GIN index without a recheck. The pieces are
-- stored rather than an index expression so that checking a row in a filter costs an array test, not a
-- function call per row.
create function text_bigrams(t text) returns text[]
language sql immutable strict parallel safe as $$
  select array(select substr(lower(t), i, 2) from generate_series(1, char_length(t) - 1) as i)
$$;
alter table customer add column name_bigrams text[] generated always as (text_bigrams(name)) stored;
create index customer_name_bigrams on customer using gin (name_bigrams);

-- Invoices: every sort of GET /api/invoices (issue date has invoice_issue from 0001).
create index invoice_due_id on invoice (due_date, id);
create index invoice_amount_id on invoice (amount, id);
create index invoice_open_amount_id on invoice (open_amount, id);
-- Open invoices by open amount: the full index above starts with every paid invoice (open amount 0).
create index invoice_open_open_amount on invoice (open_amount, id) where allocated_amount < amount;
-- Open disputed invoices (争议): few, looked at together, excluded from dunning.
create index invoice_disputed_open on invoice (due_date, id) where disputed and allocated_amount < amount;
create index invoice_number_id on invoice (number, id);

-- Unapplied cash per customer (未核销) for the customer list's balances.
create index payment_customer_unapplied on payment (customer_id)
  where allocated_amount < amount and reversed_on is null;
create index credit_note_customer_unapplied on credit_note (customer_id) where allocated_amount < amount;

-- n / d rounded half to even (banker's rounding), exactly: numeric div/mod have no rounding error.
create function div_half_even(n numeric, d numeric) returns numeric
language sql immutable strict parallel safe as $$
  select sign(n) * (div(abs(n), d) + case
    when 2 * mod(abs(n), d) > d then 1
    when 2 * mod(abs(n), d) = d and mod(div(abs(n), d), 2) = 1 then 1
    else 0 end)
$$;

-- Converts minor units of one currency into minor units of another at the rate in force on a date: the
-- latest direct quote (from → to) on or before the date, else the latest reverse quote (to → from),
-- divided. NULL when no rate is known. Same rule and result as convertWithRate() in
-- src/ledger/reference/convert.ts.
create function convert_amount(p_amount bigint, p_from bpchar, p_to bpchar, p_on date) returns bigint
language sql stable parallel safe as $$
  select case
    when p_amount is null then null
    when p_from = p_to then p_amount
    else (
      select div_half_even(
               p_amount * (case when r.inverse then 1 else r.rate end) * power(10::numeric, t.minor_units),
               (case when r.inverse then r.rate else 1 end) * power(10::numeric, f.minor_units))::bigint
      from (
        select q.rate, q.inverse from (
          (select rate, false as inverse from exchange_rate
            where from_currency = p_from and to_currency = p_to and rate_date <= p_on
            order by rate_date desc limit 1)
          union all
          (select rate, true from exchange_rate
            where from_currency = p_to and to_currency = p_from and rate_date <= p_on
            order by rate_date desc limit 1)
        ) q
        order by q.inverse
        limit 1
      ) r
      join currency f on f.code = p_from
      join currency t on t.code = p_to
    )
  end
$$;
