import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import { customerIsVisible } from '../customers/customer-queries';
import { type Contact, selectContacts } from './contact-queries';

export async function listContacts(
  db: Db,
  actor: Actor,
  input: { customerId: number },
): Promise<{ items: Contact[] }> {
  assertCan(actor, 'ledger:read');
  if (!(await customerIsVisible(db, actor, input.customerId))) throw notFound('Customer', input.customerId);
  return { items: await selectContacts(db, actor, [input.customerId]) };
}
