import { z } from 'zod';
import { isoDate } from './common.ts';
import { BOOKING_CHANNELS, RESOURCE_TYPES } from '@yigong/domain';

export const slotQuery = z.object({
  organizationId: z.uuid(),
  resourceType: z.enum(RESOURCE_TYPES).optional(),
  resourceId: z.uuid().optional(),
  department: z.string().trim().max(40).optional(),
  from: isoDate,
  to: isoDate,
});
export type SlotQuery = z.infer<typeof slotQuery>;

export const bookingRequest = z.object({
  id: z.uuid().optional(),
  slotId: z.uuid(),
  residentId: z.uuid(),
  channel: z.enum(BOOKING_CHANNELS),
  referralId: z.uuid().optional(),
  /** When the slot is full: join its waitlist instead of failing. */
  waitlist: z.boolean().optional(),
});
export type BookingRequest = z.infer<typeof bookingRequest>;

export const resourceInput = z.object({
  id: z.uuid().optional(),
  communityId: z.uuid(),
  organizationId: z.uuid(),
  departmentId: z.uuid().nullish(),
  type: z.enum(RESOURCE_TYPES),
  name: z.string().trim().min(2).max(60),
});
export type ResourceInput = z.infer<typeof resourceInput>;

export const availabilityRuleInput = z.object({
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  capacity: z.number().int().min(1).max(500),
  validFrom: isoDate,
  validTo: isoDate.nullish(),
});
export type AvailabilityRuleInput = z.infer<typeof availabilityRuleInput>;

export const availabilityExceptionInput = z.object({
  onDate: isoDate,
  capacity: z.number().int().min(0).max(500).nullable(),
  note: z.string().trim().max(100).nullish(),
});

export const reservationPolicyInput = z.object({
  communityId: z.uuid(),
  organizationId: z.uuid(),
  resourceType: z.enum(RESOURCE_TYPES),
  channel: z.literal('family_doctor_referral').default('family_doctor_referral'),
  sharePct: z.number().min(0).max(100),
  releaseHoursBefore: z.number().int().min(0).max(24 * 14),
});
export type ReservationPolicyInput = z.infer<typeof reservationPolicyInput>;
