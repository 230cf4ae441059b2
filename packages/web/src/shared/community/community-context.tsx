import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { CommunityView } from '@yigong/contracts';
import { useAuth } from '../auth/auth-context.tsx';
import { useCommunities } from './community.resource.ts';

/** Remembered per account: an admin's choice must not become the regulator's default. */
function storeKey(userId: string | undefined): string {
  return `yigong.community.${userId ?? 'anonymous'}`;
}

interface CommunitySelection {
  /** The community the pages work on; null while loading or when the user sees none. */
  communityId: string | null;
  community: CommunityView | null;
  communities: CommunityView[];
  setCommunityId: (id: string) => void;
  isPending: boolean;
  error: unknown;
}

const Ctx = createContext<CommunitySelection | null>(null);

/**
 * The working community. Users scoped to one community always work there; region-scoped users
 * (admin, regulator) choose one, remembered across visits.
 */
export function CommunityProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const query = useCommunities();
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(storeKey(user?.id)));

  const value = useMemo<CommunitySelection>(() => {
    const list = query.data ?? [];
    const fromScope = user?.scope.communityId ?? null;
    const candidates = [chosen, fromScope, list[0]?.id ?? null];
    const id = candidates.find((c) => c && list.some((x) => x.id === c)) ?? (list.length === 0 ? fromScope : null);
    return {
      communityId: id ?? null,
      community: list.find((c) => c.id === id) ?? null,
      communities: list,
      setCommunityId: (next: string) => {
        localStorage.setItem(storeKey(user?.id), next);
        setChosen(next);
      },
      isPending: query.isPending,
      error: query.error,
    };
  }, [query.data, query.isPending, query.error, chosen, user]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useCommunitySelection(): CommunitySelection {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useCommunitySelection outside CommunityProvider');
  return ctx;
}
