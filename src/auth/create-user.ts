// Creates a user: a person who signs in with a password, or (without one) a staff member that customers
// can be assigned to and who gets a password later. Needs `admin`, which only a grant for all entities gives.
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { type FieldProblem, invalid, msg } from '../platform/errors';
import { hashPassword } from './secrets';
import {
  assertGrantable,
  checkDisplayName,
  checkEmail,
  checkPassword,
  checkUsername,
  type GrantInput,
  resolveGrants,
} from './user-input';
import { addGrants, insertUser, selectUsers } from './user-queries';
import { toUserView, type UserView } from './user-view';

export interface CreateUserInput {
  username: string;
  displayName: string;
  email?: string | null;
  password?: string | null;
  roles?: GrantInput[];
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserView> {
  assertCan(actor, 'admin');
  const username = input.username.trim();
  const problems: FieldProblem[] = [];
  checkUsername(username, problems);
  checkDisplayName(input.displayName, problems);
  checkEmail(input.email, problems);
  if (input.password) checkPassword(input.password, username, problems);
  if (problems.length) throw invalid(msg('userCannotBeCreated'), problems);
  const grants = await resolveGrants(db, input.roles ?? []);
  assertGrantable(actor, grants);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const id = await inTransaction(db, actor, async (tx) => {
    const userId = await insertUser(tx, {
      username,
      displayName: input.displayName.trim(),
      email: input.email?.trim() || null,
      passwordHash,
    });
    await addGrants(tx, userId, grants);
    return userId;
  });
  const [row] = await selectUsers(db, { ids: [id], includeDisabled: true });
  return toUserView(row);
}
