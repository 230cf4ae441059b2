import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse, UserView } from '@yigong/contracts';
import { hasPermission, type Action } from '@yigong/domain';
import { api, readToken, storeToken, UNAUTHENTICATED_EVENT } from '../api/api-client.ts';

interface AuthState {
  /** undefined while the stored session is being checked. */
  user: UserView | null | undefined;
  login: (req: LoginRequest) => Promise<UserView>;
  logout: () => Promise<void>;
  /** Whether the user's role allows `action` at all (the server still checks scope). */
  can: (action: Action) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** Holds the signed-in user; restores it from the stored token via GET /auth/me. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [user, setUser] = useState<UserView | null | undefined>(() => (readToken() ? undefined : null));

  useEffect(() => {
    if (!readToken()) return;
    let cancelled = false;
    api
      .get<UserView>('/auth/me')
      .then((me) => !cancelled && setUser(me))
      .catch(() => {
        if (cancelled) return;
        storeToken(null);
        setUser(null);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const onLost = () => {
      storeToken(null);
      queryClient.clear();
      setUser(null);
    };
    window.addEventListener(UNAUTHENTICATED_EVENT, onLost);
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, onLost);
  }, [queryClient]);

  const login = useCallback(
    async (req: LoginRequest) => {
      const res = await api.post<LoginResponse>('/auth/login', req);
      storeToken(res.token);
      queryClient.clear();
      setUser(res.user);
      return res.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } catch {
      // The session may already be gone; logging out locally is what matters.
    }
    storeToken(null);
    queryClient.clear();
    setUser(null);
  }, [queryClient]);

  const can = useCallback((action: Action) => !!user && hasPermission(user.role, action), [user]);

  const value = useMemo(() => ({ user, login, logout, can }), [user, login, logout, can]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages under the protected layout. */
export function useUser(): UserView {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
