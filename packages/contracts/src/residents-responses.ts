import { z } from 'zod';
import { KEY_POPULATION_TAGS } from '@yigong/domain';
import { calendarDate, itemsOf, pageOf, timestamp } from './common.ts';
import { INSURANCE_SCHEMES, residentFlags } from './residents.ts';

const sex = z.enum(['male', 'female']);

export const residentListItem = z.object({
  id: z.string(),
  name: z.string(),
  sex,
  birthDate: calendarDate,
  age: z.number(),
  idNumberMasked: z.string(),
  /** Present only for roles that need the full number. */
  idNumber: z.string().optional(),
  phone: z.string().nullable(),
  communityId: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  keyPopulations: z.array(z.enum(KEY_POPULATION_TAGS)),
});
export type ResidentListItem = z.infer<typeof residentListItem>;
export const residentPage = pageOf(residentListItem);

export const problemView = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  onsetDate: calendarDate.nullable(),
  resolvedDate: calendarDate.nullable(),
});
export type ProblemView = z.infer<typeof problemView>;

export const observationView = z.object({
  id: z.string(),
  kind: z.enum(['blood_pressure', 'fasting_glucose', 'random_glucose', 'height', 'weight']),
  value: z.number(),
  value2: z.number().nullable(),
  unit: z.string(),
  observedAt: timestamp,
  organizationId: z.string().nullable(),
});
export type ObservationView = z.infer<typeof observationView>;

export const timelineEntry = z.object({
  at: timestamp,
  kind: z.enum(['created', 'problem', 'observation', 'transfer', 'update', 'merge']),
  title: z.string(),
  detail: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const residentRecord = residentListItem.extend({
  address: z.string().nullable(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  householdId: z.string().nullable(),
  householdMembers: z.array(z.object({ id: z.string(), name: z.string(), sex, birthDate: calendarDate })),
  insuranceScheme: z.enum(INSURANCE_SCHEMES),
  flags: residentFlags,
  status: z.enum(['active', 'transferred_out', 'merged', 'deceased']),
  communityName: z.string(),
  problems: z.array(problemView),
  observations: z.array(observationView),
  timeline: z.array(timelineEntry),
  /** How this read was authorised: in scope, or through an access grant (授权调阅). */
  access: z.enum(['scope', 'grant', 'own']),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ResidentRecord = z.infer<typeof residentRecord>;

/** POST /residents: the record, and the residents it may duplicate (疑似重复). */
export const createdResident = residentRecord.extend({ duplicateCandidates: z.array(z.string()) });
export type CreatedResident = z.infer<typeof createdResident>;

/** POST /residents/:id/reveal-id. */
export const revealedIdNumber = z.object({ idNumber: z.string() });
export type RevealedIdNumber = z.infer<typeof revealedIdNumber>;

/** POST /residents/:id/transfer: the record now lives in the other community. */
export const transferredResident = z.object({
  id: z.string(),
  communityId: z.string(),
  organizationId: z.string(),
  status: z.literal('active'),
  previousCommunityId: z.string(),
});

export const candidateStatus = z.enum(['open', 'linked', 'kept_apart']);
export const candidateView = z.object({
  communityId: z.string(),
  status: candidateStatus,
  createdAt: timestamp,
  a: residentListItem,
  b: residentListItem,
});
export type CandidateView = z.infer<typeof candidateView>;
export const candidateList = itemsOf(candidateView);

/** POST /duplicate-candidates/resolve. */
export const resolvedCandidate = z.object({ residentA: z.string(), residentB: z.string(), status: z.enum(['linked', 'kept_apart']) });

export const grantView = z.object({
  id: z.string(),
  communityId: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  granteeId: z.string(),
  granteeUsername: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'active', 'rejected', 'revoked']),
  requestedAt: timestamp,
  expiresAt: timestamp,
});
export type GrantView = z.infer<typeof grantView>;
export const grantList = itemsOf(grantView);

export const icd10Item = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type Icd10Item = z.infer<typeof icd10Item>;
export const icd10List = itemsOf(icd10Item);
