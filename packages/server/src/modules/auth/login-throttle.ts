/**
 * Per-address login throttle (sliding one-minute window) in front of the per-account lock-out:
 * stops password spraying across many usernames from one address.
 */
export class LoginThrottle {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly perMinute = 30) {}

  /** Records an attempt; false when the address is over its budget. */
  allow(address: string, nowMs: number): boolean {
    const recent = (this.hits.get(address) ?? []).filter((t) => nowMs - t < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(address, recent);
      return false;
    }
    recent.push(nowMs);
    this.hits.set(address, recent);
    if (this.hits.size > 10_000) this.hits.clear();
    return true;
  }
}
