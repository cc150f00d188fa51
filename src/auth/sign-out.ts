// Sign-out ends the session on the server (the cookie alone would still work until it expired).
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { appendAuditEvent } from './audit-queries';
import type { RequestAuth } from './authenticate';
import { deleteSession } from './session-queries';

export async function signOut(db: Db, actor: Actor, auth: RequestAuth): Promise<void> {
  if (auth.kind !== 'session') return;
  await inTransaction(db, actor, async (tx) => {
    await deleteSession(tx, auth.tokenHash);
    await appendAuditEvent(tx, 'app_user', 'LOGOUT', { id: auth.userId }, null);
  });
}
