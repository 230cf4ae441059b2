import { z } from 'zod';
import { BOOKING_CHANNELS, RESOURCE_TYPES } from '@yigong/domain';
import { itemsOf, timestamp } from './common.ts';

export const slotView = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  resourceType: z.enum(RESOURCE_TYPES),
  organizationId: z.string(),
  department: z.string().nullable(),
  departmentName: z.string().nullable(),
  startsAt: timestamp,
  endsAt: timestamp,
  capacity: z.number().int(),
  reserved: z.number().int(),
  bookedReserved: z.number().int(),
  bookedPublic: z.number().int(),
  reservedFree: z.number().int(),
  publicFree: z.number().int(),
  releaseAt: timestamp,
  released: z.boolean(),
  waiting: z.number().int(),
});
export type SlotView = z.infer<typeof slotView>;
export const slotList = itemsOf(slotView);

export const bookingView = z.object({
  id: z.string(),
  slotId: z.string(),
  residentId: z.string(),
  channel: z.enum(BOOKING_CHANNELS),
  pool: z.enum(['reserved', 'public']),
  referralId: z.string().nullable(),
  status: z.enum(['booked', 'cancelled']),
  createdAt: timestamp,
});
export type BookingView = z.infer<typeof bookingView>;

/** POST /bookings with `waitlist` when the slot is full: 202 and the place in the queue. */
export const waitlistEntry = z.object({ waitlisted: z.literal(true), id: z.string(), slotId: z.string() });
export type WaitlistEntry = z.infer<typeof waitlistEntry>;

/** A bookable resource (expert clinic session, ward beds, exam device). */
export const resourceView = z.object({
  communityId: z.string(),
  id: z.string(),
  organizationId: z.string(),
  organizationKind: z.string(),
  departmentId: z.string().nullable(),
  type: z.enum(RESOURCE_TYPES),
  name: z.string(),
  active: z.boolean(),
});
export type ResourceView = z.infer<typeof resourceView>;

/** The owner's reservation policy for one resource type (family-doctor referral channel). */
export const policyView = z.object({
  organizationId: z.string(),
  resourceType: z.enum(RESOURCE_TYPES),
  channel: z.literal('family_doctor_referral'),
  sharePct: z.number(),
  releaseHoursBefore: z.number().int(),
});
export type PolicyView = z.infer<typeof policyView>;

/** GET /resources: the resources of a unit and its reservation policies. */
export const resourceList = z.object({ items: z.array(resourceView), policies: z.array(policyView) });

/** POST /resources/:id/rules: the rule and how many slots it generated. */
export const addedRule = z.object({ id: z.string(), generated: z.number().int() });

/** PUT /reservation-policies: the policy as stored. */
export const savedPolicy = policyView.extend({ communityId: z.string() });
export type SavedPolicy = z.infer<typeof savedPolicy>;
