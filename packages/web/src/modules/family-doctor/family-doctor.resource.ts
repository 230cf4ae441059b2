import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContractRequest, ContractRow, ContractStatus, ContractView, PackageView, SigningRatesResponse, TeamRequest, TeamView } from '@yigong/contracts';
import type { TerminationReason } from '@yigong/domain';
import { api } from '../../shared/api/api-client.ts';

export const fdKeys = {
  all: ['family-doctor'] as const,
  teams: (communityId: string | null) => ['family-doctor', 'teams', communityId] as const,
  packages: (communityId: string | null) => ['family-doctor', 'packages', communityId] as const,
  contracts: (status: ContractStatus | undefined) => ['family-doctor', 'contracts', status] as const,
  contract: (id: string) => ['family-doctor', 'contract', id] as const,
  ofResident: (residentId: string) => ['family-doctor', 'resident', residentId] as const,
  rates: (communityId: string | null, asOf: string | undefined) => ['family-doctor', 'rates', communityId, asOf] as const,
};

/** Family-doctor teams (a village doctor sees the teams of own units). */
export function useTeams(communityId: string | null) {
  return useQuery({
    queryKey: fdKeys.teams(communityId),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<{ items: TeamView[] }>('/family-doctor/teams', { communityId }, signal).then((r) => r.items),
  });
}

export function usePackages(communityId: string | null) {
  return useQuery({
    queryKey: fdKeys.packages(communityId),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<{ items: PackageView[] }>('/family-doctor/packages', { communityId }, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** Contracts of the caller's units, newest first. */
export function useContracts(status: ContractStatus | undefined) {
  return useQuery({
    queryKey: fdKeys.contracts(status),
    queryFn: ({ signal }) => api.get<{ items: ContractRow[] }>('/contracts', { status, limit: 1000 }, signal).then((r) => r.items),
  });
}

export function useContract(id: string) {
  return useQuery({
    queryKey: fdKeys.contract(id),
    queryFn: ({ signal }) => api.get<ContractView>(`/contracts/${id}`, undefined, signal),
  });
}

export function useResidentContracts(residentId: string, enabled = true) {
  return useQuery({
    queryKey: fdKeys.ofResident(residentId),
    enabled: enabled && !!residentId,
    queryFn: ({ signal }) => api.get<{ items: ContractView[] }>(`/residents/${residentId}/contracts`, undefined, signal).then((r) => r.items),
  });
}

/** Signing rate and key-population signing rate as of a day, default today (docs/domain/indicators.md "Signing rates"). */
export function useSigningRates(communityId: string | null, asOf: string | undefined, enabled = true) {
  return useQuery({
    queryKey: fdKeys.rates(communityId, asOf),
    enabled: enabled && !!communityId,
    queryFn: ({ signal }) => api.get<SigningRatesResponse>('/family-doctor/rates', { communityId, asOf }, signal),
    // A county-wide count that moves slowly; the dashboard and the rates page share it.
    staleTime: 10 * 60_000,
  });
}

/** After any contract write: the contract itself, every list, the resident's contracts and the teams' counts. */
function useContractWritten() {
  const qc = useQueryClient();
  return (c: ContractView) => {
    qc.setQueryData(fdKeys.contract(c.id), c);
    void qc.invalidateQueries({ queryKey: fdKeys.all });
  };
}

export function useSignContract() {
  const written = useContractWritten();
  return useMutation({ mutationFn: (input: ContractRequest) => api.post<ContractView>('/contracts', input), onSuccess: written });
}

export function useTerminateContract(id: string) {
  const written = useContractWritten();
  return useMutation({
    mutationFn: (input: { reason: TerminationReason; terminatedOn: string; note?: string }) => api.post<ContractView>(`/contracts/${id}/terminate`, input),
    onSuccess: written,
  });
}

export function useRenewContract(id: string) {
  const written = useContractWritten();
  return useMutation({ mutationFn: () => api.post<ContractView>(`/contracts/${id}/renew`), onSuccess: written });
}

export function useRecordService(id: string) {
  const written = useContractWritten();
  return useMutation({
    mutationFn: (input: { id: string; itemId: string; deliveredOn: string; note?: string }) => api.post<ContractView>(`/contracts/${id}/services`, input),
    onSuccess: written,
  });
}

export function useCreateTeam() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamRequest) => api.post<TeamView>('/family-doctor/teams', input),
    onSuccess: (_t, input) => qc.invalidateQueries({ queryKey: fdKeys.teams(input.communityId) }),
  });
}

/** ¥ from fen, two decimals (money is stored in fen; DESIGN.md). */
export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}
