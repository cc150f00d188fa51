import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { conflict, msg, notFound } from '../../platform/errors';
import { deleteContactRow, selectContact } from './contact-queries';

export async function deleteContact(db: Db, actor: Actor, input: { id: number }): Promise<void> {
  assertCan(actor, 'ledger:write');
  try {
    await inTransaction(db, actor, async (tx) => {
      const current = await selectContact(tx, actor, input.id);
      if (!current) throw notFound('Contact', input.id);
      await deleteContactRow(tx, current.id);
    });
  } catch (error) {
    // Records of contacts must be kept (催记 history refers to them): refuse rather than lose the history.
    if ((error as { code?: string }).code === '23503') {
      throw conflict(msg('contactReferenced', { id: input.id }));
    }
    throw error;
  }
}
