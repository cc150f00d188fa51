// Saves an edited strategy as a new version of its name (validated: shape, keys, channels, templates);
// optionally makes it the active version at once. Earlier versions stay, so firings keep their meaning.
import { type Actor, assertCan } from '../../platform/auth/actor';
import type { Db } from '../../platform/db/store';
import { inTransaction } from '../../platform/db/transaction';
import { notFound } from '../../platform/errors';
import {
  ensureDefaultStrategies,
  insertStrategyVersion,
  loadStrategy,
  setActiveVersion,
} from './strategy-queries';
import { type Strategy, validateStrategy } from './strategy-schema';

export async function saveStrategy(
  db: Db,
  actor: Actor,
  input: { definition: unknown; activate?: boolean },
): Promise<Strategy> {
  assertCan(actor, 'strategies:write');
  const def = validateStrategy(input.definition);
  await ensureDefaultStrategies(db);
  const id = await inTransaction(db, actor, (tx) =>
    insertStrategyVersion(tx, def, actor.userId, input.activate ?? false),
  );
  return (await loadStrategy(db, id))!;
}

/** Turns a version on (the name's other versions off) or off. */
export async function setStrategyActive(
  db: Db,
  actor: Actor,
  input: { id: number; active: boolean },
): Promise<Strategy> {
  assertCan(actor, 'strategies:write');
  const done = await inTransaction(db, actor, (tx) => setActiveVersion(tx, input.id, input.active));
  if (!done) throw notFound('Strategy', input.id);
  return (await loadStrategy(db, input.id))!;
}
