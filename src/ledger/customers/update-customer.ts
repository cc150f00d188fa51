// Changes a customer's fields (PATCH): only the fields given change.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, msg, notFound } from '../../platform/errors';
import type { CustomerDetail } from './customer-dto';
import { type CustomerInput, checkCustomerInput } from './customer-input';
import { customerIsVisible } from './customer-queries';
import { checkCustomerReferences, isCodeConflict } from './customer-references';
import { customerCodeTaken, updateCustomerRow } from './customer-write-queries';
import { getCustomer } from './get-customer';

export async function updateCustomer(
  db: Db,
  actor: Actor,
  input: { id: number; changes: CustomerInput; today: string },
): Promise<CustomerDetail> {
  assertCan(actor, 'ledger:write');
  const values = checkCustomerInput(input.changes, 'update');
  const taken = () => conflict(msg('customerCodeTaken', { code: String(values.code) }));
  try {
    return await inTransaction(db, actor, async (tx) => {
      if (!(await customerIsVisible(tx, actor, input.id))) throw notFound('Customer', input.id);
      if (values.code !== undefined && (await customerCodeTaken(tx, values.code, input.id))) throw taken();
      await checkCustomerReferences(tx, actor, values, input.id);
      if (Object.keys(values).length > 0) await updateCustomerRow(tx, input.id, values);
      // Reassigning the collector may take the customer out of the actor's scope; still show the result.
      return getCustomer(tx, { ...actor, customerScope: null }, { id: input.id, today: input.today });
    });
  } catch (error) {
    if (isCodeConflict(error)) throw taken();
    throw error;
  }
}
