import type { Actor } from '../../platform/auth/actor';
import { assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { type EntityDto, selectEntities } from './reference-queries';

export async function listEntities(db: Db, actor: Actor): Promise<{ items: EntityDto[] }> {
  assertCan(actor, 'ledger:read');
  return { items: await selectEntities(db, actor) };
}
