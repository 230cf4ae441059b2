import type { SessionCache } from './auth/session-cache.ts';
import type { CommunityCache } from './reference/community-cache.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { IdNumberCipher } from './crypto/id-number-cipher.ts';
import type { Clock } from './clock.ts';

/** Everything a service needs from the platform, passed explicitly (no globals). */
export interface AppContext {
  config: Config;
  db: Database;
  cipher: IdNumberCipher;
  clock: Clock;
  /** GB/T 2260 check for ID-number address codes. */
  isKnownRegion: (code: string) => boolean;
  /** Resolved sessions of this process (logout, revoke and org changes drop entries). */
  sessions: SessionCache;
  /** Per-community reference data of this process (the referral catalogue), forgotten on change. */
  reference: CommunityCache;
}
