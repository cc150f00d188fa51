// Staff for pickers (业务员 / 催收员): the people customers can be assigned to, as far as the caller needs
// them. Active collectors and salespeople of the caller's entities, by display name; a collector or
// salesperson (who sees only their own customers) sees only themselves. Users are auth's: read through its
// exported query.
import { type StaffRow, selectAssignableStaff } from '../../auth/user-queries';
import type { Actor } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';

export async function listStaff(
  db: Db,
  actor: Actor,
  input: { q?: string } = {},
): Promise<{ items: StaffRow[] }> {
  assertCan(actor, 'ledger:read');
  const items = await selectAssignableStaff(db, {
    entityIds: actor.entityIds,
    onlyUserId: actor.customerScope ? (actor.userId ?? -1) : undefined,
    q: input.q?.trim() || undefined,
  });
  return { items };
}
