// Contacts (联系人) of a customer. Scoped through the customer: a contact is visible when its customer is.
import { type Actor, rowVisible } from '../../platform/auth/actor';
import type { ContactChannels, ContactRole } from '../../platform/db/schema';
import type { Db, Tx } from '../../platform/db/store';

export interface Contact {
  id: number;
  customerId: number;
  name: string;
  role: ContactRole;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  channels: { email: boolean; sms: boolean; phone: boolean; letter: boolean };
  doNotContact: boolean;
  preferredHours: string | null;
  language: string | null;
  isPrimary: boolean;
}

/** The contact's columns, as written by create/update. */
export interface ContactValues {
  name?: string;
  role?: ContactRole;
  title?: string | null;
  phone?: string | null;
  mobile?: string | null;
  email?: string | null;
  wechat?: string | null;
  channels?: ContactChannels;
  doNotContact?: boolean;
  preferredHours?: string | null;
  language?: string | null;
  isPrimary?: boolean;
}

const columns = [
  'contact.id',
  'contact.customer_id as customerId',
  'contact.name',
  'contact.role',
  'contact.title',
  'contact.phone',
  'contact.mobile',
  'contact.email',
  'contact.wechat',
  'contact.channels',
  'contact.do_not_contact as doNotContact',
  'contact.preferred_hours as preferredHours',
  'contact.language',
  'contact.is_primary as isPrimary',
] as const;

export type ContactRow = Omit<Contact, 'channels'> & { channels: ContactChannels };

/** Missing channel flags mean consent, as the column default says. */
export function toContact(row: ContactRow): Contact {
  const c = row.channels ?? {};
  return {
    ...row,
    channels: {
      email: c.email !== false,
      sms: c.sms !== false,
      phone: c.phone !== false,
      letter: c.letter !== false,
    },
  };
}

export async function selectContacts(db: Db | Tx, actor: Actor, customerIds: number[]): Promise<Contact[]> {
  if (customerIds.length === 0) return [];
  const rows = await contactsQuery(db, actor, customerIds).execute();
  return rows.map(toContact);
}

/** The statement of selectContacts (for a non-empty list), rows before toContact, to run inside another. */
export function contactsQuery(db: Db | Tx, actor: Actor, customerIds: number[]) {
  return db
    .selectFrom('contact')
    .select(columns)
    .where('contact.customer_id', 'in', customerIds)
    .where(rowVisible(actor, { customer: 'contact.customer_id', entity: null }))
    .orderBy('contact.customer_id')
    .orderBy('contact.is_primary', 'desc')
    .orderBy('contact.name')
    .orderBy('contact.id');
}

export async function selectContact(db: Db | Tx, actor: Actor, id: number): Promise<Contact | null> {
  const row = await db
    .selectFrom('contact')
    .select(columns)
    .where('contact.id', '=', id)
    .where(rowVisible(actor, { customer: 'contact.customer_id', entity: null }))
    .executeTakeFirst();
  return row ? toContact(row) : null;
}

function toColumns(values: ContactValues) {
  return {
    name: values.name,
    role: values.role,
    title: values.title,
    phone: values.phone,
    mobile: values.mobile,
    email: values.email,
    wechat: values.wechat,
    channels: values.channels === undefined ? undefined : JSON.stringify(values.channels),
    do_not_contact: values.doNotContact,
    preferred_hours: values.preferredHours,
    language: values.language,
    is_primary: values.isPrimary,
  };
}

export async function insertContact(tx: Tx, customerId: number, values: ContactValues): Promise<number> {
  const row = await tx
    .insertInto('contact')
    .values({ ...toColumns(values), customer_id: customerId, name: values.name as string })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateContactRow(tx: Tx, id: number, values: ContactValues): Promise<void> {
  await tx
    .updateTable('contact')
    .set({ ...toColumns(values), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** One primary contact per customer: marking one primary clears the others. */
export async function clearOtherPrimaries(tx: Tx, customerId: number, keepId: number): Promise<void> {
  await tx
    .updateTable('contact')
    .set({ is_primary: false, updated_at: new Date() })
    .where('customer_id', '=', customerId)
    .where('id', '<>', keepId)
    .where('is_primary', '=', true)
    .execute();
}

export async function deleteContactRow(tx: Tx, id: number): Promise<void> {
  await tx.deleteFrom('contact').where('id', '=', id).execute();
}

export async function contactNameTaken(
  db: Db | Tx,
  customerId: number,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db
    .selectFrom('contact')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
