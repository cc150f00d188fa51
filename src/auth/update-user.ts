// Changes a user's name, email, password or enabled state (admin). Disabling a user or resetting the
// password ends the user's sessions at once; tokens stop working while the user is disabled.
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { conflict, type FieldProblem, invalid, msg, notFound } from '../platform/errors';
import { hashPassword } from './secrets';
import { deleteUserSessions } from './session-queries';
import { checkDisplayName, checkEmail, checkPassword } from './user-input';
import {
  countOtherAdmins,
  findUserById,
  selectGrants,
  selectUsers,
  updateUser as writeUser,
} from './user-queries';
import { toUserView, type UserView } from './user-view';

export interface UpdateUserInput {
  id: number;
  displayName?: string;
  email?: string | null;
  password?: string;
  disabled?: boolean;
}

export async function updateUser(db: Db, actor: Actor, input: UpdateUserInput): Promise<UserView> {
  assertCan(actor, 'admin');
  const user = await findUserById(db, input.id);
  if (!user) throw notFound('User', input.id);
  const problems: FieldProblem[] = [];
  if (input.displayName !== undefined) checkDisplayName(input.displayName, problems);
  if (input.email !== undefined) checkEmail(input.email, problems);
  if (input.password !== undefined) checkPassword(input.password, user.username, problems);
  if (problems.length) throw invalid(msg('userCannotBeChanged'), problems);
  if (input.disabled === true && actor.userId === input.id) throw conflict(msg('cannotDisableSelf'));
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  await inTransaction(db, actor, async (tx) => {
    if (input.disabled === true) {
      const isAdmin = (await selectGrants(tx, input.id)).some(
        (g) => g.role === 'admin' && g.entityId === null,
      );
      if (isAdmin && (await countOtherAdmins(tx, input.id)) === 0) {
        throw conflict(msg('lastEnabledAdmin'));
      }
    }
    await writeUser(tx, input.id, {
      displayName: input.displayName?.trim(),
      email: input.email === undefined ? undefined : input.email?.trim() || null,
      passwordHash,
      disabled: input.disabled,
    });
    if (input.disabled === true || passwordHash !== undefined) await deleteUserSessions(tx, input.id);
  });
  const [row] = await selectUsers(db, { ids: [input.id], includeDisabled: true });
  return toUserView(row);
}
