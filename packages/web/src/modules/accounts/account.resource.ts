import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateAccountRequest, ScopeView, UserView } from '@yigong/contracts';
import type { Role } from '@yigong/domain';
import { api } from '../../shared/api/api-client.ts';

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId?: string | null;
  scope: ScopeView;
  disabled: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
}

/** GET /accounts (admin only); `enabled` false for other roles. */
export function useAccounts(enabled = true) {
  return useQuery({
    queryKey: ['accounts'],
    enabled,
    queryFn: ({ signal }) => api.get<{ items: AccountView[] }>('/accounts', undefined, signal).then((r) => r.items),
  });
}

export function useCreateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAccountRequest) => api.post<UserView>('/accounts', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

export function useAccountAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'revoke-sessions' | 'unlock' }) => api.post<unknown>(`/accounts/${id}/${action}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['accounts'] }),
  });
}
