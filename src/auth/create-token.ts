// Issues a personal API token. The token is shown once, in this answer; only its SHA-256 is stored. A user
// makes tokens for themselves; an administrator (or the local CLI) may make one for another user.
import { type Actor, can } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { AppError, type FieldProblem, invalid, msg, notFound } from '../platform/errors';
import { newApiToken, sha256Hex } from './secrets';
import { insertToken, selectTokens } from './token-queries';
import { type TokenView, toTokenView } from './token-view';
import { findUserById } from './user-queries';

export interface CreateTokenInput {
  /** Defaults to the acting user. */
  userId?: number;
  name: string;
  scope: 'read' | 'write';
  expiresInDays?: number;
}

export async function createToken(
  db: Db,
  actor: Actor,
  input: CreateTokenInput,
): Promise<TokenView & { token: string }> {
  const userId = input.userId ?? actor.userId;
  if (userId === null) throw invalid(msg('tokenForWhom'), [{ field: 'userId', reason: 'required' }]);
  if (userId !== actor.userId && !can(actor, 'admin')) {
    throw new AppError('FORBIDDEN', msg('tokenForOthers'));
  }
  const problems: FieldProblem[] = [];
  const name = input.name.trim();
  if (name.length < 1 || name.length > 100)
    problems.push({ field: 'name', reason: 'must be 1–100 characters' });
  if (!['read', 'write'].includes(input.scope))
    problems.push({ field: 'scope', value: input.scope, reason: 'read or write' });
  if (
    input.expiresInDays !== undefined &&
    !(Number.isInteger(input.expiresInDays) && input.expiresInDays >= 1 && input.expiresInDays <= 3650)
  ) {
    problems.push({
      field: 'expiresInDays',
      value: String(input.expiresInDays),
      reason: 'whole days, 1–3650',
    });
  }
  if (problems.length) throw invalid(msg('tokenCannotBeCreated'), problems);
  const user = await findUserById(db, userId);
  if (!user) throw notFound('User', userId);
  if (user.disabled_at) throw invalid(msg('userDisabled'));
  const token = newApiToken();
  const id = await inTransaction(db, actor, (tx) =>
    insertToken(tx, {
      userId,
      name,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, 10),
      scope: input.scope,
      expiresInDays: input.expiresInDays,
    }),
  );
  const [row] = await selectTokens(db, { id });
  return { ...toTokenView(row), token };
}
