-- A credit hold is an event for the collections engine (a person or the credit module stopped supply: the
-- case is evaluated again), but not the hold the engine itself places as a strategy step: marking those
-- customers made every cycle that placed holds queue an incremental cycle re-evaluating the same cases for
-- nothing. The engine's transactions say who they are with the transaction-local setting
-- huikuan.collections_engine (src/collections/engine/engine-transaction.ts); the credit_hold triggers
-- skip those statements. The invoice triggers are unchanged (the engine changes no invoice).
drop trigger credit_hold_collections_insert on credit_hold;
drop trigger credit_hold_collections_update on credit_hold;
create trigger credit_hold_collections_insert after insert on credit_hold
  referencing new table as new_rows for each statement
  when (current_setting('huikuan.collections_engine', true) is distinct from 'on')
  execute function collections_mark_dirty();
create trigger credit_hold_collections_update after update on credit_hold
  referencing new table as new_rows for each statement
  when (current_setting('huikuan.collections_engine', true) is distinct from 'on')
  execute function collections_mark_dirty();
