import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppraisalView,
  BudgetView,
  DipRequest,
  DipView,
  InsurancePolicyView,
  PolicyRequest,
  ScenarioRequest,
  ScenarioView,
  SettlementRequest,
  SettlementView,
} from '@yigong/contracts';
import { api, apiRequest, isApiError } from '../../shared/api/api-client.ts';

/** The insurance module's API (issue #12; docs/domain/insurance.md). Money in fen, ratios 0–1. */

export interface PolicyVersion {
  version: number;
  reason: string;
  changedBy: string;
  changedAt: string;
  financing: number;
  budgetShare: number;
}

export type SettlementSummary = Omit<SettlementView, 'members'>;
export type ScenarioChanges = ScenarioRequest['changes'];
export type WhatIfView = Pick<ScenarioView, 'actual' | 'scenario' | 'differences' | 'members'>;
export interface ScenarioSummary {
  id: string;
  name: string;
  year: number;
  createdBy: string;
  createdAt: string;
}

export const insuranceKeys = {
  all: ['insurance'] as const,
  budget: (communityId: string | null, year: number) => ['insurance', 'budget', communityId, year] as const,
  policy: (communityId: string | null, year: number) => ['insurance', 'policy', communityId, year] as const,
  versions: (communityId: string | null, year: number) => ['insurance', 'policy-versions', communityId, year] as const,
  appraisal: (communityId: string | null, year: number) => ['insurance', 'appraisal', communityId, year] as const,
  settlements: (communityId: string | null, year: number | null) => ['insurance', 'settlements', communityId, year] as const,
  settlement: (id: string | null) => ['insurance', 'settlement', id] as const,
  whatIf: (communityId: string | null, year: number, changes: ScenarioChanges) => ['insurance', 'what-if', communityId, year, changes] as const,
  scenarios: (communityId: string | null, year: number) => ['insurance', 'scenarios', communityId, year] as const,
  scenario: (id: string | null) => ['insurance', 'scenario', id] as const,
};

/** The capitation budget of a community-year and its outlay so far (a year without a policy: 400 naming `year`). */
export function useBudget(communityId: string | null, year: number, enabled = true) {
  return useQuery({
    queryKey: insuranceKeys.budget(communityId, year),
    enabled: !!communityId && enabled,
    queryFn: ({ signal }) => api.get<BudgetView>('/insurance/budget', { communityId, year }, signal),
  });
}

/** The policy in force; null when the year has none yet (the editor then starts from a template). */
export function usePolicy(communityId: string | null, year: number) {
  return useQuery({
    queryKey: insuranceKeys.policy(communityId, year),
    enabled: !!communityId,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<InsurancePolicyView>(`/insurance/policies/${communityId}/${year}`, undefined, signal);
      } catch (e) {
        if (isApiError(e, 'NOT_FOUND')) return null;
        throw e;
      }
    },
  });
}

/** Who changed the year's policy, when and why (newest first). */
export function usePolicyVersions(communityId: string | null, year: number, enabled = true) {
  return useQuery({
    queryKey: insuranceKeys.versions(communityId, year),
    enabled: !!communityId && enabled,
    queryFn: ({ signal }) => api.get<{ items: PolicyVersion[] }>(`/insurance/policies/${communityId}/${year}/versions`, undefined, signal).then((r) => r.items),
  });
}

function useInsuranceWritten() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: insuranceKeys.all });
}

/** PUT a new policy version: every parameter and the reason (an omitted parameter would take its default). */
export function useSavePolicy(communityId: string | null, year: number) {
  const written = useInsuranceWritten();
  return useMutation({
    mutationFn: (body: Required<Omit<PolicyRequest, 'reason'>> & { reason: string }) =>
      apiRequest<InsurancePolicyView>(`/insurance/policies/${communityId}/${year}`, { method: 'PUT', body }),
    onSuccess: written,
  });
}

/** The appraisal scheme in force with the community's and every member's score and evidence. */
export function useAppraisal(communityId: string | null, year: number, enabled = true) {
  return useQuery({
    queryKey: insuranceKeys.appraisal(communityId, year),
    enabled: !!communityId && enabled,
    queryFn: ({ signal }) => api.get<AppraisalView>('/insurance/appraisal', { communityId, year }, signal),
  });
}

/** The community's settlements (all years, or one), without members. */
export function useSettlements(communityId: string | null, year: number | null) {
  return useQuery({
    queryKey: insuranceKeys.settlements(communityId, year),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<{ items: SettlementSummary[] }>('/insurance/settlements', { communityId, year }, signal).then((r) => r.items),
  });
}

export function useSettlement(id: string | null) {
  return useQuery({
    queryKey: insuranceKeys.settlement(id),
    enabled: !!id,
    queryFn: ({ signal }) => api.get<SettlementView>(`/insurance/settlements/${id}`, undefined, signal),
  });
}

/** 编制结算: a new draft settlement of a year. */
export function usePrepareSettlement() {
  const written = useInsuranceWritten();
  return useMutation({
    mutationFn: (input: SettlementRequest) => api.post<SettlementView>('/insurance/settlements', input),
    onSuccess: written,
  });
}

/** 确认: the manager confirms a draft someone else prepared (one confirmed settlement a year). */
export function useConfirmSettlement() {
  const written = useInsuranceWritten();
  return useMutation({
    mutationFn: (id: string) => api.post<SettlementView>(`/insurance/settlements/${id}/confirm`),
    onSuccess: written,
  });
}

/** DIP point value of a period: computed on request, nothing stored. */
export function useDipPointValue() {
  return useMutation({ mutationFn: (input: DipRequest) => api.post<DipView>('/insurance/dip/point-value', input) });
}

/**
 * The year as it stands against the year with `changes` (POST /insurance/what-if). The previous
 * answer stays on screen while the next one is computed.
 */
export function useWhatIf(communityId: string | null, year: number, changes: ScenarioChanges, enabled = true) {
  return useQuery({
    queryKey: insuranceKeys.whatIf(communityId, year, changes),
    enabled: !!communityId && enabled,
    placeholderData: keepPreviousData,
    queryFn: () => api.post<WhatIfView>('/insurance/what-if', { communityId, year, changes }),
  });
}

export function useScenarios(communityId: string | null, year: number) {
  return useQuery({
    queryKey: insuranceKeys.scenarios(communityId, year),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<{ items: ScenarioSummary[] }>('/insurance/scenarios', { communityId, year }, signal).then((r) => r.items),
  });
}

export function useSaveScenario() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ScenarioRequest) => api.post<ScenarioView>('/insurance/scenarios', input),
    onSuccess: (s) => qc.invalidateQueries({ queryKey: insuranceKeys.scenarios(s.communityId, s.year) }),
  });
}

/** Reads a saved scenario on demand (the editor loads it into its form when the user opens it). */
export function useFetchScenario() {
  const qc = useQueryClient();
  return (id: string) => qc.fetchQuery({ queryKey: insuranceKeys.scenario(id), queryFn: ({ signal }) => api.get<ScenarioView>(`/insurance/scenarios/${id}`, undefined, signal) });
}
