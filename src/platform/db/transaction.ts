// Writes run in a transaction that knows who is acting: the actor is stored in the transaction-local
// setting `huikuan.actor`, where the database's audit triggers read it, so that no code path can change
// audited tables without being attributed.
import { sql } from 'kysely';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from './store';

export function actorSetting(actor: Actor): string {
  return JSON.stringify({ userId: actor.userId, name: actor.name });
}

/** Marks an open transaction (or pinned connection inside BEGIN) with the acting user. */
export async function setTransactionActor(tx: Db | Tx, actor: Actor): Promise<void> {
  await sql`select set_config('huikuan.actor', ${actorSetting(actor)}, true)`.execute(tx);
}

/** Runs `fn` in one transaction attributed to `actor`; everything or nothing is written. */
export async function inTransaction<T>(db: Db, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await setTransactionActor(tx, actor);
    return fn(tx);
  });
}
