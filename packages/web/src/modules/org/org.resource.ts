import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedDepartment, DepartmentInput, GridView, OrganizationDetail, OrganizationInput, OrganizationPatch, OrganizationView, Page } from '@yigong/contracts';
import { api } from '../../shared/api/api-client.ts';

export const orgKeys = {
  list: (communityId: string | null) => ['organizations', 'list', communityId] as const,
  one: (id: string) => ['organizations', 'one', id] as const,
  grids: (communityId: string | null) => ['grids', communityId] as const,
};

function organizationsQuery(communityId: string | null) {
  return {
    queryKey: orgKeys.list(communityId),
    enabled: !!communityId,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<Page<OrganizationView>>('/organizations', { communityId, limit: 2000 }, signal).then((r) => r.items),
    staleTime: 60_000,
  };
}

/** Every organisation of a community (a county has a few hundred; the API allows 2000). */
export function useOrganizations(communityId: string | null) {
  return useQuery(organizationsQuery(communityId));
}

/** Organisation names across several communities (audit rows of a region-wide admin). */
export function useOrganizationNames(communityIds: readonly string[]): Map<string, string> {
  const results = useQueries({ queries: communityIds.map((id) => organizationsQuery(id)) });
  const names = new Map<string, string>();
  for (const r of results) for (const o of r.data ?? []) names.set(o.id, o.name);
  return names;
}

export function useOrganization(id: string) {
  return useQuery({
    queryKey: orgKeys.one(id),
    queryFn: ({ signal }) => api.get<OrganizationDetail>(`/organizations/${id}`, undefined, signal),
  });
}

export function useGrids(communityId: string | null) {
  return useQuery({
    queryKey: orgKeys.grids(communityId),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<{ items: GridView[] }>('/grids', { communityId }, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useCreateOrganization() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganizationInput) => api.post<OrganizationView>('/organizations', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organizations'] }),
  });
}

export function usePatchOrganization(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: OrganizationPatch) => api.patch<OrganizationView>(`/organizations/${id}`, patch),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['organizations'] }),
  });
}

export function useCreateDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DepartmentInput) => api.post<CreatedDepartment>('/departments', input),
    onSuccess: (_d, input) => qc.invalidateQueries({ queryKey: orgKeys.one(input.organizationId) }),
  });
}
