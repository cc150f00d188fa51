// Customer detail (客户详情): the list fields plus parent, attributes, contacts, oldest overdue days and
// the last payment date, read in one statement. Invisible and missing customers are both "not found", so
// scoping leaks nothing.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import { type CustomerDetail, toCustomerDetail } from './customer-dto';
import { selectCustomerDetail, selectCustomerIdByCode } from './customer-queries';

export async function getCustomer(
  db: Db | Tx,
  actor: Actor,
  input: { id: number; today: string },
): Promise<CustomerDetail> {
  assertCan(actor, 'ledger:read');
  const row = await selectCustomerDetail(db, actor, input.id, input.today);
  if (!row) throw notFound('Customer', input.id);
  return toCustomerDetail(row, row, input.today);
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
