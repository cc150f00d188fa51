// Grants and revokes roles (admin for all entities: `admin` is a global-only right). Nobody grants or revokes
// beyond their own entities, and the last administrator for all entities cannot lose that role.
import { type Actor, assertCan } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { conflict, msg, notFound } from '../platform/errors';
import type { RoleGrant } from './roles';
import { assertGrantable, changedGrants, type GrantInput, resolveGrants } from './user-input';
import {
  addGrants,
  countOtherAdmins,
  findUserById,
  removeAllGrants,
  removeGrants,
  selectGrants,
  selectUsers,
} from './user-queries';
import { toUserView, type UserView } from './user-view';

export interface SetUserRolesInput {
  id: number;
  /** `replace`: the user ends up with exactly these roles. */
  mode: 'grant' | 'revoke' | 'replace';
  roles: GrantInput[];
}

const isGlobalAdmin = (grants: RoleGrant[]) => grants.some((g) => g.role === 'admin' && g.entityId === null);

export async function setUserRoles(db: Db, actor: Actor, input: SetUserRolesInput): Promise<UserView> {
  assertCan(actor, 'admin');
  const user = await findUserById(db, input.id);
  if (!user) throw notFound('User', input.id);
  const grants = await resolveGrants(db, input.roles);
  await inTransaction(db, actor, async (tx) => {
    const before = await selectGrants(tx, input.id);
    if (input.mode === 'grant') await addGrants(tx, input.id, grants);
    if (input.mode === 'revoke') await removeGrants(tx, input.id, grants);
    if (input.mode === 'replace') {
      await removeAllGrants(tx, input.id);
      await addGrants(tx, input.id, grants);
    }
    const after = await selectGrants(tx, input.id);
    assertGrantable(actor, changedGrants(before, after));
    if (isGlobalAdmin(before) && !isGlobalAdmin(after) && (await countOtherAdmins(tx, input.id)) === 0) {
      throw conflict(msg('lastAdmin'));
    }
  });
  const [row] = await selectUsers(db, { ids: [input.id], includeDisabled: true });
  return toUserView(row);
}
