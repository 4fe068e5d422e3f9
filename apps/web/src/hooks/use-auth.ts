import { useContext } from 'react';
import { AuthContext, type AuthValue } from '../auth/auth-context';
import type { User } from '../api/types';

/** The session (user, login, logout). */
export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth() used outside <AuthProvider>');
  return v;
}

/** The logged-in user; only call inside pages rendered after login. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser() without a logged-in user');
  return user;
}
