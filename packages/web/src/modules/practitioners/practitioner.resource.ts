import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignmentInput, AssignmentView, Page, PractitionerInput, PractitionerView } from '@yigong/contracts';
import type { PractitionerTitle } from '@yigong/domain';
import { api } from '../../shared/api/api-client.ts';

export interface PractitionerFilter {
  communityId: string | null;
  organizationId?: string | null;
  title?: PractitionerTitle | null;
  q?: string;
}

/** Staff list with cursor pagination ("加载更多"). */
export function usePractitioners(filter: PractitionerFilter, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['practitioners', 'list', filter, pageSize],
    enabled: !!filter.communityId || !!filter.organizationId,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PractitionerView>>(
        '/practitioners',
        { communityId: filter.communityId, organizationId: filter.organizationId, title: filter.title, q: filter.q, limit: pageSize, cursor: pageParam },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePractitioner(id: string) {
  return useQuery({
    queryKey: ['practitioners', 'one', id],
    queryFn: ({ signal }) => api.get<PractitionerView>(`/practitioners/${id}`, undefined, signal),
  });
}

export function useCreatePractitioner() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PractitionerInput) => api.post<PractitionerView>('/practitioners', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['practitioners'] }),
  });
}

export function useAddAssignment(practitionerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentInput) => api.post<AssignmentView>(`/practitioners/${practitionerId}/assignments`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['practitioners', 'one', practitionerId] }),
  });
}
