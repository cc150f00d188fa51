// SQL of invoice_dispute (0039): scoped by rowVisible on its customer and entity like every read and write.
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';

export function disputeQuery(db: Db | Tx, actor: Actor) {
  return db
    .selectFrom('invoice_dispute as d')
    .innerJoin('invoice as i', 'i.id', 'd.invoice_id')
    .leftJoin('app_user as o', 'o.id', 'd.owner_user_id')
    .select([
      'd.id',
      'd.invoice_id',
      'i.number as invoice_number',
      'd.customer_id',
      'd.entity_id',
      'd.amount',
      'd.currency',
      'd.reason_code',
      'd.note',
      'd.owner_department',
      'd.owner_user_id',
      'o.display_name as owner_name',
      'd.due_on',
      'd.status',
      'd.resolution_code',
      'd.resolution_note',
      'd.credit_note_id',
      'd.raised_on',
      'd.raised_by',
      'd.resolved_on',
    ])
    .where(rowVisible(actor, { customer: 'd.customer_id', entity: 'd.entity_id' }));
}

export type DisputeRow = Awaited<ReturnType<ReturnType<typeof disputeQuery>['executeTakeFirstOrThrow']>>;

/** Disputed amount of the invoice's disputes not yet resolved. */
export async function openDisputedAmount(tx: Tx, invoiceId: number, exceptId?: number): Promise<number> {
  let query = tx
    .selectFrom('invoice_dispute')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount'), eb.lit(0)).as('total'))
    .where('invoice_id', '=', invoiceId)
    .where('status', '<>', 'resolved');
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.total);
}
