import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import type { Role } from './roles';
import { selectUsers } from './user-queries';
import { toUserView, type UserView } from './user-view';

export interface ListUsersInput {
  q?: string;
  role?: Role;
  includeDisabled?: boolean;
}

export async function listUsers(db: Db, actor: Actor, input: ListUsersInput): Promise<UserView[]> {
  assertCan(actor, 'admin');
  const rows = await selectUsers(db, input);
  return rows.map(toUserView);
}
