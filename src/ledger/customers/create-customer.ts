// Creates a customer (新建客户). The code is the natural key ERP imports match on.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, msg } from '../../platform/errors';
import type { CustomerDetail } from './customer-dto';
import { type CustomerInput, checkCustomerInput } from './customer-input';
import { checkCustomerReferences, isCodeConflict } from './customer-references';
import { customerCodeTaken, insertCustomer } from './customer-write-queries';
import { getCustomer } from './get-customer';

export async function createCustomer(
  db: Db,
  actor: Actor,
  input: { customer: CustomerInput; today: string },
): Promise<CustomerDetail> {
  assertCan(actor, 'ledger:write');
  const values = checkCustomerInput(input.customer, 'create');
  const taken = () => conflict(msg('customerCodeTaken', { code: String(values.code) }));
  try {
    return await inTransaction(db, actor, async (tx) => {
      if (await customerCodeTaken(tx, values.code as string)) throw taken();
      await checkCustomerReferences(tx, actor, values);
      const id = await insertCustomer(tx, values);
      // Read back as the system: a user may create a customer assigned to someone else.
      return getCustomer(tx, { ...actor, customerScope: null }, { id, today: input.today });
    });
  } catch (error) {
    if (isCodeConflict(error)) throw taken();
    throw error;
  }
}
