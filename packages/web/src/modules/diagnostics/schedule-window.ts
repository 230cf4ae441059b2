import { shanghaiWallClock } from '../../shared/i18n/format.ts';

/**
 * The times a consultation session may be booked at (docs/domain/consultation.md "Scheduling":
 * after now, at most `days` days ahead), as Asia/Shanghai wall-clock times `YYYY-MM-DDTHH:mm` — the
 * picker shows and takes Shanghai times whatever the browser's zone.
 */
export interface ScheduleWindow {
  /** The earliest minute (exclusive: now). */
  after: string;
  /** The latest minute (inclusive). */
  until: string;
}

export function scheduleWindow(now: Date, days: number): ScheduleWindow {
  return { after: shanghaiWallClock(now), until: shanghaiWallClock(new Date(now.getTime() + days * 86_400_000)) };
}

/** Whether a whole day (`YYYY-MM-DD`) lies outside the window. */
export function dayOutside(day: string, w: ScheduleWindow): boolean {
  return day < w.after.slice(0, 10) || day > w.until.slice(0, 10);
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * The hours of `day` to disable: before now's hour on the first day (now's hour too when no
 * minute of the picker's `step` is left in it), after the last hour on the last day.
 */
export function disabledHours(day: string, w: ScheduleWindow, step = 1): number[] {
  const hourNow = Number(w.after.slice(11, 13));
  const noMinuteLeft = Number(w.after.slice(14, 16)) >= 60 - step;
  const first = day === w.after.slice(0, 10) ? hourNow + (noMinuteLeft ? 1 : 0) : 0;
  const last = day === w.until.slice(0, 10) ? Number(w.until.slice(11, 13)) : 23;
  return [...range(0, first - 1), ...range(last + 1, 23)];
}

/** The minutes of `day` `hour` to disable: up to now's minute in now's hour, after the last minute in the last hour. */
export function disabledMinutes(day: string, hour: number, w: ScheduleWindow): number[] {
  const out: number[] = [];
  if (day === w.after.slice(0, 10) && hour === Number(w.after.slice(11, 13))) out.push(...range(0, Number(w.after.slice(14, 16))));
  if (day === w.until.slice(0, 10) && hour === Number(w.until.slice(11, 13))) out.push(...range(Number(w.until.slice(14, 16)) + 1, 59));
  return out;
}

/** Whether a wall-clock time (`YYYY-MM-DDTHH:mm`) is in the window. */
export function inWindow(wall: string, w: ScheduleWindow): boolean {
  return wall > w.after && wall <= w.until;
}
