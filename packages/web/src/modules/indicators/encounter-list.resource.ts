import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EncounterListItem, EncounterListResponse } from '@yigong/contracts';
import type { IndicatorPart } from '@yigong/domain';
import { api } from '../../shared/api/api-client.ts';

/** What the encounter list shows: a scope, a period, and maybe one part of one indicator. */
export interface EncounterListScope {
  communityId: string | null;
  organizationId: string | null;
  period: string;
  indicator: string | null;
  part: IndicatorPart;
}

export const encounterListKeys = {
  page: (s: EncounterListScope, page: number, limit: number) => ['indicators', 'encounters', s.communityId, s.organizationId, s.period, s.indicator, s.part, page, limit] as const,
};

function fetchPage(s: EncounterListScope, page: number, limit: number, signal?: AbortSignal): Promise<EncounterListResponse> {
  return api.get<EncounterListResponse>('/encounters', {
    communityId: s.communityId, organizationId: s.organizationId, period: s.period, indicator: s.indicator, part: s.indicator ? s.part : null, page, limit,
  }, signal);
}

/**
 * One page of GET /encounters. The previous page stays on screen while the next loads. Each page
 * is an audited read on the server, so it is not refetched behind the user's back.
 */
export function useEncounterList(s: EncounterListScope, page: number, limit: number) {
  return useQuery({
    queryKey: encounterListKeys.page(s, page, limit),
    enabled: !!s.communityId,
    queryFn: ({ signal }) => fetchPage(s, page, limit, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

/** Rows an Excel export takes at most (pages of 500; each page an audited read). */
export const EXPORT_LIMIT = 10_000;

/** Every row of the list for the Excel export, up to EXPORT_LIMIT; `truncated` when there were more. */
export async function fetchAllEncounters(s: EncounterListScope): Promise<{ rows: EncounterListItem[]; total: number; truncated: boolean }> {
  const limit = 500;
  const rows: EncounterListItem[] = [];
  let total = 0;
  for (let page = 1; rows.length < EXPORT_LIMIT; page++) {
    const r = await fetchPage(s, page, limit);
    total = r.total;
    rows.push(...r.items);
    if (r.items.length < limit || rows.length >= total) break;
  }
  return { rows: rows.slice(0, EXPORT_LIMIT), total, truncated: total > EXPORT_LIMIT };
}
