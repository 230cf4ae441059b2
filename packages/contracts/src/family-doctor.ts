import { z } from 'zod';
import { isoDate } from './common.ts';
import { PACKAGE_POPULATIONS, TERMINATION_REASONS } from '@yigong/domain';

export const contractRequest = z.object({
  id: z.uuid().optional(),
  residentId: z.uuid(),
  teamId: z.uuid(),
  packageIds: z.array(z.uuid()).min(1).max(10),
  startsOn: isoDate,
  /** Contracts run a year (one year, renewable). */
  months: z.number().int().min(1).max(12).default(12),
});
export type ContractRequest = z.infer<typeof contractRequest>;

export const terminateRequest = z.object({ reason: z.enum(TERMINATION_REASONS), terminatedOn: isoDate, note: z.string().trim().max(200).optional() });
export const serviceRequest = z.object({ id: z.uuid().optional(), itemId: z.uuid(), deliveredOn: isoDate, note: z.string().trim().max(200).optional() });

export const teamRequest = z.object({
  communityId: z.uuid(),
  organizationId: z.uuid(),
  name: z.string().trim().min(2).max(60),
  members: z.array(z.object({ practitionerId: z.uuid(), role: z.enum(['gp_lead', 'village_doctor', 'nurse', 'public_health', 'specialist', 'pharmacist']) })).min(1).max(20),
});
export type TeamRequest = z.infer<typeof teamRequest>;

export const packageRequest = z.object({
  communityId: z.uuid(),
  code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/),
  name: z.string().trim().min(2).max(60),
  population: z.enum(PACKAGE_POPULATIONS),
  priceFen: z.number().int().min(0),
  insuranceFen: z.number().int().min(0),
  publicHealthFen: z.number().int().min(0),
  financeFen: z.number().int().min(0),
  residentFen: z.number().int().min(0),
  items: z.array(z.object({ code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/), name: z.string().trim().min(2).max(60), timesPerYear: z.number().int().min(1).max(52) })).min(1).max(30),
});
export type PackageRequest = z.infer<typeof packageRequest>;
