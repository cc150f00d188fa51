import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, NO_FAILURES } from './lockout';

const policy = { lockoutThreshold: 3, lockoutMinutes: 15 };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 6, 9, minute));

describe('lock-out', () => {
  it('locks on the third failure in a row for 15 minutes, then lets the user try again', () => {
    let state = afterFailure(NO_FAILURES, at(0), policy);
    expect(state).toMatchObject({ failedCount: 1, locked: false });
    state = afterFailure(state, at(1), policy);
    expect(state).toMatchObject({ failedCount: 2, locked: false });
    state = afterFailure(state, at(2), policy);
    expect(state.locked).toBe(true);
    expect(state.lockedUntil?.toISOString()).toBe('2026-01-06T09:17:00.000Z');
    expect(isLocked(state, at(16))).toBe(true);
    expect(isLocked(state, at(17))).toBe(false);
  });

  it('forgets failures older than the lock-out period', () => {
    const first = afterFailure(NO_FAILURES, at(0), policy);
    const second = afterFailure(first, at(1), policy);
    expect(afterFailure(second, at(20), policy)).toMatchObject({ failedCount: 1, locked: false });
  });
});
