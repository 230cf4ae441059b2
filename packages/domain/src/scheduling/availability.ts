/**
 * Slots from recurring availability rules and one-off exceptions. Times are Asia/Shanghai wall
 * clock (UTC+8, no daylight saving), stored as UTC instants.
 */
export interface AvailabilityRule {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  /** `HH:MM` or `HH:MM:SS`. */
  startTime: string;
  endTime: string;
  capacity: number;
  validFrom: string;
  validTo: string | null;
}

export interface AvailabilityException {
  onDate: string;
  /** null: closed that day; a number: that capacity instead. */
  capacity: number | null;
}

export interface SlotTime {
  date: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

const SHANGHAI_OFFSET = '+08:00';

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date (1 = Monday). */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

function at(date: string, time: string): Date {
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}${SHANGHAI_OFFSET}`);
}

/** The slots of `days` calendar days from `fromDate` (inclusive). A closed exception wins over every rule that day. */
export function generateSlotTimes(rules: readonly AvailabilityRule[], exceptions: readonly AvailabilityException[], fromDate: string, days: number): SlotTime[] {
  const byDate = new Map(exceptions.map((e) => [e.onDate, e]));
  const out: SlotTime[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(fromDate, i);
    const wd = isoWeekday(date);
    const ex = byDate.get(date);
    if (ex && ex.capacity === null) continue;
    for (const r of rules) {
      if (!r.weekdays.includes(wd) || date < r.validFrom || (r.validTo && date > r.validTo)) continue;
      const capacity = ex ? ex.capacity! : r.capacity;
      if (capacity <= 0) continue;
      out.push({ date, startsAt: at(date, r.startTime), endsAt: at(date, r.endTime), capacity });
    }
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
