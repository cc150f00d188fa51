// A person put a case on hold (paused it, recorded a promise or a payment plan, handed it to legal or an
// agency): its messages still queued are cancelled in the same transaction, with the reason in
// outbox.error, so no "please pay" reaches a customer who has just promised to pay. Cancelled rather than
// kept for later: when the hold ends a later step speaks again, rendered with the invoices as they are then
// (the reasoning is in src/collections/engine/consolidate-messages.ts; the engine's sync sweeps held cases
// again on every cycle, for whatever did not come through here).
import { sql } from 'kysely';
import type { Tx } from '../../platform/db/store';
import { HELD_BACK } from '../engine/consolidate-messages';

export type HoldKind = keyof typeof HELD_BACK;

/**
 * Call after the transaction's first write to an audited table (the case, the promise, the plan): that write
 * takes the audit chain head, which an engine batch takes before it locks outbox rows, so the outbox rows
 * are locked here in the same order.
 */
export async function holdBackMessages(tx: Tx, caseId: number, kind: HoldKind): Promise<void> {
  await sql`update outbox set status = 'cancelled', error = ${HELD_BACK[kind]}
            where case_id = ${caseId} and status = 'queued'`.execute(tx);
}
