// A user changes their own password: the current one is required. Whatever the old password opened is
// closed with it: every other session of theirs ends and every API token of theirs is revoked (a token
// may have been made by whoever knew the old password). The answer says how many.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { AppError, type FieldProblem, invalid, msg } from '../platform/errors';
import type { RequestAuth } from './authenticate';
import { hashPassword, verifyPassword } from './secrets';
import { deleteUserSessions } from './session-queries';
import { revokeUserTokens } from './token-queries';
import { checkPassword } from './user-input';
import { findUserById, updateUser } from './user-queries';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export interface ChangePasswordResult {
  /** The user's other sessions, ended. */
  endedSessions: number;
  /** The user's API tokens, revoked. */
  revokedTokens: number;
}

export async function changePassword(
  db: Db,
  actor: Actor,
  auth: RequestAuth,
  input: ChangePasswordInput,
): Promise<ChangePasswordResult> {
  const user = actor.userId === null ? undefined : await findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', msg('signInFirstShort'));
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw invalid(msg('passwordWrong'), [{ field: 'currentPassword', reason: 'wrong password' }]);
  }
  const problems: FieldProblem[] = [];
  checkPassword(input.newPassword, user.username, problems);
  if (problems.length) throw invalid(msg('passwordRejected'), problems);
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(db, actor, async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    return {
      endedSessions: await deleteUserSessions(
        tx,
        user.id,
        auth.kind === 'session' ? auth.tokenHash : undefined,
      ),
      revokedTokens: await revokeUserTokens(tx, user.id),
    };
  });
}
