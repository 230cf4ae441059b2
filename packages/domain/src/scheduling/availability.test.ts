import { describe, expect, it } from 'vitest';
import { generateSlotTimes, isoWeekday } from './availability.ts';

const weekdays = { weekdays: [1, 2, 3, 4, 5], startTime: '08:00', endTime: '11:30', capacity: 10, validFrom: '2026-01-01', validTo: null };

describe('generateSlotTimes', () => {
  it('makes one morning session a working day, in Shanghai time', () => {
    // 2026-03-02 is a Monday.
    const slots = generateSlotTimes([weekdays], [], '2026-03-02', 7);
    expect(slots.map((s) => s.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
    expect(slots[0]!.startsAt.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(slots[0]!.endsAt.toISOString()).toBe('2026-03-02T03:30:00.000Z');
  });

  it('closes a holiday and changes capacity on a given day', () => {
    const slots = generateSlotTimes([weekdays], [{ onDate: '2026-03-03', capacity: null }, { onDate: '2026-03-04', capacity: 4 }], '2026-03-02', 3);
    expect(slots.map((s) => [s.date, s.capacity])).toEqual([['2026-03-02', 10], ['2026-03-04', 4]]);
  });

  it('respects the validity window of a rule', () => {
    expect(generateSlotTimes([{ ...weekdays, validFrom: '2026-03-04', validTo: '2026-03-05' }], [], '2026-03-02', 7).map((s) => s.date)).toEqual(['2026-03-04', '2026-03-05']);
  });

  it('knows ISO weekdays', () => {
    expect(isoWeekday('2026-03-01')).toBe(7);
    expect(isoWeekday('2026-03-02')).toBe(1);
  });
});
