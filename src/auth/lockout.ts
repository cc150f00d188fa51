// Lock-out after repeated wrong passwords (pure rules). Failures older than the lock-out period are
// forgotten, so an occasional typo over a week never locks anyone out.
export interface LoginState {
  failedCount: number;
  lastFailedAt: Date | null;
  lockedUntil: Date | null;
}

export interface LockoutPolicy {
  lockoutThreshold: number;
  lockoutMinutes: number;
}

export const NO_FAILURES: LoginState = { failedCount: 0, lastFailedAt: null, lockedUntil: null };

export function isLocked(state: LoginState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now;
}

/** The state after one more wrong password; `locked` says whether this failure locked the account. */
export function afterFailure(
  state: LoginState,
  now: Date,
  policy: LockoutPolicy,
): LoginState & { locked: boolean } {
  const windowMs = policy.lockoutMinutes * 60_000;
  const recent =
    state.lastFailedAt !== null && now.getTime() - state.lastFailedAt.getTime() < windowMs
      ? state.failedCount
      : 0;
  const failedCount = recent + 1;
  if (failedCount >= policy.lockoutThreshold) {
    return {
      failedCount: 0,
      lastFailedAt: now,
      lockedUntil: new Date(now.getTime() + windowMs),
      locked: true,
    };
  }
  return { failedCount, lastFailedAt: now, lockedUntil: state.lockedUntil, locked: false };
}
