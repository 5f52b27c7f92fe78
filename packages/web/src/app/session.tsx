import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api.ts';
import type { Me } from './api-types.ts';

export type { Me } from './api-types.ts';

interface Session {
  me: Me | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Asks the server again, after a page signed the reader in by other means (a set-up or invite link). */
  refresh(): Promise<void>;
}

const Ctx = createContext<Session | null>(null);

/** Who the reader is (GET /api/auth/me); everything the app shows is reloaded when that changes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const refresh = useCallback(async () => setMe(await api.GET('/api/auth/me')), []);
  useEffect(() => {
    refresh().catch(() => setMe({ username: null, roles: [] }));
  }, [refresh]);
  const signIn = useCallback(
    async (username: string, password: string) => {
      await api.login(username, password);
      await refresh();
    },
    [refresh],
  );
  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout');
    await refresh();
  }, [refresh]);
  return <Ctx.Provider value={{ me, signIn, signOut, refresh }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
