-- A payment plan proposed beyond the proposer's authority waits for approval ('pending') and holds nothing
-- until approved; a rejected (or withdrawn, expired) proposal is 'rejected' and never becomes active.
alter table payment_plan drop constraint payment_plan_status_check;
alter table payment_plan add constraint payment_plan_status_check
  check (status in ('pending', 'active', 'completed', 'defaulted', 'cancelled', 'rejected'));
