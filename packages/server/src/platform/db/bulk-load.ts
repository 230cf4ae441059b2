import type { Database } from './database.ts';

/**
 * Runs a trusted bulk load (the embedded demo seed) with the embedded database's per-row
 * foreign-key triggers off and a small ANALYZE sample — the two largest costs of a first start on
 * PGlite (issue #11 item 5). Only on PGlite: it is one session that nothing else uses before the
 * server listens. The same seed runs with every check on against PostgreSQL and Citus in CI
 * (`seed-determinism.int.test.ts`), so a generator bug that breaks a key fails there.
 */
export async function bulkLoadSession<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  if (db.kind !== 'pglite') return fn();
  await db.exec('set session_replication_role = replica; set default_statistics_target = 20');
  try {
    return await fn();
  } finally {
    await db.exec('reset session_replication_role; reset default_statistics_target');
  }
}
