import { mkdir } from 'node:fs/promises';
import type { Database } from './database.ts';
import { openPglite, type PgliteOptions } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';
import { pgliteTemplate } from './pglite-template.ts';
import { isFreshDataDir } from './data-dir.ts';

/**
 * `DATABASE_URL` selects a PostgreSQL server; otherwise PGlite in `dataDir` — a folder without a
 * database yet starts as a copy of the migrated empty database (pglite-template.ts).
 */
export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string }, pglite: PgliteOptions = {}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  await mkdir(opts.dataDir, { recursive: true });
  // Without a template (it could not be built: e.g. a read-only install), PGlite initialises the folder itself.
  const template = isFreshDataDir(opts.dataDir) ? await pgliteTemplate().catch(() => null) : null;
  return openPglite(opts.dataDir, { ...pglite, template });
}
