/**
 * Reserved resources (docs/domain/referral.md "Reserved resources"): `ceil(capacity × sharePct)` places of
 * each slot are held for the family-doctor referral channel; unused held places are released to
 * the public pool `releaseHoursBefore` the slot starts; a referral booking draws on the reserved
 * pool first, then the public pool.
 */
export const RESOURCE_TYPES = ['clinic', 'bed', 'exam'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export const BOOKING_CHANNELS = ['family_doctor_referral', 'public'] as const;
export type BookingChannel = (typeof BOOKING_CHANNELS)[number];

export type BookingPool = 'reserved' | 'public';

export interface ReservationPolicy {
  resourceType: ResourceType;
  channel: 'family_doctor_referral';
  /** Percent of each slot's capacity, 0–100 (policy text 000: ≥ 20 at the lead hospital, ≥ 10 at collaborating hospitals). */
  sharePct: number;
  releaseHoursBefore: number;
}

/** Defaults of policy text 000 by owner kind; other places set other figures as data. */
export function defaultReservationShare(ownerKind: string): number {
  if (ownerKind === 'lead_hospital') return 20;
  if (ownerKind === 'collaborating_hospital') return 10;
  return 0;
}

/** `ceil(capacity × sharePct / 100)` in integers (no float rounding: 10 × 20% is exactly 2). */
export function reservedPlaces(capacity: number, sharePct: number): number {
  if (capacity <= 0 || sharePct <= 0) return 0;
  return Math.min(capacity, Math.ceil((capacity * sharePct) / 100 - 1e-9));
}

export interface SlotCounts {
  capacity: number;
  reserved: number;
  bookedReserved: number;
  bookedPublic: number;
  /** The held places have been released to the public pool. */
  released: boolean;
}

/** Places free in each pool. After release, held places not yet taken count as public. */
export function slotAvailability(s: SlotCounts): { reservedFree: number; publicFree: number } {
  const heldForChannel = s.released ? s.bookedReserved : s.reserved;
  return {
    reservedFree: s.released ? 0 : Math.max(0, s.reserved - s.bookedReserved),
    publicFree: Math.max(0, s.capacity - heldForChannel - s.bookedPublic),
  };
}

/**
 * The pool a booking draws on, or null when the slot is full for it. A booking for a referral
 * draws on the reserved pool first, then the public pool; a family-doctor booking not (yet) tied
 * to a referral stays within the reserve, so the reserve never eats into the public pool.
 */
export function choosePool(channel: BookingChannel, s: SlotCounts, forReferral = false): BookingPool | null {
  const a = slotAvailability(s);
  if (channel === 'family_doctor_referral') {
    if (a.reservedFree > 0) return 'reserved';
    return forReferral && a.publicFree > 0 ? 'public' : null;
  }
  return a.publicFree > 0 ? 'public' : null;
}

/** When held places go public: `releaseHoursBefore` the slot starts. */
export function releaseTime(startsAt: Date, releaseHoursBefore: number): Date {
  return new Date(startsAt.getTime() - releaseHoursBefore * 3_600_000);
}
