// The signed-in user as the web app needs it: who, which roles, which rights (to show or hide screens).
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { AppError, msg } from '../platform/errors';
import type { RequestAuth } from './authenticate';
import { RIGHTS } from './roles';
import { selectUsers } from './user-queries';
import type { UserView } from './user-view';
import { toUserView } from './user-view';

export interface MeView {
  user: UserView;
  /** Concrete rights held (admin's `*` expanded), for the app to decide what to show. */
  rights: string[];
  /** Customers limited to those assigned to me (collector/salesperson) or all. */
  customerScope: 'all' | 'assigned';
  entityIds: number[] | null;
  /** Send back in the x-csrf-token header on every POST/PATCH/PUT/DELETE (browser sessions only). */
  csrfToken: string | null;
  authenticatedBy: 'session' | 'token';
}

export async function getMe(db: Db, actor: Actor, auth: RequestAuth): Promise<MeView> {
  if (auth.kind === 'none' || actor.userId === null)
    throw new AppError('UNAUTHENTICATED', msg('signInFirstShort'));
  const [row] = await selectUsers(db, { ids: [actor.userId], includeDisabled: true });
  const all = actor.permissions.has('*');
  return {
    user: toUserView(row),
    rights: RIGHTS.filter((right) => all || actor.permissions.has(right)),
    customerScope: actor.customerScope ? 'assigned' : 'all',
    entityIds: actor.entityIds,
    csrfToken: auth.kind === 'session' ? auth.csrfToken : null,
    authenticatedBy: auth.kind,
  };
}
