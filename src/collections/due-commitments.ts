// The "promise due" event (DOMAIN: the engine runs on events — payment, promise due, dispute resolved).
// Payments, disputes and credit holds change the ledger, whose triggers mark the customer in
// collection_dirty and queue an incremental cycle. A promise (or plan installment) whose last day passes
// changes nothing in the ledger: left alone it waits for the next full cycle. This job, scheduled just after
// the business date changes, marks the customers with a promise or installment still open after its date
// plus the strategy's grace days and queues the incremental cycle, which settles it (kept or broken) and
// fires a broken promise's steps at once ("act fast on a broken promise").
//
// Idempotent and safe with several workers: a mark is a row per customer (on conflict do nothing), the
// incremental cycle is queued under its dedupe key, and a commitment once settled is no longer open.
import { sql } from 'kysely';
import { enqueueJob } from '../jobs/job-queries';
import { SYSTEM_ACTOR } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';

export interface DueCommitments {
  asOf: string;
  /** Customers with a promise or installment to settle. */
  customers: number;
  promises: number;
  installments: number;
  /** The incremental cycle queued (or the one already queued); null when nothing fell due. */
  jobId: number | null;
}

/**
 * Marks the customers whose open promises or installments are past their date plus grace as of `asOf`
 * (the grace days of the strategy the case follows, as the engine's sync counts them).
 */
export async function markDueCommitments(db: Db, asOf: string): Promise<DueCommitments> {
  return inTransaction(db, SYSTEM_ACTOR, async (tx) => {
    const due = await sql<{ customer_id: number; promises: number; installments: number }>`
      with due as (
        select p.customer_id, 1 as promise, 0 as installment
        from promise p
        join collection_case k on k.id = p.case_id and k.closed_on is null
        left join strategy st on st.id = k.strategy_id
        where p.status = 'open'
          and p.due_on + coalesce((st.settings->>'promiseGraceDays')::int, 2) < ${asOf}::date
        union all
        select pp.customer_id, 0, 1
        from payment_plan pp
        join payment_plan_installment pi on pi.plan_id = pp.id and pi.status = 'open'
        join collection_case k on k.id = pp.case_id and k.closed_on is null
        left join strategy st on st.id = k.strategy_id
        where pp.status = 'active'
          and pi.due_on + coalesce((st.settings->>'installmentGraceDays')::int, 2) < ${asOf}::date
      ), customers as (
        select customer_id, sum(promise)::int as promises, sum(installment)::int as installments
        from due group by customer_id
      ), marked as (
        insert into collection_dirty (customer_id) select customer_id from customers
        on conflict (customer_id) do nothing
      )
      select customer_id, promises, installments from customers order by customer_id`.execute(tx);
    const jobId =
      due.rows.length > 0
        ? await enqueueJob(tx, { kind: 'collections.incremental', dedupeKey: 'collections.incremental' })
        : null;
    return {
      asOf,
      customers: due.rows.length,
      promises: due.rows.reduce((n, r) => n + r.promises, 0),
      installments: due.rows.reduce((n, r) => n + r.installments, 0),
      jobId,
    };
  });
}
