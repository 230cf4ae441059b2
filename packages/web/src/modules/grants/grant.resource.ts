import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GrantRequest, GrantView } from '@yigong/contracts';
import { api } from '../../shared/api/api-client.ts';

export type GrantStatus = GrantView['status'];
export type GrantDecision = 'approve' | 'reject' | 'revoke';

/** The caller's own grants plus, for approvers, the grants of their scope. */
export function useGrants(status: GrantStatus | null) {
  return useQuery({
    queryKey: ['access-grants', status],
    queryFn: ({ signal }) => api.get<{ items: GrantView[] }>('/access-grants', { status }, signal).then((r) => r.items),
  });
}

export function useRequestGrant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: GrantRequest) => api.post<GrantView>('/access-grants', input),
    onSuccess: (g) => {
      void qc.invalidateQueries({ queryKey: ['access-grants'] });
      // Within one's own community a request is active at once (break-the-glass): re-read the record.
      if (g.status === 'active') void qc.invalidateQueries({ queryKey: ['residents', 'one', g.residentId] });
    },
  });
}

export function useDecideGrant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: GrantDecision }) => api.post<GrantView>(`/access-grants/${id}/${decision}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['access-grants'] }),
  });
}
