import { type Actor, can } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { AppError, msg } from '../platform/errors';
import { selectTokens } from './token-queries';
import { type TokenView, toTokenView } from './token-view';

/** Own tokens; an administrator may list another user's (`userId`) or everyone's (`all`). */
export async function listTokens(
  db: Db,
  actor: Actor,
  input: { userId?: number; all?: boolean },
): Promise<TokenView[]> {
  const others = input.all || (input.userId !== undefined && input.userId !== actor.userId);
  if (others && !can(actor, 'admin')) throw new AppError('FORBIDDEN', msg('tokensOfOthers'));
  const userId = input.all ? undefined : (input.userId ?? actor.userId ?? undefined);
  if (userId === undefined && !input.all) return [];
  const rows = await selectTokens(db, { userId });
  return rows.map(toTokenView);
}
