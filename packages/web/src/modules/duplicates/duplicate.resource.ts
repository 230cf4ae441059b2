import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CandidateView, ResolveCandidateRequest } from '@yigong/contracts';
import { api } from '../../shared/api/api-client.ts';

export type CandidateStatus = CandidateView['status'];

export function useCandidates(status: CandidateStatus) {
  return useQuery({
    queryKey: ['duplicate-candidates', status],
    queryFn: ({ signal }) => api.get<{ items: CandidateView[] }>('/duplicate-candidates', { status }, signal).then((r) => r.items),
  });
}

export function useResolveCandidate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ResolveCandidateRequest) => api.post<unknown>('/duplicate-candidates/resolve', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['duplicate-candidates'] });
      void qc.invalidateQueries({ queryKey: ['residents'] });
    },
  });
}
