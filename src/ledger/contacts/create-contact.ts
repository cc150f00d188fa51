import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, msg, notFound } from '../../platform/errors';
import { customerIsVisible } from '../customers/customer-queries';
import { type ContactInput, checkContactInput } from './contact-input';
import {
  type Contact,
  clearOtherPrimaries,
  contactNameTaken,
  insertContact,
  selectContact,
} from './contact-queries';

export async function createContact(
  db: Db,
  actor: Actor,
  input: { customerId: number; contact: ContactInput },
): Promise<Contact> {
  assertCan(actor, 'ledger:write');
  const values = checkContactInput(input.contact, 'create');
  return inTransaction(db, actor, async (tx) => {
    if (!(await customerIsVisible(tx, actor, input.customerId))) throw notFound('Customer', input.customerId);
    if (await contactNameTaken(tx, input.customerId, values.name as string)) {
      throw conflict(msg('contactNameTaken', { name: String(values.name) }));
    }
    const id = await insertContact(tx, input.customerId, values);
    if (values.isPrimary) await clearOtherPrimaries(tx, input.customerId, id);
    return (await selectContact(tx, actor, id)) as Contact;
  });
}
