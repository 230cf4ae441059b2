import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountView, CreateAccountRequest, UserView } from '@yigong/contracts';

import { api } from '../../shared/api/api-client.ts';

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
