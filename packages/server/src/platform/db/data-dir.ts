import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from './data-dir-lock.ts';

/** A PGlite data folder with no database in it yet (absent, empty, or holding only its key file). */
export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * The entries of a data folder in the order to move or copy them: PG_VERSION last, so that a move
 * or copy cut short leaves a folder that is still fresh; never the lock file.
 */
export function dataDirEntries(dataDir: string): string[] {
  const names = readdirSync(dataDir).filter((n) => n !== LOCK_FILE && n !== 'PG_VERSION');
  return existsSync(join(dataDir, 'PG_VERSION')) ? [...names, 'PG_VERSION'] : names;
}
