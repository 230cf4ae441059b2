import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogueEntryInput, CatalogueItem, CreateReferralRequest, OrganizationDetail, ReferralFollowUpRequest, ReferralQuery, ReferralView, TransitionRequest } from '@yigong/contracts';
import type { ReferralAction } from '@yigong/domain';
import { api, apiRequest, ApiError, readToken } from '../../shared/api/api-client.ts';
import { orgKeys } from '../org/org.resource.ts';

/** Filters of GET /referrals; `role` is relative to the caller's own unit. */
export type ReferralListQuery = Partial<ReferralQuery>;

export const referralKeys = {
  lists: ['referrals', 'list'] as const,
  list: (q: ReferralListQuery) => ['referrals', 'list', q] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
  catalogue: (communityId: string | null) => ['referral-catalogue', communityId] as const,
};

/** A receiving unit with its departments (GET /organizations/:id), once one is chosen. */
export function useTargetOrganization(id: string | undefined) {
  return useQuery({
    queryKey: orgKeys.one(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => api.get<OrganizationDetail>(`/organizations/${id}`, undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** Referrals in scope, overdue first (the server's order). */
export function useReferrals(q: ReferralListQuery, enabled = true) {
  return useQuery({
    queryKey: referralKeys.list(q),
    enabled,
    queryFn: ({ signal }) =>
      api.get<{ items: ReferralView[] }>('/referrals', { ...q, overdue: q.overdue ? 'true' : undefined, limit: q.limit ?? 200 }, signal).then((r) => r.items),
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: referralKeys.one(id),
    queryFn: ({ signal }) => api.get<ReferralView>(`/referrals/${id}`, undefined, signal),
  });
}

/** After any referral write: the referral itself, every list, and the slots it may have booked. */
function useReferralWritten() {
  const qc = useQueryClient();
  return (r: ReferralView) => {
    qc.setQueryData(referralKeys.one(r.id), r);
    void qc.invalidateQueries({ queryKey: referralKeys.lists });
    void qc.invalidateQueries({ queryKey: ['slots'] });
  };
}

export function useCreateReferral() {
  const written = useReferralWritten();
  return useMutation({
    mutationFn: (input: CreateReferralRequest) => api.post<ReferralView>('/referrals', input),
    onSuccess: written,
  });
}

/** accept | reject | redirect | schedule | arrive | complete | cancel. */
export function useReferralTransition(id: string) {
  const written = useReferralWritten();
  return useMutation({
    mutationFn: ({ action, body }: { action: Exclude<ReferralAction, 'submit'>; body: TransitionRequest }) => api.post<ReferralView>(`/referrals/${id}/${action}`, body),
    onSuccess: written,
  });
}

/** The receiving unit's first follow-up completes a down-referral (docs/domain/referral.md "Down-referrals"). */
export function useFollowUp(id: string) {
  const written = useReferralWritten();
  return useMutation({
    mutationFn: (input: ReferralFollowUpRequest) => api.post<ReferralView>(`/referrals/${id}/follow-up`, input),
    onSuccess: written,
  });
}

export function useCatalogue(communityId: string | null) {
  return useQuery({
    queryKey: referralKeys.catalogue(communityId),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<{ items: CatalogueItem[] }>('/referral-catalogue', { communityId }, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/**
 * Saves a catalogue entry. The server keys entries by (level, codeFrom, codeTo): an edit that
 * changes the range is a new entry, so the old one is deleted after the new one is stored.
 */
export function useSaveCatalogueEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ entry, replaces }: { entry: CatalogueEntryInput; replaces?: CatalogueItem }) => {
      const saved = await apiRequest<{ items: CatalogueItem[] }>('/referral-catalogue', { method: 'PUT', body: entry });
      const sameKey = replaces && replaces.level === entry.level && replaces.codeFrom === entry.codeFrom && replaces.codeTo === entry.codeTo;
      if (replaces && !sameKey) {
        await apiRequest(`/referral-catalogue/${replaces.id}`, { method: 'DELETE', query: { communityId: entry.communityId } });
      }
      return saved.items;
    },
    onSuccess: (_items, { entry }) => qc.invalidateQueries({ queryKey: referralKeys.catalogue(entry.communityId) }),
  });
}

export function useDeleteCatalogueEntry(communityId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/referral-catalogue/${id}`, { method: 'DELETE', query: { communityId } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: referralKeys.catalogue(communityId) }),
  });
}

/** The referral as a FHIR R4 ServiceRequest (served outside /api/v1, same Bearer token). */
export async function fetchFhirServiceRequest(id: string): Promise<unknown> {
  const token = readToken();
  const res = await fetch(`/fhir/ServiceRequest/${id}`, { headers: { Accept: 'application/fhir+json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
  return res.json();
}
