import { z } from 'zod';
import { isoDate, isoDateTime } from './common.ts';
import { CATALOGUE_LEVELS, CATALOGUE_RULES, REFERRAL_DIRECTIONS, REFERRAL_PRIORITIES, REFERRAL_STATUSES, REJECT_REASONS } from '@yigong/domain';

const icd = z.string().trim().toUpperCase().regex(/^[A-Z]\d{2}(\.[0-9X])?$/, 'ICD-10 编码格式不正确');

export const createReferralRequest = z
  .object({
    id: z.uuid().optional(),
    residentId: z.uuid(),
    direction: z.enum(REFERRAL_DIRECTIONS),
    toOrganizationId: z.uuid(),
    toDepartment: z.string().trim().max(40).optional(),
    externalHospital: z.string().trim().max(100).optional(),
    priority: z.enum(REFERRAL_PRIORITIES),
    reason: z.string().trim().min(2).max(500),
    diagnoses: z.array(z.object({ code: icd, primary: z.boolean().default(false) })).min(1).max(10),
    history: z.string().trim().max(2000).optional(),
    treatment: z.string().trim().max(2000).optional(),
    slotId: z.uuid().optional(),
    parentReferralId: z.uuid().optional(),
    clientRecordedAt: isoDateTime.optional(),
  })
  .refine((r) => r.diagnoses.filter((d) => d.primary).length <= 1, { message: '只能有一个主要诊断', path: ['diagnoses'] });
export type CreateReferralRequest = z.infer<typeof createReferralRequest>;

export const referralOutcome = z.object({
  diagnosis: icd,
  inpatientNumber: z.string().trim().max(40).optional(),
  keyResults: z.string().trim().max(2000).optional(),
  treatment: z.string().trim().max(2000).optional(),
  plan: z.string().trim().max(2000).optional(),
  rehabilitation: z.string().trim().max(2000).optional(),
});

export const transitionRequest = z.object({
  reason: z.string().trim().max(500).optional(),
  rejectReason: z.enum(REJECT_REASONS).optional(),
  comment: z.string().trim().max(500).optional(),
  slotId: z.uuid().optional(),
  toOrganizationId: z.uuid().optional(),
  outcome: referralOutcome.optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequest>;

export const referralQuery = z.object({
  direction: z.enum(REFERRAL_DIRECTIONS).optional(),
  status: z.enum(REFERRAL_STATUSES).optional(),
  role: z.enum(['incoming', 'outgoing']).optional(),
  residentId: z.uuid().optional(),
  overdue: z.coerce.boolean().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ReferralQuery = z.infer<typeof referralQuery>;

/** POST /referrals/:id/follow-up: the receiving unit's first follow-up of a down-referred resident. */
export const referralFollowUpRequest = z.object({
  date: isoDate,
  diagnosis: z.string().trim().toUpperCase().regex(/^[A-Z]\d{2}(\.[0-9X])?$/),
  plan: z.string().trim().max(500).optional(),
  sbp: z.number().int().min(40).max(300).optional(),
  dbp: z.number().int().min(20).max(200).optional(),
});
export type ReferralFollowUpRequest = z.infer<typeof referralFollowUpRequest>;

export const catalogueEntryInput = z.object({
  communityId: z.uuid(),
  level: z.enum(CATALOGUE_LEVELS),
  codeFrom: icd,
  codeTo: icd,
  rule: z.enum(CATALOGUE_RULES),
  note: z.string().trim().max(200).nullish(),
});
export type CatalogueEntryInput = z.infer<typeof catalogueEntryInput>;
