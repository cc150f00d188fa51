// Customer detail (客户详情): the list fields plus parent, attributes, contacts, oldest overdue days and
// the last payment date. Invisible and missing customers are both "not found", so scoping leaks nothing.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import { selectContacts } from '../contacts/contact-queries';
import { selectBalances, selectUnapplied } from './balance-queries';
import { type CustomerDetail, toCustomerDetail } from './customer-dto';
import { selectCustomerById, selectCustomerIdByCode, selectLastPaymentDate } from './customer-queries';

export async function getCustomer(
  db: Db | Tx,
  actor: Actor,
  input: { id: number; today: string },
): Promise<CustomerDetail> {
  assertCan(actor, 'ledger:read');
  const row = await selectCustomerById(db, actor, input.id);
  if (!row) throw notFound('Customer', input.id);
  const ids = [row.id];
  const [balances, unapplied, contacts, lastPaymentDate] = await Promise.all([
    selectBalances(db, actor, ids, input.today),
    selectUnapplied(db, actor, ids),
    selectContacts(db, actor, ids),
    selectLastPaymentDate(db, actor, row.id),
  ]);
  return toCustomerDetail(row, { balances, unapplied, contacts, lastPaymentDate }, input.today);
}

/** The CLI and imports name customers by code. */
export async function getCustomerByCode(
  db: Db,
  actor: Actor,
  input: { code: string; today: string },
): Promise<CustomerDetail> {
  assertCan(actor, 'ledger:read');
  const id = await selectCustomerIdByCode(db, actor, input.code.trim());
  if (id === null) throw notFound('Customer', input.code);
  return getCustomer(db, actor, { id, today: input.today });
}
