/** How long per-community reference data is trusted without asking the database (another process's change shows within this). */
export const COMMUNITY_CACHE_TTL_MS = 30_000;

/**
 * Per-community reference data of this process — today the referral catalogue — so a write does
 * not read it on every request (issue #11 item 2). A change made through this process forgets
 * the entry at once (after its commit); one made by another process shows within the TTL. A
 * load that started before a `forget` is not stored (generation check), so a stale read cannot
 * outlive the change.
 */
export class CommunityCache {
  private entries = new Map<string, { value: unknown; until: number }>();
  private generations = new Map<string, number>();

  constructor(private readonly ttlMs = COMMUNITY_CACHE_TTL_MS, private readonly maxEntries = 10_000) {}

  async get<T>(kind: string, communityId: string, now: number, load: () => Promise<T>): Promise<T> {
    const key = `${kind}\u0000${communityId}`;
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value as T;
    const generation = this.generations.get(key) ?? 0;
    const value = await load();
    if ((this.generations.get(key) ?? 0) === generation) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, until: now + this.ttlMs });
    }
    return value;
  }

  forget(kind: string, communityId: string): void {
    const key = `${kind}\u0000${communityId}`;
    this.entries.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
  }
}
