// Sign-in with username and password. Every failure gives the same answer, whatever the reason (unknown
// user, wrong password, locked, disabled), and takes as long, so that nobody learns which accounts exist.
// Repeated wrong passwords lock the account for a while; the route adds a rate limit per client address.
import type { Actor } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/store';
import { inTransaction, setTransactionActor } from '../platform/db/transaction';
import { AppError, msg } from '../platform/errors';
import { MESSAGES } from '../shared/messages';
import { appendAuditEvent } from './audit-queries';
import type { AuthSettings } from './auth-config';
import { afterFailure, isLocked, type LoginState, NO_FAILURES } from './lockout';
import { openSession } from './open-session';
import { verifyPassword } from './secrets';
import { type LoginStateRow, lockLoginState, peekLoginState, saveLoginState } from './session-queries';
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

export const SIGN_IN_FAILED = MESSAGES.signInFailed.en;

// Until the password checks out, nobody is acting: the refusals are recorded under this name.
const CLAIMED: Actor = {
  userId: null,
  name: 'anonymous',
  permissions: new Set(),
  customerScope: null,
  entityIds: null,
};

interface Attempt {
  user: { id: number; username: string };
  passwordOk: boolean;
  now: Date;
}

export async function signIn(db: Db, settings: AuthSettings, input: SignInInput): Promise<SignInResult> {
  const found = await findUserByUsername(db, input.username.trim());
  const user = found && !found.disabled_at && found.password_hash ? found : null;
  // Every path costs the same: one argon2 verification (against a dummy hash of the same parameters when
  // the user is unknown, disabled or has no password), then one transaction that reads the lock-out state
  // and records the attempt in the audit log. Only the answer to a right password differs.
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);

  // Reading the lock-out state and writing the next one happen in one transaction, with the state's row
  // locked, so parallel attempts on one account count one after another: 30 wrong passwords at once lock
  // it as surely as 30 in a row. The slow password check stays outside, holding no lock.
  const session = await inTransaction(db, CLAIMED, async (tx) => {
    if (!user) return refuseUnusable(tx, found?.id ?? null, found ? 'disabled' : 'unknown', input.ip);
    const attempt: Attempt = { user, passwordOk, now: new Date() };
    const state = loginState(await lockLoginState(tx, user.id));
    if (isLocked(state, attempt.now)) return refuseLocked(tx, attempt, input.ip);
    if (!passwordOk) return countFailure(tx, settings, attempt, state, input.ip);
    return succeed(tx, settings, attempt, input);
  });
  if (!session || !user) throw new AppError('UNAUTHENTICATED', msg('signInFailed'));
  return { userId: user.id, ...session };
}

function loginState(row: LoginStateRow): LoginState {
  return { failedCount: row.failed_count, lastFailedAt: row.last_failed_at, lockedUntil: row.locked_until };
}

/**
 * Unknown, disabled or without a password: refused, recorded like a locked account (the state row is read
 * the same way, so the work matches). The username typed is not kept: people type passwords into it.
 */
async function refuseUnusable(
  tx: Tx,
  userId: number | null,
  reason: 'unknown' | 'disabled',
  ip: string,
): Promise<null> {
  await peekLoginState(tx, userId ?? 0);
  await appendAuditEvent(tx, 'app_user', 'LOGIN_REFUSED', userId === null ? null : { id: userId }, {
    reason,
    ip,
  });
  return null;
}

/** Locked: refused whatever the password, and not counted (the lock does not grow with more attempts). */
async function refuseLocked(tx: Tx, attempt: Attempt, ip: string): Promise<null> {
  await appendAuditEvent(tx, 'app_user', 'LOGIN_REFUSED', { id: attempt.user.id }, { reason: 'locked', ip });
  return null;
}

async function countFailure(
  tx: Tx,
  settings: AuthSettings,
  attempt: Attempt,
  state: LoginState,
  ip: string,
): Promise<null> {
  const next = afterFailure(state, attempt.now, settings);
  await saveLoginState(tx, attempt.user.id, { ...next, loggedIn: false });
  await appendAuditEvent(
    tx,
    'app_user',
    next.locked ? 'LOCKED' : 'LOGIN_FAILED',
    { id: attempt.user.id },
    { ip },
  );
  return null;
}

async function succeed(tx: Tx, settings: AuthSettings, attempt: Attempt, input: SignInInput) {
  const { user } = attempt;
  // From here on the user is known: the sign-in and the new session are theirs.
  await setTransactionActor(tx, { ...CLAIMED, userId: user.id, name: user.username });
  await saveLoginState(tx, user.id, { ...NO_FAILURES, loggedIn: true });
  await appendAuditEvent(tx, 'app_user', 'LOGIN', { id: user.id }, { ip: input.ip });
  return openSession(tx, settings, { userId: user.id, ip: input.ip, userAgent: input.userAgent });
}
