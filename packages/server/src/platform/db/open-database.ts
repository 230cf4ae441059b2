import { mkdir } from 'node:fs/promises';
import type { Database } from './database.ts';
import { openPglite, type PgliteOptions } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';

/** `DATABASE_URL` selects a PostgreSQL server; otherwise PGlite in `dataDir`. */
export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string }, pglite: PgliteOptions = {}): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  await mkdir(opts.dataDir, { recursive: true });
  return openPglite(opts.dataDir, pglite);
}
