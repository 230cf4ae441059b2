import { z } from 'zod';
import { pageQuery, isoDate, isoDateTime } from './common.ts';

export const INSURANCE_SCHEMES = ['urban_employee', 'urban_rural_resident', 'commercial', 'none'] as const;

export const residentFlags = z.object({
  disabled: z.boolean().optional(),
  specialFamilyPlanning: z.boolean().optional(),
  poverty: z.boolean().optional(),
  pregnancyDueDate: isoDate.nullish(),
  deliveryDate: isoDate.nullish(),
});

export const createResidentRequest = z.object({
  /** Client-generated id: a retried create with the same id and content returns the same resident. */
  id: z.uuid().optional(),
  idNumber: z.string().trim().min(1).max(30),
  name: z.string().trim().min(1).max(40),
  /** Optional: cross-checked against the ID number when given. */
  sex: z.enum(['male', 'female']).optional(),
  birthDate: isoDate.optional(),
  phone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '手机号或座机号格式不正确').nullish(),
  address: z.string().trim().max(200).nullish(),
  communityId: z.uuid(),
  organizationId: z.uuid().optional(),
  gridId: z.uuid().nullish(),
  householdId: z.uuid().nullish(),
  insuranceScheme: z.enum(INSURANCE_SCHEMES).optional(),
  flags: residentFlags.optional(),
  clientRecordedAt: isoDateTime.optional(),
});
export type CreateResidentRequest = z.infer<typeof createResidentRequest>;

export const updateResidentRequest = z.object({
  name: z.string().trim().min(1).max(40).optional(),
  phone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '手机号或座机号格式不正确').nullish(),
  address: z.string().trim().max(200).nullish(),
  organizationId: z.uuid().optional(),
  gridId: z.uuid().nullish(),
  householdId: z.uuid().nullish(),
  insuranceScheme: z.enum(INSURANCE_SCHEMES).optional(),
  flags: residentFlags.optional(),
});
export type UpdateResidentRequest = z.infer<typeof updateResidentRequest>;

export const residentQuery = z.object({
  q: z.string().trim().max(40).optional(),
  communityId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  ...pageQuery,
});
export type ResidentQuery = z.infer<typeof residentQuery>;

export const addProblemRequest = z.object({
  id: z.uuid().optional(),
  code: z.string().trim().toUpperCase().regex(/^[A-Z]\d{2}(\.[0-9X])?$/, 'ICD-10 编码格式不正确'),
  onsetDate: isoDate.nullish(),
});
export type AddProblemRequest = z.infer<typeof addProblemRequest>;

export const addObservationRequest = z
  .object({
    id: z.uuid().optional(),
    kind: z.enum(['blood_pressure', 'fasting_glucose', 'random_glucose', 'height', 'weight']),
    value: z.number().positive(),
    value2: z.number().positive().nullish(),
    observedAt: isoDateTime,
    clientRecordedAt: isoDateTime.optional(),
  })
  .refine((o) => o.kind !== 'blood_pressure' || (o.value2 != null && o.value > o.value2), {
    message: '血压须填写收缩压和舒张压，且收缩压大于舒张压',
    path: ['value2'],
  });
export type AddObservationRequest = z.infer<typeof addObservationRequest>;

export const transferRequest = z.object({
  toCommunityId: z.uuid(),
  toOrganizationId: z.uuid(),
  reason: z.string().trim().min(2).max(200),
});
export type TransferRequest = z.infer<typeof transferRequest>;

export const revealRequest = z.object({ purpose: z.string().trim().min(2).max(200) });

export const resolveCandidateRequest = z.object({
  residentA: z.uuid(),
  residentB: z.uuid(),
  resolution: z.enum(['linked', 'kept_apart']),
  /** For `linked`: the record that survives (the other is merged into it). */
  survivorId: z.uuid().optional(),
});
export type ResolveCandidateRequest = z.infer<typeof resolveCandidateRequest>;

export const grantRequest = z.object({
  residentId: z.uuid(),
  communityId: z.uuid(),
  reason: z.string().trim().min(4).max(200),
  hours: z.number().int().min(1).max(72),
});
export type GrantRequest = z.infer<typeof grantRequest>;

export const icd10Query = z.object({ q: z.string().trim().max(40).optional(), limit: z.coerce.number().int().min(1).max(100).default(20) });
