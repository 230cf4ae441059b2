/**
 * Per-address throttle of failed logins (sliding one-minute window), in front of the per-account
 * lock-out: stops password spraying across many usernames from one address. Only failures count,
 * because a whole hospital often shares one NAT address at the start of a shift.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly perMinute = 30) {}

  private recent(address: string, nowMs: number): number[] {
    const list = (this.failures.get(address) ?? []).filter((t) => nowMs - t < 60_000);
    this.failures.set(address, list);
    return list;
  }

  /** False when the address has used up its failures for the minute. */
  allow(address: string, nowMs: number): boolean {
    return this.recent(address, nowMs).length < this.perMinute;
  }

  recordFailure(address: string, nowMs: number): void {
    this.recent(address, nowMs).push(nowMs);
    if (this.failures.size > 10_000) this.failures.clear();
  }

  /**
   * Usernames that do not exist lock exactly like real ones (same count, same answer), so the
   * lock-out does not tell which usernames are real. Kept in memory: per process.
   */
  private readonly unknown = new Map<string, { failures: number; lockedUntil: number | null }>();

  unknownLockedUntil(username: string, nowMs: number): Date | null {
    const u = this.unknown.get(username.toLowerCase());
    return u?.lockedUntil && u.lockedUntil > nowMs ? new Date(u.lockedUntil) : null;
  }

  recordUnknownFailure(username: string, nowMs: number, max: number, lockMinutes: number): void {
    const key = username.toLowerCase();
    const u = this.unknown.get(key) ?? { failures: 0, lockedUntil: null };
    if (u.lockedUntil && u.lockedUntil <= nowMs) Object.assign(u, { failures: 0, lockedUntil: null });
    u.failures += 1;
    if (u.failures >= max) u.lockedUntil = nowMs + lockMinutes * 60_000;
    this.unknown.set(key, u);
    if (this.unknown.size > 100_000) this.unknown.clear();
  }
}
