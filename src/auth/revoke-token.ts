import { type Actor, can } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { notFound } from '../platform/errors';
import { markTokenRevoked, selectTokens } from './token-queries';
import { type TokenView, toTokenView } from './token-view';

/** Revokes a token at once. Someone else's token is "not found" unless you are an administrator. */
export async function revokeToken(db: Db, actor: Actor, input: { id: number }): Promise<TokenView> {
  const [row] = await selectTokens(db, { id: input.id });
  if (!row || (row.user_id !== actor.userId && !can(actor, 'admin'))) throw notFound('Token', input.id);
  await inTransaction(db, actor, (tx) => markTokenRevoked(tx, input.id));
  const [after] = await selectTokens(db, { id: input.id });
  return toTokenView(after);
}
