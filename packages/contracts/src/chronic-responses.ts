import { z } from 'zod';
import { CHRONIC_DISEASES, CLASSIFICATIONS, FOLLOW_UP_WAYS, NEXT_STEPS } from '@yigong/domain';
import { calendarDate, itemsOf } from './common.ts';
import { symptomCodes } from './chronic.ts';

export const CALL_OUTCOMES = ['agreed_visit', 'remind_later', 'moved', 'died'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** An enrolment as the server returns it (snake_case rows of chronic_enrollment). */
export const enrollmentView = z.object({
  community_id: z.string(),
  id: z.string(),
  resident_id: z.string(),
  resident_name: z.string(),
  birth_date: calendarDate,
  disease: z.enum(CHRONIC_DISEASES),
  enrolled_on: calendarDate,
  organization_id: z.string(),
  organization_name: z.string(),
  doctor_id: z.string().nullable(),
  ended_on: calendarDate.nullable(),
  end_reason: z.string().nullable(),
  next_due_date: calendarDate.nullable(),
  last_classification: z.enum(CLASSIFICATIONS).nullable(),
  phone: z.string().nullable(),
});
export type EnrollmentView = z.infer<typeof enrollmentView>;

/** A row of GET /chronic/worklist: an open enrolment due, or overdue with the last call. */
export const worklistRow = enrollmentView.extend({
  days_overdue: z.number().int().optional(),
  last_call_outcome: z.enum(CALL_OUTCOMES).nullish(),
  last_called_on: calendarDate.nullish(),
});
export type WorklistRow = z.infer<typeof worklistRow>;
export const worklistResponse = itemsOf(worklistRow);

export const followUpView = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  date: calendarDate,
  way: z.enum(FOLLOW_UP_WAYS),
  sbp: z.number().nullable(),
  dbp: z.number().nullable(),
  fastingGlucose: z.number().nullable(),
  heartRate: z.number().nullable(),
  classification: z.enum(CLASSIFICATIONS),
  controlled: z.boolean(),
  nextStep: z.enum(NEXT_STEPS),
  nextDueDate: calendarDate,
  urgentReasons: z.array(z.string()),
  symptoms: z.array(z.enum(symptomCodes)),
});
export type FollowUpView = z.infer<typeof followUpView>;

/** GET /chronic/residents/:id: each enrolment of a resident with its follow-ups, newest first. */
export const residentEnrollment = enrollmentView.extend({ followUps: z.array(followUpView) });
export type ResidentEnrollment = z.infer<typeof residentEnrollment>;
export const residentEnrollments = itemsOf(residentEnrollment);

/** Urgent cases: a green-channel up-referral for the doctor to confirm (docs/domain/chronic.md). */
export const referralProposal = z.object({
  direction: z.literal('up'),
  priority: z.enum(['green_channel', 'routine']),
  toOrganizationId: z.string(),
  toOrganizationName: z.string(),
  diagnoses: z.array(z.object({ code: z.string(), primary: z.boolean() })),
  reason: z.string(),
});
export type ReferralProposal = z.infer<typeof referralProposal>;

/** POST /chronic/followups: the classification (docs/domain/chronic.md) and what to do next. */
export const followUpResponse = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  date: calendarDate,
  way: z.enum(FOLLOW_UP_WAYS),
  classification: z.enum(CLASSIFICATIONS),
  controlled: z.boolean(),
  nextStep: z.enum(NEXT_STEPS),
  nextDueDate: calendarDate,
  urgentReasons: z.array(z.string()),
  ruleSet: z.string(),
  referralProposal: referralProposal.nullable(),
});
export type FollowUpResponse = z.infer<typeof followUpResponse>;

/** POST /chronic/enrollments/:id/calls: the call as recorded. */
export const recordedCall = z.object({
  id: z.string(),
  calledOn: calendarDate,
  outcome: z.enum(CALL_OUTCOMES),
  note: z.string().optional(),
});
export type RecordedCall = z.infer<typeof recordedCall>;

/** POST /chronic/prescriptions: a long prescription (长处方). */
export const longPrescriptionView = z.object({
  id: z.string(),
  enrollmentId: z.string(),
  weeks: z.number().int(),
  issuedOn: calendarDate,
  medicines: z.array(z.object({ name: z.string(), dose: z.string(), quantity: z.number().int() })),
});

export const ratesView = z.object({
  managed: z.number(),
  standard: z.number(),
  controlled: z.number(),
  standardRate: z.number().nullable(),
  controlRate: z.number().nullable(),
});
export type Rates = z.infer<typeof ratesView>;

/** GET /chronic/rates (docs/domain/chronic.md "rates"). */
export const chronicRatesResponse = z.object({
  year: z.number().int(),
  asOf: calendarDate,
  scope: z.object({ communityId: z.string(), organizationId: z.string().nullable() }),
  ruleSet: z.string(),
  hypertension: ratesView,
  diabetes: ratesView,
  combined: ratesView,
});
export type ChronicRatesResponse = z.infer<typeof chronicRatesResponse>;

export const unitRates = z.object({
  organizationId: z.string(),
  name: z.string(),
  kind: z.string(),
  parentId: z.string().nullable(),
  hypertension: ratesView,
  diabetes: ratesView,
  combined: ratesView,
});
export type UnitRates = z.infer<typeof unitRates>;

/** GET /chronic/rates/by-unit. */
export const unitRatesResponse = z.object({ year: z.number().int(), asOf: calendarDate, communityId: z.string(), items: z.array(unitRates) });
export type UnitRatesResponse = z.infer<typeof unitRatesResponse>;
