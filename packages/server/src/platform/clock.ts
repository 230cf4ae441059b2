/** Time source, injectable so tests control "now" (lock-outs, grant expiry, ages). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Today's business date in Asia/Shanghai (DESIGN.md "Time"). */
export function businessDate(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
