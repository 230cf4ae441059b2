import type { SessionRow } from './session.repository.ts';

/** How long a resolved session is trusted without asking the database (another process's revocation takes at most this long). */
export const SESSION_CACHE_TTL_MS = 10_000;

/**
 * Resolved sessions by token hash, so a request does not look its session up in the database
 * (issue #11: round trips per write). Logout, an admin's revoke-sessions and changes to the
 * organisation tree (which the org-scope subtree depends on) drop entries in this process at
 * once; expiry is checked on every hit against the row's own `expires_at`.
 */
export class SessionCache {
  private entries = new Map<string, { row: SessionRow; until: number }>();

  constructor(private readonly ttlMs = SESSION_CACHE_TTL_MS, private readonly maxEntries = 50_000) {}

  get(tokenHash: string, now: Date): SessionRow | null {
    const e = this.entries.get(tokenHash);
    if (!e) return null;
    if (e.until <= now.getTime() || e.row.expires_at.getTime() <= now.getTime()) {
      this.entries.delete(tokenHash);
      return null;
    }
    return e.row;
  }

  set(tokenHash: string, row: SessionRow, now: Date): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(tokenHash, { row, until: now.getTime() + this.ttlMs });
  }

  forgetToken(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: string): void {
    for (const [h, e] of this.entries) if (e.row.user_id === userId) this.entries.delete(h);
  }

  /** Every entry: the organisation tree changed, so org-scope subtrees may have. */
  clear(): void {
    this.entries.clear();
  }
}
