import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BreakGlassView } from '@yigong/contracts';
import { api } from '../../shared/api/api-client.ts';

export type BreakGlassOutcome = BreakGlassView['outcome'];
export type BreakGlassCounts = Record<BreakGlassOutcome, number>;

/** The community's break-the-glass grants with the reads audited under each, for the manager's review. */
export function useBreakGlass(communityId: string | null, outcome: BreakGlassOutcome | null) {
  return useQuery({
    queryKey: ['break-glass', communityId, outcome],
    enabled: communityId !== null,
    queryFn: ({ signal }) => api.get<{ items: BreakGlassView[]; counts: BreakGlassCounts }>('/break-glass', { communityId, outcome }, signal),
  });
}

export function useReviewBreakGlass() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ grantId, outcome, note }: { grantId: string; outcome: 'reviewed' | 'questioned'; note: string }) =>
      api.post<BreakGlassView>(`/break-glass/${grantId}/review`, { outcome, note }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['break-glass'] }),
  });
}
