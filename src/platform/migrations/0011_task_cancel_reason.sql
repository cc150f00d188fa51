-- Why the engine cancelled a worklist task, kept apart from `outcome` (what came of the work a person did:
-- a call's result, a person's note on cancelling). The engine cancels the tasks it made (step_key set) when
-- there is nothing left for them to do (src/collections/engine/sync-cases.ts):
--   'case_closed'   the case closed: none of its invoices is open any more;
--   'invoices_paid' every invoice the task names (payload.invoices) is paid, though the case stays open.
-- Tasks a person made (no step_key) are never cancelled by the engine. A task opened again loses its reason.
alter table task add column cancel_reason text;
alter table task add constraint task_cancel_reason_when_cancelled
  check (cancel_reason is null or status = 'cancelled');
