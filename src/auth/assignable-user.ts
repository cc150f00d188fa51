// Whom a customer, a case or a task may be assigned to: an existing user who is not disabled. A disabled
// user keeps their history but can no longer sign in, so work given to them would wait for no one.
import type { Db, Tx } from '../platform/db/store';
import type { FieldProblem } from '../platform/errors';
import { findUserState } from './user-queries';

/** The problem with assigning user `id` in `field`, or null when they may be assigned. */
export async function assigneeProblem(db: Db | Tx, field: string, id: number): Promise<FieldProblem | null> {
  const user = await findUserState(db, id);
  if (!user) return { field, value: String(id), reason: 'no such user' };
  if (user.disabled) {
    return {
      field,
      value: String(id),
      reason: `user ${user.displayName} is disabled: choose an active user`,
      code: 'user_disabled',
      params: { user: user.displayName },
    };
  }
  return null;
}
