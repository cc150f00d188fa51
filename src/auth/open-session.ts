// Starts a browser session for a user whose identity is already established (by sign-in, or by a test
// harness). Returns the cookie value, of which only the hash is stored, and the CSRF token.
import type { Tx } from '../platform/db/store';
import type { AuthSettings } from './auth-config';
import { randomSecret, sha256Hex } from './secrets';
import { deleteEndedSessions, insertSession } from './session-queries';

export interface OpenedSession {
  sessionToken: string;
  csrfToken: string;
}

export async function openSession(
  tx: Tx,
  settings: AuthSettings,
  input: { userId: number; ip: string; userAgent: string | null },
): Promise<OpenedSession> {
  const sessionToken = randomSecret(32);
  const csrfToken = randomSecret(24);
  await deleteEndedSessions(tx, settings.sessionIdleMinutes);
  await insertSession(tx, {
    tokenHash: sha256Hex(sessionToken),
    userId: input.userId,
    csrfToken,
    maxHours: settings.sessionMaxHours,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { sessionToken, csrfToken };
}
