// Sign-in with username and password. Every failure gives the same answer, whatever the reason (unknown
// user, wrong password, locked, disabled), and takes as long, so that nobody learns which accounts exist.
// Repeated wrong passwords lock the account for a while; the route adds a rate limit per client address.
import type { Actor } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import { AppError } from '../platform/errors';
import { appendAuditEvent } from './audit-queries';
import type { AuthSettings } from './auth-config';
import { afterFailure, isLocked, type LoginState, NO_FAILURES } from './lockout';
import { openSession } from './open-session';
import { verifyPassword } from './secrets';
import { findLoginState, saveLoginState } from './session-queries';
import { findUserByUsername } from './user-queries';

export interface SignInInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

export interface SignInResult {
  userId: number;
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
}

export const SIGN_IN_FAILED =
  'Sign-in failed: wrong username or password. After repeated failures the account is locked for a while.';

export async function signIn(db: Db, settings: AuthSettings, input: SignInInput): Promise<SignInResult> {
  const user = await findUserByUsername(db, input.username.trim());
  const stored = user ? await findLoginState(db, user.id) : undefined;
  const state: LoginState = stored
    ? {
        failedCount: stored.failed_count,
        lastFailedAt: stored.last_failed_at,
        lockedUntil: stored.locked_until,
      }
    : NO_FAILURES;
  // Always verify (against a dummy hash for unknown users) so that every failure takes as long.
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || user.disabled_at || !user.password_hash) throw new AppError('UNAUTHENTICATED', SIGN_IN_FAILED);

  const now = new Date();
  const claimed: Actor = {
    userId: null,
    name: 'anonymous',
    permissions: new Set(),
    customerScope: null,
    entityIds: null,
  };
  if (isLocked(state, now)) {
    await inTransaction(db, claimed, (tx) =>
      appendAuditEvent(tx, 'app_user', 'LOGIN_REFUSED', { id: user.id }, { reason: 'locked', ip: input.ip }),
    );
    throw new AppError('UNAUTHENTICATED', SIGN_IN_FAILED);
  }
  if (!passwordOk) {
    const next = afterFailure(state, now, settings);
    await inTransaction(db, claimed, async (tx) => {
      await saveLoginState(tx, user.id, { ...next, loggedIn: false });
      await appendAuditEvent(
        tx,
        'app_user',
        next.locked ? 'LOCKED' : 'LOGIN_FAILED',
        { id: user.id },
        {
          ip: input.ip,
        },
      );
    });
    throw new AppError('UNAUTHENTICATED', SIGN_IN_FAILED);
  }

  const self: Actor = { ...claimed, userId: user.id, name: user.username };
  const session = await inTransaction(db, self, async (tx) => {
    await saveLoginState(tx, user.id, { ...NO_FAILURES, loggedIn: true });
    await appendAuditEvent(tx, 'app_user', 'LOGIN', { id: user.id }, { ip: input.ip });
    return openSession(tx, settings, { userId: user.id, ip: input.ip, userAgent: input.userAgent });
  });
  return { userId: user.id, ...session };
}
