// Session state: the token lives in localStorage (api/client.ts), the user is fetched from /api/auth/me.
import { createContext, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getToken, setToken, setUnauthorizedHandler } from '../api/client';
import { authApi } from '../api/endpoints';
import type { User } from '../api/types';
import { navigate } from '../hooks/use-hash-route';

export interface AuthValue {
  user: User | null;
  /** True until the stored token has been checked. */
  checking: boolean;
  /** Set when the session ended because the server answered 401. */
  expired: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [checking, setChecking] = useState(() => getToken() !== null);
  const [expired, setExpired] = useState(false);
  const userRef = useRef<User | null>(null);
  userRef.current = user;

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (userRef.current) setExpired(true);
      setUser(null);
      navigate('/login');
    });
    if (!getToken()) return;
    authApi.me().then(
      (u) => {
        setUser(u);
        setChecking(false);
      },
      () => setChecking(false),
    );
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const res = await authApi.login(username, password);
    setToken(res.token);
    setExpired(false);
    setUser(res.user);
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch (err) {
      // The session is dropped locally either way; a failed server-side logout only matters for the log.
      console.warn('logout failed', err);
    }
    setToken(null);
    setUser(null);
    navigate('/login');
  }, []);

  const value = useMemo(() => ({ user, checking, expired, login, logout }), [user, checking, expired, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
