-- The days-in-stage clock of a collection case survives leaving a stage (see StageClock in
-- src/collections/engine/case-state.ts). Without it, a case whose anchor invoice moved away and back (a
-- dispute raised and withdrawn the next day) restarted the stage and fired its steps again, because the
-- occurrences of days-in-stage steps were named after the day the current stay began.
--
-- Per stage the case has left: {"strong": {"first": "2026-03-01", "days": 9}} — the day it first entered
-- the stage (which names the stage's occurrences from now on) and the days it spent there. Empty for every
-- existing case, which keeps the names of the occurrences that already fired: a stage never left still
-- starts at stage_since, as before.
alter table collection_case add column stage_clock jsonb not null default '{}'::jsonb;
