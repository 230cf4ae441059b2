/** Time source, injectable so tests control "now" (lock-outs, grant expiry, ages). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Today's business date in Asia/Shanghai (DESIGN.md "Time"). */
export function businessDate(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A clock that runs with the system's but can be moved forward (YIGONG_CLOCK_CONTROL, demo and tests). */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(minutes: number): void {
    this.offsetMs += minutes * 60_000;
  }
  get offsetMinutes(): number {
    return this.offsetMs / 60_000;
  }
}
