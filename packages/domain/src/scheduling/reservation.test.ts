import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { choosePool, releaseTime, reservedPlaces, slotAvailability, type SlotCounts } from './reservation.ts';

describe('reservedPlaces', () => {
  it('holds ceil(capacity × share) places', () => {
    expect(reservedPlaces(10, 20)).toBe(2);
    expect(reservedPlaces(11, 20)).toBe(3);
    expect(reservedPlaces(10, 10)).toBe(1);
    expect(reservedPlaces(3, 10)).toBe(1);
    expect(reservedPlaces(0, 20)).toBe(0);
    expect(reservedPlaces(10, 0)).toBe(0);
    expect(reservedPlaces(5, 100)).toBe(5);
  });
});

describe('pools', () => {
  const slot = (o: Partial<SlotCounts> = {}): SlotCounts => ({ capacity: 10, reserved: 2, bookedReserved: 0, bookedPublic: 0, released: false, ...o });

  it('gives a referral the reserved pool first, then the public one', () => {
    expect(choosePool('family_doctor_referral', slot())).toBe('reserved');
    expect(choosePool('family_doctor_referral', slot({ bookedReserved: 2 }), true)).toBe('public');
    expect(choosePool('family_doctor_referral', slot({ bookedReserved: 2, bookedPublic: 8 }), true)).toBeNull();
  });

  it('keeps a family-doctor booking without a referral inside the reserve', () => {
    expect(choosePool('family_doctor_referral', slot({ bookedReserved: 2 }))).toBeNull();
  });

  it('never lets a public booking take a held place before release', () => {
    expect(choosePool('public', slot({ bookedPublic: 8 }))).toBeNull();
    expect(slotAvailability(slot({ bookedPublic: 8 }))).toEqual({ reservedFree: 2, publicFree: 0 });
  });

  it('turns unused held places public on release', () => {
    expect(slotAvailability(slot({ bookedPublic: 8, bookedReserved: 1, released: true }))).toEqual({ reservedFree: 0, publicFree: 1 });
    expect(choosePool('public', slot({ bookedPublic: 8, released: true }))).toBe('public');
  });

  it('never books more than capacity, whatever the order of bookings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 100 }), fc.array(fc.tuple(fc.boolean(), fc.boolean()), { maxLength: 80 }), (capacity, pct, ops) => {
        const s: SlotCounts = { capacity, reserved: reservedPlaces(capacity, pct), bookedReserved: 0, bookedPublic: 0, released: false };
        for (const [referral, release] of ops) {
          if (release) s.released = true;
          const pool = choosePool(referral ? 'family_doctor_referral' : 'public', s, true);
          if (pool === 'reserved') s.bookedReserved++;
          if (pool === 'public') s.bookedPublic++;
          expect(s.bookedReserved).toBeLessThanOrEqual(s.reserved);
          expect(s.bookedReserved + s.bookedPublic).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });
});

describe('releaseTime', () => {
  it('is releaseHoursBefore the start', () => {
    expect(releaseTime(new Date('2026-03-02T00:30:00Z'), 24).toISOString()).toBe('2026-03-01T00:30:00.000Z');
  });
});
