import type { Database } from '../db/database.ts';
import { touchSessions } from './session.repository.ts';

/** A session's activity stamp is refreshed at most this often. */
export const TOUCH_EVERY_MS = 60_000;

/**
 * Collects "this session was used at t" in memory and writes them in one statement per flush,
 * off the request path. On Citus `session` is a reference table: every UPDATE of it takes an
 * exclusive lock on it and on `app_user` (its foreign key) across the cluster, so an UPDATE per
 * request serialised all requests and deadlocked against a login's transaction
 * (docs/citus.md "Reference-table writes").
 */
export class SessionActivity {
  private pending = new Map<string, Date>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Database, private readonly flushEveryMs = 30_000) {}

  /** Notes a use of the session whose stamp is `lastSeenAt`; only a stale stamp is queued. */
  seen(tokenHash: string, lastSeenAt: Date, now: Date): void {
    if (now.getTime() - lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
    this.pending.set(tokenHash, now);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.flushEveryMs);
      this.timer.unref();
    }
  }

  /** Writes the queued stamps (sorted, so concurrent flushes lock rows in one order). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.pending].sort(([a], [b]) => (a < b ? -1 : 1));
    this.pending.clear();
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing
      .then(() => touchSessions(this.db, batch.map(([h]) => h), batch.map(([, t]) => t)))
      // A stamp is bookkeeping, not data: a failed flush (e.g. a deadlock victim) is dropped.
      .catch(() => undefined);
    return this.flushing;
  }
}
