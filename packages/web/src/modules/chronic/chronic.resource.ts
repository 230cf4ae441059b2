import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChronicRatesResponse, EnrollmentRequest, FollowUpRequest, FollowUpResponse, Rates } from '@yigong/contracts';
import type { ChronicDisease, Classification, FollowUpWay, NextStep, SymptomCode } from '@yigong/domain';
import { api } from '../../shared/api/api-client.ts';

export type CallOutcome = 'agreed_visit' | 'remind_later' | 'moved' | 'died';
export const CALL_OUTCOMES: readonly CallOutcome[] = ['agreed_visit', 'remind_later', 'moved', 'died'];

/** An enrolment as the server returns it (snake_case rows of chronic_enrollment). */
export interface EnrollmentView {
  id: string;
  resident_id: string;
  resident_name: string;
  birth_date: string;
  disease: ChronicDisease;
  enrolled_on: string;
  organization_id: string;
  organization_name: string;
  ended_on: string | null;
  end_reason: string | null;
  next_due_date: string | null;
  last_classification: Classification | null;
  phone: string | null;
}

/** A row of GET /chronic/worklist: an open enrolment due or overdue (with the last call). */
export interface WorklistRow extends EnrollmentView {
  days_overdue?: number;
  last_call_outcome?: CallOutcome | null;
  last_called_on?: string | null;
}

export interface FollowUpView {
  id: string;
  enrollmentId: string;
  date: string;
  way: FollowUpWay;
  sbp: number | null;
  dbp: number | null;
  fastingGlucose: number | null;
  heartRate: number | null;
  classification: Classification;
  controlled: boolean;
  nextStep: NextStep;
  nextDueDate: string;
  urgentReasons: string[];
  symptoms: SymptomCode[];
}

export interface ResidentEnrollment extends EnrollmentView {
  followUps: FollowUpView[];
}

export type ReferralProposal = NonNullable<FollowUpResponse['referralProposal']>;

export interface UnitRates {
  organizationId: string;
  name: string;
  kind: string;
  parentId: string | null;
  hypertension: Rates;
  diabetes: Rates;
  combined: Rates;
}

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
      api.post<{ id: string }>(`/chronic/enrollments/${enrollmentId}/calls`, body),
    onSuccess: written,
  });
}

/** CHRONIC.md rates of a community for a year (as of the year's end or today). */
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
    queryFn: ({ signal }) => api.get<{ year: number; asOf: string; items: UnitRates[] }>('/chronic/rates/by-unit', { communityId, year }, signal),
  });
}
