-- A promise to pay becomes kept, partly kept or broken from the payments (DOMAIN, the collector's work).
-- 'partial': by its date plus grace part of the amount was paid, not all of it. Like a broken promise it
-- fires the strategy's broken-promise steps (the rest is still unpaid), but it is counted apart.
alter table promise drop constraint promise_status_check;
alter table promise add constraint promise_status_check
  check (status in ('open', 'kept', 'partial', 'broken', 'cancelled'));

-- A promise whose payment closed the case was marked 'cancelled' (the case was closed before its promises
-- were settled). Settled now as the engine settles them on closing (settleClosedPromises in
-- src/collections/engine/sync-cases.ts): payments since the promise, in its currency, on the case's
-- invoices, up to the day it closed; kept if they reached the amount or closed the case by themselves within
-- the promise's date plus grace, partly kept if something was paid otherwise. Nothing paid: still cancelled.
with p as (
  select p.id, p.amount, p.resolved_on, p.due_on + coalesce((st.settings->>'promiseGraceDays')::int, 2) as last_day,
         coalesce(sum(a.amount) filter (where a.write_off_id is null
           and a.effective_on <= p.due_on + coalesce((st.settings->>'promiseGraceDays')::int, 2)), 0)::bigint as paid,
         coalesce(bool_or(a.write_off_id is not null), false) as written_off
  from promise p
  join collection_case k on k.id = p.case_id
  left join strategy st on st.id = k.strategy_id
  left join invoice i on i.customer_id = p.customer_id and i.entity_id = p.entity_id and i.currency = p.currency
  left join allocation a on a.invoice_id = i.id and a.reversed_on is null
    and a.effective_on >= p.promised_on and a.effective_on <= k.closed_on
  where p.status = 'cancelled' and k.closed_on is not null and p.resolved_on = k.closed_on
  group by p.id, p.amount, p.resolved_on, p.due_on, st.settings
)
update promise set paid_amount = p.paid,
  status = case when p.paid >= p.amount then 'kept'
                when p.last_day < p.resolved_on then 'partial'
                when not p.written_off then 'kept'
                else 'partial' end
from p where promise.id = p.id and p.paid > 0;
