-- allocation_after_change() (0001) named its DELETE query's amount column nothing, so the update that reads
-- `delta` failed and every DELETE on `allocation` was refused with "column delta does not exist". The
-- application never deletes allocations (un-allocating and reversing set reversed_on), but the schema keeps
-- delete triggers on `allocation` for documents, analytics and the audit log, so a delete made in SQL (a
-- repair) must keep allocated_amount equal to the sum of active allocations like an insert or update does.
-- Same function as in 0001 with the column named in every branch; the triggers already call it by name.
create or replace function allocation_after_change() returns trigger language plpgsql as $$
declare
  -- +amount for each allocation that became active, -amount for each that stopped being active.
  deltas text := case tg_op
    when 'INSERT' then
      'select invoice_id, payment_id, credit_note_id, amount as delta from new_rows where reversed_on is null'
    when 'DELETE' then
      'select invoice_id, payment_id, credit_note_id, -amount as delta from old_rows where reversed_on is null'
    else
      'select invoice_id, payment_id, credit_note_id, amount as delta from new_rows where reversed_on is null
       union all
       select invoice_id, payment_id, credit_note_id, -amount as delta from old_rows where reversed_on is null'
  end;
  doc record;
begin
  for doc in select * from (values ('invoice', 'invoice_id'), ('payment', 'payment_id'),
                                   ('credit_note', 'credit_note_id')) as t(tbl, col) loop
    execute format(
      'with d as (%s)
       update %I t set allocated_amount = t.allocated_amount + x.delta, updated_at = now()
       from (select %I as id, sum(delta)::bigint as delta from d where %I is not null group by 1) x
       where t.id = x.id and x.delta <> 0',
      deltas, doc.tbl, doc.col, doc.col);
  end loop;
  return null;
end $$;
