// Sign-in and session limits. Read from the environment when the server starts; the defaults suit an
// office application used through a working day.
export interface AuthSettings {
  /** A session not used for this long ends (idle expiry). */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in whatever happens (absolute expiry). */
  sessionMaxHours: number;
  /** Wrong passwords in a row before the account is locked… */
  lockoutThreshold: number;
  /** …for this long. */
  lockoutMinutes: number;
  /** Sign-in attempts per client address per minute (an office behind one NAT address shares it). */
  loginRatePerMinute: number;
  /** Secure cookies: 'auto' sets them when the request came over HTTPS (directly or via a proxy). */
  secureCookies: 'auto' | 'always' | 'never';
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${value}`);
  return n;
}

export function authSettings(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  const secure = env.HUIKUAN_SECURE_COOKIES ?? 'auto';
  if (!['auto', 'always', 'never'].includes(secure)) {
    throw new Error(`HUIKUAN_SECURE_COOKIES must be auto, always or never, got ${secure}`);
  }
  return {
    sessionIdleMinutes: positive(env.HUIKUAN_SESSION_IDLE_MINUTES, 120, 'HUIKUAN_SESSION_IDLE_MINUTES'),
    sessionMaxHours: positive(env.HUIKUAN_SESSION_MAX_HOURS, 12, 'HUIKUAN_SESSION_MAX_HOURS'),
    lockoutThreshold: positive(env.HUIKUAN_LOCKOUT_THRESHOLD, 5, 'HUIKUAN_LOCKOUT_THRESHOLD'),
    lockoutMinutes: positive(env.HUIKUAN_LOCKOUT_MINUTES, 15, 'HUIKUAN_LOCKOUT_MINUTES'),
    loginRatePerMinute: positive(env.HUIKUAN_LOGIN_RATE_PER_MINUTE, 60, 'HUIKUAN_LOGIN_RATE_PER_MINUTE'),
    secureCookies: secure as AuthSettings['secureCookies'],
  };
}

export const SESSION_COOKIE = 'hk_session';
export const CSRF_COOKIE = 'hk_csrf';
export const CSRF_HEADER = 'x-csrf-token';
