import { useQuery } from '@tanstack/react-query';
import type { CommunityView } from '@yigong/contracts';
import { api } from '../api/api-client.ts';

export const communityKeys = {
  all: ['communities'] as const,
  one: (id: string) => ['communities', id] as const,
};

/** The communities the signed-in user may see (GET /communities). */
export function useCommunities() {
  return useQuery({
    queryKey: communityKeys.all,
    queryFn: ({ signal }) => api.get<{ items: CommunityView[] }>('/communities', undefined, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}
