-- Re-evaluation when what the engine decides by changes (issue 11, "collections that actually run").
--
-- The engine evaluates each open case once per date; a strategy turned on or off, a strategy version
-- activated, the rule list replaced or a manager's "run engine now" did not reach the cases already evaluated
-- that day. One counter now names the generation of the strategy set: every such change adds one (in the
-- same transaction as the change), and a case whose evaluated_generation is older than the counter is due
-- for evaluation now, whatever its evaluated_on. Re-evaluating is idempotent: firings, messages and tasks
-- are keyed (step_firing unique, the day's message rendered again), so nothing is sent twice.
create table collections_generation (
  id boolean primary key default true check (id),
  generation bigint not null default 0
);
insert into collections_generation default values;

-- The generation of the strategy set the case was last evaluated under (0: before this migration; every
-- case is current until the first change).
alter table collection_case add column evaluated_generation bigint not null default 0;

-- The day the case's current strategy (by name) first reached it: the engine evaluated it under that
-- strategy. A time step that fell due before then could not fire on its day (an old debt imported, a
-- strategy activated late); catch-up treats that time like a hold (src/collections/engine/evaluate.ts).
-- Null: no strategy yet, set by the next evaluation under one. Existing cases take the day of their first
-- firing, the earliest day known to have been under a strategy (null if none fired: they catch up next).
alter table collection_case add column strategy_since date;
update collection_case k set strategy_since = (select min(f.fired_on) from step_firing f where f.case_id = k.id)
where k.strategy_name is not null;
