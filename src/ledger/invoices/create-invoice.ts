// Records an invoice (应收单) by hand or from the API; imports load in bulk elsewhere. The entity and the
// customer may be named by id or by code, and must both be visible to the actor.
import { type Actor, assertCan, rowVisible } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, msg } from '../../platform/errors';
import { normalizeCode } from '../../shared/text';
import { currencyExists, findEntity } from '../reference/reference-queries';
import { getInvoice } from './get-invoice';
import type { InvoiceDetail } from './invoice-dto';
import { type CreateInvoiceInput, checkCreateInvoice, defaultDueDate } from './invoice-input';
import { insertInvoice, invoiceNumberTaken } from './invoice-write-queries';

async function findCustomer(tx: Tx, actor: Actor, input: CreateInvoiceInput) {
  let query = tx
    .selectFrom('customer')
    .select(['customer.id', 'customer.payment_terms_days as paymentTermsDays'])
    .where(rowVisible(actor, { customer: 'customer.id', entity: null }));
  if (input.customerId !== undefined) query = query.where('customer.id', '=', input.customerId);
  if (input.customerCode) query = query.where('customer.code', '=', normalizeCode(input.customerCode));
  return query.executeTakeFirst();
}

export async function createInvoice(
  db: Db,
  actor: Actor,
  input: { invoice: CreateInvoiceInput; today: string },
): Promise<InvoiceDetail> {
  assertCan(actor, 'ledger:write');
  const { values, checks } = checkCreateInvoice(input.invoice);
  checks.throwIfAny('invoice');
  const given = input.invoice;
  const taken = (entityCode: string) =>
    conflict(msg('invoiceNumberTaken', { number: values.number, entity: entityCode }));
  let entityCode = '';
  try {
    return await inTransaction(db, actor, async (tx) => {
      const entity = await findEntity(tx, actor, { id: given.entityId, code: given.entityCode?.trim() });
      const customer = await findCustomer(tx, actor, given);
      if (!entity)
        checks.add(
          given.entityId !== undefined ? 'entityId' : 'entityCode',
          given.entityId ?? given.entityCode,
          'no such entity',
        );
      if (!customer) {
        checks.add(
          given.customerId !== undefined ? 'customerId' : 'customerCode',
          given.customerId ?? given.customerCode,
          'no such customer',
        );
      }
      if (!(await currencyExists(tx, values.currency)))
        checks.add('currency', values.currency, 'is not a known currency');
      const dueDate =
        values.dueDate ?? (customer ? defaultDueDate(values.issueDate, customer.paymentTermsDays) : null);
      if (customer && !dueDate) {
        checks.add('dueDate', null, 'is required (the customer has no payment terms to derive it from)');
      }
      if (dueDate && dueDate < values.issueDate)
        checks.add('dueDate', dueDate, 'must not be before issueDate');
      checks.throwIfAny('invoice');
      if (!entity || !customer || !dueDate) throw new Error('unreachable: checked above');
      entityCode = entity.code;
      if (await invoiceNumberTaken(tx, entity.id, values.number)) throw taken(entity.code);
      const id = await insertInvoice(tx, {
        ...values,
        dueDate,
        entityId: entity.id,
        customerId: customer.id,
      });
      return getInvoice(tx, actor, { id, today: input.today });
    });
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    if (e?.code === '23505' && e.constraint === 'invoice_entity_id_number_key') throw taken(entityCode);
    throw error;
  }
}
