import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, msg, notFound } from '../../platform/errors';
import { type ContactInput, checkContactInput } from './contact-input';
import {
  type Contact,
  clearOtherPrimaries,
  contactNameTaken,
  selectContact,
  updateContactRow,
} from './contact-queries';

export async function updateContact(
  db: Db,
  actor: Actor,
  input: { id: number; changes: ContactInput },
): Promise<Contact> {
  assertCan(actor, 'ledger:write');
  return inTransaction(db, actor, async (tx) => {
    const current = await selectContact(tx, actor, input.id);
    if (!current) throw notFound('Contact', input.id);
    const values = checkContactInput(input.changes, 'update', current.channels);
    if (values.name && (await contactNameTaken(tx, current.customerId, values.name, current.id))) {
      throw conflict(msg('contactNameTaken', { name: values.name }));
    }
    if (Object.keys(values).length > 0) await updateContactRow(tx, current.id, values);
    if (values.isPrimary) await clearOtherPrimaries(tx, current.customerId, current.id);
    return (await selectContact(tx, actor, current.id)) as Contact;
  });
}
