// A user changes their own password: the current one is required, and every other session of theirs ends.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { AppError, type FieldProblem, invalid, msg } from '../platform/errors';
import type { RequestAuth } from './authenticate';
import { hashPassword, verifyPassword } from './secrets';
import { deleteUserSessions } from './session-queries';
import { checkPassword } from './user-input';
import { findUserById, updateUser } from './user-queries';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export async function changePassword(
  db: Db,
  actor: Actor,
  auth: RequestAuth,
  input: ChangePasswordInput,
): Promise<void> {
  const user = actor.userId === null ? undefined : await findUserById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED', msg('signInFirstShort'));
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw invalid(msg('passwordWrong'), [{ field: 'currentPassword', reason: 'wrong password' }]);
  }
  const problems: FieldProblem[] = [];
  checkPassword(input.newPassword, user.username, problems);
  if (problems.length) throw invalid(msg('passwordRejected'), problems);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, actor, async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    await deleteUserSessions(tx, user.id, auth.kind === 'session' ? auth.tokenHash : undefined);
  });
}
