-- Credit holds the engine places are released by the engine when their reason is gone (issue 15): the case
-- closed (everything paid, credited or written off) or it is back under the rules that placed the hold (its
-- stage fell below the stage of the step that placed it). Who or what released it is recorded:
--   released_by      the user, when a person released it;
--   released_reason  a message code (src/shared/messages) saying why, e.g. creditHoldReleasedCaseClosed;
--   placed_stage     the stage of the step that placed it (null: placed before this column, or by a person).
alter table credit_hold add column released_reason text;
alter table credit_hold add column placed_stage text
  check (placed_stage is null or placed_stage in ('reminder', 'early', 'strong'));
alter table credit_hold add constraint credit_hold_released_when_released
  check (status = 'released' or (released_on is null and released_reason is null));

-- The last day the engine evaluated the case, never cleared (evaluated_on is cleared to ask for another
-- evaluation). Steps that fell due since then and will not fire are recorded as skipped with the reason
-- (a pre-due reminder due on a Saturday the engine did not run: the case was overdue on Monday).
alter table collection_case add column seen_on date;
update collection_case set seen_on = evaluated_on;
