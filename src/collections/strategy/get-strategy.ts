// One strategy version with all its steps; by id, or by name (the active version, else the latest).
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { notFound } from '../../platform/errors';
import { ensureDefaultStrategies, loadStrategy, loadStrategyByName } from './strategy-queries';
import type { Strategy } from './strategy-schema';

export async function getStrategy(
  db: Db,
  actor: Actor,
  key: { id?: number; name?: string },
): Promise<Strategy> {
  assertCan(actor, 'collections:read');
  await ensureDefaultStrategies(db);
  const found =
    key.id !== undefined ? await loadStrategy(db, key.id) : await loadStrategyByName(db, key.name ?? '');
  if (!found) throw notFound('Strategy', key.id ?? key.name ?? '');
  return found;
}
