// Collections' own tables as the promises and disputes imports read them: the case a promise attaches to,
// and the natural keys that make a re-import create nothing twice.
import type { Tx } from '../../platform/db/store';
import type { DISPUTE_REASONS } from '../disputes/dispute-dto';

/** The customer's open case in the entity (one at most: collection_case_open). */
export async function selectOpenCaseId(tx: Tx, customerId: number, entityId: number): Promise<number | null> {
  const row = await tx
    .selectFrom('collection_case')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('entity_id', '=', entityId)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A promise with this customer, entity, due date, amount and currency was recorded (whatever became of it). */
export async function promiseExists(
  tx: Tx,
  key: { customerId: number; entityId: number; dueOn: string; amount: number; currency: string },
): Promise<boolean> {
  const row = await tx
    .selectFrom('promise')
    .select('id')
    .where('customer_id', '=', key.customerId)
    .where('entity_id', '=', key.entityId)
    .where('due_on', '=', key.dueOn)
    .where('amount', '=', key.amount)
    .where('currency', '=', key.currency)
    .executeTakeFirst();
  return row !== undefined;
}

/** A dispute of this invoice for this reason was raised on this day (open or resolved). */
export async function disputeExists(
  tx: Tx,
  key: { invoiceId: number; reasonCode: (typeof DISPUTE_REASONS)[number]; raisedOn: string },
): Promise<boolean> {
  const row = await tx
    .selectFrom('invoice_dispute')
    .select('id')
    .where('invoice_id', '=', key.invoiceId)
    .where('reason_code', '=', key.reasonCode)
    .where('raised_on', '=', key.raisedOn)
    .executeTakeFirst();
  return row !== undefined;
}
