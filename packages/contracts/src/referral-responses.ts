import { z } from 'zod';
import { CATALOGUE_LEVELS, CATALOGUE_RULES, REFERRAL_ACTIONS, REFERRAL_DIRECTIONS, REFERRAL_PRIORITIES, REFERRAL_STATUSES } from '@yigong/domain';
import { itemsOf, statusEventView, timestamp } from './common.ts';

export const referralEventView = statusEventView;
export type ReferralEventView = z.infer<typeof referralEventView>;

/** The receiver's summary (回转单) as stored: the fields of `referralOutcome`. */
export const referralOutcomeView = z.object({
  diagnosis: z.string(),
  inpatientNumber: z.string().optional(),
  keyResults: z.string().optional(),
  treatment: z.string().optional(),
  plan: z.string().optional(),
  rehabilitation: z.string().optional(),
});

export const referralView = z.object({
  id: z.string(),
  communityId: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  direction: z.enum(REFERRAL_DIRECTIONS),
  status: z.enum(REFERRAL_STATUSES),
  priority: z.enum(REFERRAL_PRIORITIES),
  fromOrganizationId: z.string(),
  fromOrganizationName: z.string(),
  fromDepartment: z.string().nullable(),
  toOrganizationId: z.string(),
  toOrganizationName: z.string(),
  toDepartment: z.string().nullable(),
  toDepartmentName: z.string().nullable(),
  externalHospital: z.string().nullable(),
  reason: z.string(),
  diagnoses: z.array(z.object({ code: z.string(), primary: z.boolean(), name: z.string().optional() })),
  /** The form's past history (既往史); `history` is the event list. */
  pastHistory: z.string().nullable(),
  treatment: z.string().nullable(),
  catalogueCheck: z.object({ rule: z.enum(CATALOGUE_RULES).nullable(), matched: z.boolean(), range: z.string().nullable() }),
  deadlineAt: timestamp,
  overdue: z.boolean(),
  escalatedAt: timestamp.nullable(),
  pickupCode: z.string(),
  slotId: z.string().nullable(),
  bookingId: z.string().nullable(),
  slotStartsAt: timestamp.nullable(),
  outcome: referralOutcomeView.nullable(),
  rejectReason: z.string().nullable(),
  parentReferralId: z.string().nullable(),
  senderName: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** The caller's side, and what it may do next. */
  side: z.enum(['sender', 'receiver']).nullable(),
  actions: z.array(z.enum(REFERRAL_ACTIONS)),
  /** Append-only transition history, oldest first. */
  history: z.array(referralEventView),
});
export type ReferralView = z.infer<typeof referralView>;
export const referralList = itemsOf(referralView);

/** One row of the referral disease catalogue (转诊病种目录). */
export const catalogueItem = z.object({
  id: z.string(),
  level: z.enum(CATALOGUE_LEVELS),
  codeFrom: z.string(),
  codeTo: z.string(),
  rule: z.enum(CATALOGUE_RULES),
  note: z.string().nullable(),
});
export type CatalogueItem = z.infer<typeof catalogueItem>;
export const catalogueList = itemsOf(catalogueItem);
