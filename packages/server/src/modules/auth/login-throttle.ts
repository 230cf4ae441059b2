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
}
