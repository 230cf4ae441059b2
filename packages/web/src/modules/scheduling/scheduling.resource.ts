import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PolicyView, ReservationPolicyInput, ResourceView, SavedPolicy, SlotView } from '@yigong/contracts';
import type { ResourceType } from '@yigong/domain';
import { api, apiRequest } from '../../shared/api/api-client.ts';

export interface SlotFilter {
  organizationId: string | null | undefined;
  resourceType: ResourceType;
  department?: string | null;
  from: string;
  to: string;
}

export const schedulingKeys = {
  slots: (f: SlotFilter) => ['slots', f] as const,
  resources: (organizationId: string | null) => ['resources', organizationId] as const,
};

/** Slots of one organisation between two dates, with free places in both pools. */
export function useSlots(f: SlotFilter, enabled = true) {
  return useQuery({
    queryKey: schedulingKeys.slots(f),
    enabled: enabled && !!f.organizationId,
    queryFn: ({ signal }) =>
      api
        .get<{ items: SlotView[] }>('/slots', { organizationId: f.organizationId, resourceType: f.resourceType, department: f.department, from: f.from, to: f.to }, signal)
        .then((r) => r.items),
    staleTime: 10_000,
  });
}

export function useResources(organizationId: string | null) {
  return useQuery({
    queryKey: schedulingKeys.resources(organizationId),
    enabled: !!organizationId,
    queryFn: ({ signal }) => api.get<{ items: ResourceView[]; policies: PolicyView[] }>('/resources', { organizationId }, signal),
  });
}

export function useSetPolicy() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReservationPolicyInput) => apiRequest<SavedPolicy>('/reservation-policies', { method: 'PUT', body: input }),
    onSuccess: (_r, input) => qc.invalidateQueries({ queryKey: schedulingKeys.resources(input.organizationId) }),
  });
}
