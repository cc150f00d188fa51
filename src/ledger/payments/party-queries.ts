// Finding the selling entity and customer a payment or credit note belongs to, by id or by code, within
// what the actor may see. Shared by payments and credit notes.
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { invalid, msg, notFound } from '../../platform/errors';
import { MESSAGES } from '../../shared/messages';

export interface PartyRef {
  entityId?: number;
  entityCode?: string;
  customerId?: number;
  customerCode?: string;
}

/**
 * The entity named by id or code. Without one: the only entity, or else the only entity the customer
 * (when known) has invoices with — most companies sell to a customer from one entity.
 */
export async function resolveEntity(db: Db | Tx, actor: Actor, ref: PartyRef, customerId?: number) {
  let query = db
    .selectFrom('entity')
    .select(['id', 'code', 'base_currency'])
    .where(rowVisible(actor, { customer: null, entity: 'entity.id' }));
  if (ref.entityId !== undefined) query = query.where('id', '=', ref.entityId);
  else if (ref.entityCode !== undefined) query = query.where('code', '=', ref.entityCode.trim());
  else {
    const all = await query.limit(2).execute();
    if (all.length === 1) return all[0];
    if (all.length > 1 && customerId !== undefined) {
      const used = await query
        .where('id', 'in', (eb) =>
          eb.selectFrom('invoice').select('invoice.entity_id').where('invoice.customer_id', '=', customerId),
        )
        .limit(2)
        .execute();
      if (used.length === 1) return used[0];
    }
    const why = all.length === 0 ? 'noEntityYet' : 'severalEntities';
    throw invalid(msg('entityRequired'), [{ field: 'entityCode', reason: MESSAGES[why].en, code: why }]);
  }
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Entity', ref.entityId ?? ref.entityCode ?? '');
  return row;
}

export async function resolveCustomer(db: Db | Tx, actor: Actor, ref: PartyRef) {
  let query = db
    .selectFrom('customer')
    .select(['id', 'code', 'name'])
    .where(rowVisible(actor, { customer: 'customer.id', entity: null }));
  if (ref.customerId !== undefined) query = query.where('id', '=', ref.customerId);
  else if (ref.customerCode !== undefined) query = query.where('code', '=', ref.customerCode.trim());
  else throw invalid(msg('customerRequired'), [{ field: 'customerCode', reason: 'required' }]);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Customer', ref.customerId ?? ref.customerCode ?? '');
  return row;
}

export async function assertCurrency(db: Db | Tx, currency: string): Promise<void> {
  const row = await db.selectFrom('currency').select('code').where('code', '=', currency).executeTakeFirst();
  if (!row)
    throw invalid(msg('unknownCurrency', { currency }), [
      { field: 'currency', value: currency, reason: 'unknown currency' },
    ]);
}
