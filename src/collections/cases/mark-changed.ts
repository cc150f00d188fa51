// A person changed something the engine decides on (pause, promise, plan, collector): mark the customer so
// the incremental cycle evaluates the case again soon, and make sure that cycle is queued.
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/store';

export async function markCustomerChanged(tx: Tx, customerId: number): Promise<void> {
  await sql`insert into collection_dirty (customer_id) values (${customerId}) on conflict do nothing`.execute(
    tx,
  );
  await sql`update collection_case set evaluated_on = null where customer_id = ${customerId} and closed_on is null`.execute(
    tx,
  );
  await sql`insert into job (kind, dedupe_key, run_at)
            values ('collections.incremental', 'collections.incremental', now() + interval '2 seconds')
            on conflict (dedupe_key) where status = 'queued' and dedupe_key is not null do nothing`.execute(
    tx,
  );
}
