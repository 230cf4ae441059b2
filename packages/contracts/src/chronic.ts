import { z } from 'zod';
import { isoDate, isoDateTime } from './common.ts';
import { CHRONIC_DISEASES, FOLLOW_UP_WAYS, SYMPTOMS } from '@yigong/domain';

export const symptomCodes = Object.keys(SYMPTOMS) as [keyof typeof SYMPTOMS, ...(keyof typeof SYMPTOMS)[]];

export const enrollmentRequest = z.object({
  id: z.uuid().optional(),
  residentId: z.uuid(),
  disease: z.enum(CHRONIC_DISEASES),
  enrolledOn: isoDate,
  organizationId: z.uuid(),
  riskLevel: z.enum(['low', 'medium', 'high', 'very_high']).optional(),
});
export type EnrollmentRequest = z.infer<typeof enrollmentRequest>;

export const followUpRequest = z.object({
  id: z.uuid().optional(),
  enrollmentId: z.uuid(),
  date: isoDate,
  way: z.enum(FOLLOW_UP_WAYS),
  sbp: z.number().int().min(50).max(300).optional(),
  dbp: z.number().int().min(20).max(200).optional(),
  fastingGlucose: z.number().min(1).max(40).optional(),
  heartRate: z.number().int().min(20).max(250).optional(),
  temperature: z.number().min(30).max(45).optional(),
  weight: z.number().min(2).max(300).optional(),
  symptoms: z.array(z.enum(symptomCodes)).max(20),
  adverseReaction: z.boolean(),
  complication: z.boolean(),
  pregnantOrLactating: z.boolean().optional(),
  clientRecordedAt: isoDateTime.optional(),
}).refine((f) => (f.sbp == null) === (f.dbp == null) && (f.sbp == null || f.sbp > f.dbp!), { message: '收缩压和舒张压须同时填写，且收缩压大于舒张压', path: ['dbp'] });
export type FollowUpRequest = z.infer<typeof followUpRequest>;

export const ratesQuery = z.object({
  communityId: z.uuid(),
  organizationId: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  asOf: isoDate.optional(),
});

export const callRequest = z.object({
  calledOn: isoDate,
  outcome: z.enum(['agreed_visit', 'remind_later', 'moved', 'died']),
  note: z.string().trim().max(200).optional(),
});

export const longPrescriptionRequest = z.object({
  id: z.uuid().optional(),
  enrollmentId: z.uuid(),
  weeks: z.number().int().min(1).max(52),
  medicines: z.array(z.object({ name: z.string().trim().min(1).max(60), dose: z.string().trim().min(1).max(60), quantity: z.number().int().min(1).max(1000) })).min(1).max(10),
});
export type LongPrescriptionRequest = z.infer<typeof longPrescriptionRequest>;
