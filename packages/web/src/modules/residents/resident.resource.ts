import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddObservationRequest,
  AddProblemRequest,
  AuditEntry,
  CreateResidentRequest,
  Icd10Item,
  ObservationView,
  Page,
  ProblemView,
  ResidentListItem,
  ResidentRecord,
  RevealedIdNumber,
} from '@yigong/contracts';
import { api } from '../../shared/api/api-client.ts';

export const residentKeys = {
  search: (communityId: string | null, q: string) => ['residents', 'search', communityId, q] as const,
  one: (id: string) => ['residents', 'one', id] as const,
  accessLog: (id: string) => ['residents', 'access-log', id] as const,
};

/** Resident search (name, pinyin initials, ID number, phone) with cursor pagination. */
export function useResidentSearch(communityId: string | null, q: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: residentKeys.search(communityId, q),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ResidentListItem>>('/residents', { q: q || undefined, communityId, limit: pageSize, cursor: pageParam }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One record; every read is audited by the server. */
export function useResident(id: string) {
  return useQuery({
    queryKey: residentKeys.one(id),
    queryFn: ({ signal }) => api.get<ResidentRecord>(`/residents/${id}`, undefined, signal),
    // A read is an audited event: do not re-read behind the user's back.
    staleTime: 5 * 60_000,
  });
}

export function useAccessLog(id: string, enabled: boolean) {
  return useQuery({
    queryKey: residentKeys.accessLog(id),
    enabled,
    queryFn: ({ signal }) => api.get<{ items: AuditEntry[] }>(`/residents/${id}/access-log`, undefined, signal).then((r) => r.items),
  });
}

export function useCreateResident() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateResidentRequest) => api.post<ResidentRecord>('/residents', input),
    onSuccess: (r) => {
      qc.setQueryData(residentKeys.one(r.id), r);
      void qc.invalidateQueries({ queryKey: ['residents', 'search'] });
    },
  });
}

function useRecordMutation<I, O>(residentId: string, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.post<O>(`/residents/${residentId}/${path}`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: residentKeys.one(residentId) });
      void qc.invalidateQueries({ queryKey: residentKeys.accessLog(residentId) });
    },
  });
}

export function useAddProblem(residentId: string) {
  return useRecordMutation<AddProblemRequest, ProblemView>(residentId, 'problems');
}

export function useAddObservation(residentId: string) {
  return useRecordMutation<AddObservationRequest, ObservationView>(residentId, 'observations');
}

export function useRevealId(residentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (purpose: string) => api.post<RevealedIdNumber>(`/residents/${residentId}/reveal-id`, { purpose }),
    onSuccess: () => qc.invalidateQueries({ queryKey: residentKeys.accessLog(residentId) }),
  });
}

export function useIcd10Search(q: string) {
  return useQuery({
    queryKey: ['icd10', q],
    queryFn: ({ signal }) => api.get<{ items: Icd10Item[] }>('/icd10', { q: q || undefined, limit: 30 }, signal).then((r) => r.items),
    staleTime: 60 * 60_000,
    placeholderData: (prev) => prev,
  });
}
