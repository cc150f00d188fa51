// The signed-in user for the whole app: loads /api/auth/me once, sends people without a session to the
// login page (and back to where they were afterwards), and drops the session on any 401 from the API.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError, onApiError } from '../../api/client';
import { PageLoading } from '../../app/PageLoading';
import { authApi, type Me } from './authApi';

export const LOGIN_PATH = '/login';

interface SessionValue {
  me: Me | null;
  /** Whether the signed-in user holds a right (admin holds all). */
  can(right: string): boolean;
  signedIn(me: Me): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue>({
  me: null,
  can: () => false,
  signedIn: () => {},
  signOut: async () => {},
});

export const useSession = () => useContext(SessionContext);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checked, setChecked] = useState(false);
  const location = useLocation();

  useEffect(() => {
    authApi.me().then(
      (value) => {
        setMe(value);
        setChecked(true);
      },
      () => setChecked(true),
    );
    // A 401 anywhere means the session ended (expired, signed out elsewhere, user disabled).
    return onApiError((error: ApiError) => {
      if (error.status === 401 && error.code === 'UNAUTHENTICATED') setMe(null);
    });
  }, []);

  const signOut = useCallback(async () => {
    await authApi.logout().catch(() => {});
    setMe(null);
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      can: (right) => me?.rights.includes(right) ?? false,
      signedIn: setMe,
      signOut,
    }),
    [me, signOut],
  );

  if (!checked) return <PageLoading />;
  const onLogin = location.pathname === LOGIN_PATH;
  if (!me && !onLogin) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`${LOGIN_PATH}?next=${encodeURIComponent(next)}`} replace />;
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Only a local path may be the target after sign-in (no open redirect to another site). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && next !== LOGIN_PATH ? next : '/';
}

export function isRateLimited(error: unknown): boolean {
  return error instanceof ApiError && error.status === 429;
}
