// Staff for pickers (业务员 / 催收员): the users customers can be assigned to.
import type { Actor } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { type StaffDto, selectStaff } from './reference-queries';

export async function listStaff(
  db: Db,
  actor: Actor,
  input: { q?: string } = {},
): Promise<{ items: StaffDto[] }> {
  assertCan(actor, 'ledger:read');
  return { items: await selectStaff(db, input.q?.trim() || undefined) };
}
