import { SessionCache } from '../platform/auth/session-cache.ts';
import { CommunityCache } from '../platform/reference/community-cache.ts';
import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { migrate } from '../platform/db/migrate.ts';
import type { Database } from '../platform/db/database.ts';
import { createIdNumberCipher, loadIdNumberKeys } from '../platform/crypto/id-number-cipher.ts';
import { loadReferenceData } from '../platform/reference/load-reference.ts';
import { readDivisions, regionChecker } from '../platform/reference/divisions.ts';
import { AdjustableClock, systemClock, type Clock } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';

/** Opens the database, migrates, loads reference data; the context every service receives. */
export async function createContext(config: Config, opts: { db?: Database; clock?: Clock } = {}): Promise<AppContext> {
  const db = opts.db ?? (await openDatabase(config));
  await migrate(db);
  await loadReferenceData(db);
  const keys = loadIdNumberKeys(config);
  return { config, db, cipher: createIdNumberCipher(keys.enc, keys.hash), clock: opts.clock ?? (config.clockControl ? new AdjustableClock() : systemClock), isKnownRegion: regionChecker(readDivisions()), sessions: new SessionCache(), reference: new CommunityCache() };
}
