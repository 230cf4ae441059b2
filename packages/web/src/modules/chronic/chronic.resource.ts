import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallOutcome, ChronicRatesResponse, EnrollmentRequest, EnrollmentView, FollowUpRequest, FollowUpResponse, RecordedCall, ResidentEnrollment, UnitRatesResponse, WorklistRow } from '@yigong/contracts';
import { api } from '../../shared/api/api-client.ts';

export const chronicKeys = {
  all: ['chronic'] as const,
  worklists: ['chronic', 'worklist'] as const,
  worklist: (kind: 'due' | 'overdue', days: number) => ['chronic', 'worklist', kind, days] as const,
  resident: (id: string) => ['chronic', 'resident', id] as const,
  rates: (communityId: string | null, year: number) => ['chronic', 'rates', communityId, year] as const,
  byUnit: (communityId: string | null, year: number) => ['chronic', 'rates-by-unit', communityId, year] as const,
};

/** The caller's follow-up work: due within `days` (from today) or overdue, most overdue first. */
export function useWorklist(kind: 'due' | 'overdue', days = 7) {
  return useQuery({
    queryKey: chronicKeys.worklist(kind, days),
    queryFn: ({ signal }) => api.get<{ items: WorklistRow[] }>('/chronic/worklist', { kind, days }, signal).then((r) => r.items),
  });
}

/** A resident's enrolments with their follow-ups (newest first). */
export function useResidentChronic(residentId: string, enabled = true) {
  return useQuery({
    queryKey: chronicKeys.resident(residentId),
    enabled,
    queryFn: ({ signal }) => api.get<{ items: ResidentEnrollment[] }>(`/chronic/residents/${residentId}`, undefined, signal).then((r) => r.items),
  });
}

/** After a chronic write: work lists, the resident's enrolments and rates are stale. */
function useChronicWritten() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: chronicKeys.all });
}

export function useEnroll() {
  const written = useChronicWritten();
  return useMutation({
    mutationFn: (input: EnrollmentRequest) => api.post<EnrollmentView>('/chronic/enrollments', input),
    onSuccess: written,
  });
}

export function useRecordFollowUp() {
  const written = useChronicWritten();
  return useMutation({
    mutationFn: (input: FollowUpRequest) => api.post<FollowUpResponse>('/chronic/followups', input),
    onSuccess: written,
  });
}

export function useRecordCall() {
  const written = useChronicWritten();
  return useMutation({
    mutationFn: ({ enrollmentId, ...body }: { enrollmentId: string; calledOn: string; outcome: CallOutcome; note?: string }) =>
      api.post<RecordedCall>(`/chronic/enrollments/${enrollmentId}/calls`, body),
    onSuccess: written,
  });
}

/** Chronic rates of a community for a year, as of the year's end or today (docs/domain/chronic.md "Rates"). */
export function useChronicRates(communityId: string | null, year: number) {
  return useQuery({
    queryKey: chronicKeys.rates(communityId, year),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<ChronicRatesResponse>('/chronic/rates', { communityId, year }, signal),
  });
}

export function useChronicRatesByUnit(communityId: string | null, year: number) {
  return useQuery({
    queryKey: chronicKeys.byUnit(communityId, year),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<UnitRatesResponse>('/chronic/rates/by-unit', { communityId, year }, signal),
  });
}
