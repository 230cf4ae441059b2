import { describe, expect, it } from 'vitest';
import type { SlotView } from '@yigong/contracts';
import { bookableForReferral, dailyOccupancy, groupByDay, nextDays, slotDate, slotPools } from './slot-occupancy.ts';

function slot(p: Partial<SlotView>): SlotView {
  return {
    id: 's1', resourceId: 'r1', resourceName: '心血管内科专家门诊', resourceType: 'clinic', organizationId: 'o1', department: 'cardiology', departmentName: '心血管内科',
    startsAt: '2026-03-02T04:00:00.000Z', endsAt: '2026-03-02T07:30:00.000Z', capacity: 10, reserved: 2, bookedReserved: 0, bookedPublic: 0,
    reservedFree: 2, publicFree: 8, releaseAt: '2026-03-01T00:00:00.000Z', released: false, waiting: 0, ...p,
  };
}

describe('slot pools', () => {
  it('shows 2 reserved and 8 public places of a fresh capacity-10 session', () => {
    expect(slotPools(slot({}))).toEqual({ reservedTotal: 2, reservedBooked: 0, reservedFree: 2, publicTotal: 8, publicBooked: 0, publicFree: 8 });
  });

  it('moves untaken reserved places to the public pool after release', () => {
    const p = slotPools(slot({ released: true, bookedReserved: 1, reservedFree: 0, publicFree: 9 }));
    expect(p).toMatchObject({ reservedTotal: 1, reservedFree: 0, publicTotal: 9, publicFree: 9 });
  });

  it('refuses a referral booking of a full or past slot', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(bookableForReferral(slot({}), now)).toBe(true);
    expect(bookableForReferral(slot({ reservedFree: 0, publicFree: 0 }), now)).toBe(false);
    expect(bookableForReferral(slot({}), new Date('2026-03-02T05:00:00Z'))).toBe(false);
  });
});

describe('daily occupancy', () => {
  it('sums the pools per day and keeps empty days on the axis', () => {
    // Dates are local: derive them from the instants so the test holds in any time zone.
    const days = nextDays(slotDate('2026-03-02T04:00:00.000Z'), 3);
    expect(days).toHaveLength(3);
    const rows = dailyOccupancy([slot({}), slot({ id: 's2', bookedPublic: 3, publicFree: 5 }), slot({ id: 's3', startsAt: '2026-03-04T04:00:00.000Z' })], days);
    expect(rows.map((r) => [r.date, r.slots, r.reservedFree, r.publicBooked, r.publicFree])).toEqual([
      [days[0], 2, 4, 3, 13],
      [days[1], 0, 0, 0, 0],
      [days[2], 1, 2, 0, 8],
    ]);
  });

  it('groups slots by day in time order', () => {
    const g = groupByDay([slot({ id: 'b', startsAt: '2026-03-02T04:30:00.000Z' }), slot({ id: 'a' })]);
    expect(g).toHaveLength(1);
    expect(g[0]!.slots.map((s) => s.id)).toEqual(['a', 'b']);
  });
});
