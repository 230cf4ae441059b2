import dayjs from 'dayjs';
import type { SlotView } from '@yigong/contracts';

/** The two pools of one slot, as the picker and the calendar show them. */
export interface SlotPools {
  reservedTotal: number;
  reservedBooked: number;
  reservedFree: number;
  publicTotal: number;
  publicBooked: number;
  publicFree: number;
}

/**
 * docs/domain/referral.md "Reserved resources": `reserved` places are held for family-doctor referrals until
 * `releaseAt`; after release the held places not taken count as public.
 */
export function slotPools(s: SlotView): SlotPools {
  const reservedTotal = s.released ? s.bookedReserved : s.reserved;
  return {
    reservedTotal,
    reservedBooked: s.bookedReserved,
    reservedFree: s.reservedFree,
    publicTotal: Math.max(0, s.capacity - reservedTotal),
    publicBooked: s.bookedPublic,
    publicFree: s.publicFree,
  };
}

/** A referral booking draws on the reserved pool first, then the public pool. */
export function bookableForReferral(s: SlotView, now: Date = new Date()): boolean {
  return s.reservedFree + s.publicFree > 0 && Date.parse(s.startsAt) > now.getTime();
}

/** `n` consecutive dates (YYYY-MM-DD) starting at `from`. */
export function nextDays(from: string, n: number): string[] {
  const start = dayjs(from);
  return Array.from({ length: n }, (_, i) => start.add(i, 'day').format('YYYY-MM-DD'));
}

/** The local business date of an instant (the browser runs in Asia/Shanghai in practice). */
export function slotDate(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD');
}

export interface DayOccupancy extends SlotPools {
  date: string;
  slots: number;
}

/** Sums the pools of each day's slots; days without slots are kept (zeros) so the axis is continuous. */
export function dailyOccupancy(slots: readonly SlotView[], days: readonly string[]): DayOccupancy[] {
  const byDay = new Map<string, DayOccupancy>(
    days.map((d) => [d, { date: d, slots: 0, reservedTotal: 0, reservedBooked: 0, reservedFree: 0, publicTotal: 0, publicBooked: 0, publicFree: 0 }]),
  );
  for (const s of slots) {
    const day = byDay.get(slotDate(s.startsAt));
    if (!day) continue;
    const p = slotPools(s);
    day.slots += 1;
    day.reservedTotal += p.reservedTotal;
    day.reservedBooked += p.reservedBooked;
    day.reservedFree += p.reservedFree;
    day.publicTotal += p.publicTotal;
    day.publicBooked += p.publicBooked;
    day.publicFree += p.publicFree;
  }
  return [...byDay.values()];
}

/** Slots grouped by local date, in time order. */
export function groupByDay(slots: readonly SlotView[]): { date: string; slots: SlotView[] }[] {
  const groups = new Map<string, SlotView[]>();
  for (const s of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const d = slotDate(s.startsAt);
    groups.set(d, [...(groups.get(d) ?? []), s]);
  }
  return [...groups.entries()].map(([date, list]) => ({ date, slots: list }));
}
