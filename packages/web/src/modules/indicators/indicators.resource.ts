import { useQueries, useQuery } from '@tanstack/react-query';
import type { CommunityView, IndicatorSeriesResponse, IndicatorsByUnitResponse, IndicatorsResponse, IndicatorValueView, OrganizationView, OutCountyDisease } from '@yigong/contracts';
import { INDICATOR_DEFINITIONS, type IndicatorDefinition } from '@yigong/domain';
import { api } from '../../shared/api/api-client.ts';

/** The response split into the plain values (by code) and the top out-of-county diseases. */
export interface IndicatorSet {
  period: string;
  values: IndicatorValueView[];
  byCode: Map<string, IndicatorValueView>;
  topDiseases: OutCountyDisease[] | null;
}

export const DEFINITIONS: readonly IndicatorDefinition[] = INDICATOR_DEFINITIONS;
export const definitionOf = (code: string): IndicatorDefinition | undefined => DEFINITIONS.find((d) => d.code === code);

/** The unit-level indicators of the ranking (values per member unit). */
export const UNIT_CODES = ['avg_length_of_stay', 'outpatient_cost_per_visit', 'inpatient_cost_per_case', 'grade34_surgery_share', 'cmi'] as const;
/** The headline indicators of the regulator's side-by-side table. */
export const HEADLINE_CODES = [
  'county_visit_rate',
  'county_inpatient_rate',
  'grassroots_visit_rate',
  'out_transfer_rate',
  'out_of_pocket_share',
  'avg_length_of_stay',
  'outpatient_cost_per_visit',
  'inpatient_cost_per_case',
  'cmi',
] as const;
/** Units ranked: the hospitals and the township centres. */
export const RANKED_KINDS: ReadonlySet<string> = new Set(['lead_hospital', 'county_hospital', 'tcm_hospital', 'maternal_child_hospital', 'township_center', 'community_center']);

export const indicatorKeys = {
  all: ['indicators'] as const,
  values: (communityId: string | null, organizationId: string | null, period: string) => ['indicators', communityId, organizationId, period] as const,
};

function toSet(r: IndicatorsResponse): IndicatorSet {
  const values: IndicatorValueView[] = [];
  let topDiseases: OutCountyDisease[] | null = null;
  for (const v of r.values) {
    if ('items' in v) topDiseases = v.items;
    else values.push(v);
  }
  return { period: r.period, values, byCode: new Map(values.map((v) => [v.code, v])), topDiseases };
}

function indicatorsQuery(communityId: string | null, organizationId: string | null, period: string, refetchInterval?: number) {
  return {
    queryKey: indicatorKeys.values(communityId, organizationId, period),
    enabled: !!communityId,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<IndicatorsResponse>('/indicators', { communityId, organizationId, period }, signal).then(toSet),
    staleTime: 30_000,
    refetchInterval,
  };
}

/** The indicators of a community (or one of its units) for a period. */
export function useIndicators(communityId: string | null, organizationId: string | null, period: string, refetchInterval?: number) {
  return useQuery(indicatorsQuery(communityId, organizationId, period, refetchInterval));
}

/**
 * A 12-month trend in one request (GET /indicators/series: one aggregate query on the server).
 * Returns the months in order with their sets (undefined while loading).
 */
export function useIndicatorTrend(communityId: string | null, organizationId: string | null, months: readonly string[], refetchInterval?: number) {
  const from = months[0] ?? '';
  const to = months.at(-1) ?? '';
  const q = useQuery({
    queryKey: [...indicatorKeys.all, 'series', communityId, organizationId, from, to],
    enabled: !!communityId && months.length > 0,
    queryFn: ({ signal }) => api.get<IndicatorSeriesResponse>('/indicators/series', { communityId, organizationId, from, to }, signal),
    staleTime: 30_000,
    refetchInterval,
  });
  const byMonth = new Map(q.data?.months.map((m) => [m.period, m.values]));
  return {
    points: months.map((m) => {
      const values = byMonth.get(m);
      return { month: m, set: values ? toSet({ period: m, scope: { communityId: communityId ?? '' }, values }) : undefined };
    }),
    isPending: q.isPending,
    error: q.error,
    refetch: () => void q.refetch(),
  };
}

/** The unit-level indicators of each ranked unit for a period, in one request (GET /indicators/by-unit). */
export function useUnitIndicators(communityId: string | null, units: readonly OrganizationView[], period: string) {
  const q = useQuery({
    queryKey: [...indicatorKeys.all, 'by-unit', communityId, period],
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<IndicatorsByUnitResponse>('/indicators/by-unit', { communityId, period }, signal),
    staleTime: 30_000,
  });
  const byUnit = new Map(q.data?.units.map((u) => [u.organizationId, u.values]));
  // A unit with no encounters in the period has no row on the server: show it with empty values.
  const empty = (id: string) => byUnit.get(id) ?? [];
  return {
    rows: q.data ? units.map((u) => ({ unit: u, set: toSet({ period, scope: { communityId: communityId ?? '', organizationId: u.id }, values: empty(u.id) }) })) : undefined,
    isPending: q.isPending,
    error: q.error,
    refetch: () => void q.refetch(),
  };
}

/** The headline indicators of every community the user sees (the regulator's comparison). */
export function useCommunityComparison(communities: readonly CommunityView[], period: string) {
  const results = useQueries({ queries: communities.map((c) => indicatorsQuery(c.id, null, period)) });
  return {
    rows: results.every((r) => r.data) ? communities.map((c, i) => ({ community: c, set: results[i]!.data! })) : undefined,
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
    refetch: () => results.forEach((r) => void r.refetch()),
  };
}
