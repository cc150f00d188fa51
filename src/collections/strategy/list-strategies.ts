// Strategy versions, newest first per name (the active one is marked).
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { ensureDefaultStrategies, listStrategyVersions, type StrategySummary } from './strategy-queries';

export async function listStrategies(db: Db, actor: Actor): Promise<StrategySummary[]> {
  assertCan(actor, 'collections:read');
  await ensureDefaultStrategies(db);
  return listStrategyVersions(db);
}
