-- The collections tables on the audit log, like the ledger (0002) and the analytics settings (0003): who
-- changed a strategy or its assignment rules, paused a case or handed it to another collector, recorded a
-- promise or a payment plan, completed a task, placed or released a credit hold.
--
-- The engine writes most of these rows, in bulk. Its transactions record each statement as one summary
-- entry (row count and digest, src/collections/engine/engine-transaction.ts); people's changes keep their
-- before/after images. The engine's own bookkeeping (engine_run, step_firing, outbox) and the job queue are
-- not audited: they are append-mostly records of what the engine did, derived from the tables below.
select audit_enable('strategy');
select audit_enable('strategy_rule');
select audit_enable('customer_strategy');
select audit_enable('collection_case');
select audit_enable('task');
select audit_enable('promise');
select audit_enable('payment_plan');
select audit_enable('payment_plan_installment');
select audit_enable('credit_hold');
