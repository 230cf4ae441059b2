import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContractRequest, SigningRatesResponse, TeamRequest } from '@yigong/contracts';
import type { PackagePopulation, TerminationReason } from '@yigong/domain';
import { api } from '../../shared/api/api-client.ts';

export type TeamRole = TeamRequest['members'][number]['role'];
export const TEAM_ROLES: readonly TeamRole[] = ['gp_lead', 'village_doctor', 'nurse', 'public_health', 'specialist', 'pharmacist'];

export interface TeamView {
  id: string;
  communityId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  members: { practitionerId: string; name: string; role: TeamRole; title: string }[];
  activeContracts: number;
  panelPerDoctor: number;
  panelLimit: number;
}

/** A menu-style service package (菜单式签约服务包); money in fen. */
export interface PackageView {
  id: string;
  code: string;
  name: string;
  population: PackagePopulation;
  priceFen: number;
  insuranceFen: number;
  publicHealthFen: number;
  financeFen: number;
  residentFen: number;
  items: { id: string; code: string; name: string; timesPerYear: number }[];
}

export type ContractStatus = 'active' | 'terminated' | 'renewed';

/** A contract row (GET /contracts): no items. */
export interface ContractRow {
  id: string;
  resident_id: string;
  resident_name: string;
  team_id: string;
  team_name: string;
  organization_id: string;
  starts_on: string;
  ends_on: string;
  status: ContractStatus;
  terminated_on: string | null;
  termination_reason: TerminationReason | null;
  renewed_from: string | null;
  created_at: string;
}

export interface ContractItem {
  itemId: string;
  packageName: string;
  code: string;
  name: string;
  timesPerYear: number;
  delivered: number;
}

/** A contract with its package items, what was delivered against each, and the fulfilment rate. */
export interface ContractView extends ContractRow {
  items: ContractItem[];
  fulfilmentRate: number | null;
}

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

/** INDICATORS.md signing rate and key-population signing rate as of a day (default today). */
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
