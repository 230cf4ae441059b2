import type { CopyChunk, Database } from './database.ts';

/**
 * Runs a trusted bulk load (the demo seed) in which `copyIntoTable` may build a still empty table
 * the cheap way. On PGlite, also with the per-row foreign-key triggers off and a small ANALYZE
 * sample — the two largest costs of a first start there (issue #11 item 5): it is one session that
 * nothing else uses before the server listens. On PostgreSQL and Citus the triggers stay on (the
 * application's role need not be a superuser); the same seed runs with every check on there in CI
 * (`seed-determinism.int.test.ts`), so a generator bug that breaks a key fails there.
 */
export async function bulkLoadSession<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  bulkSessions.add(db);
  try {
    if (db.kind !== 'pglite') return await fn();
    // wal_init_zero off: a new WAL segment is not first filled with 16 MB of zeros.
    await db.exec('set session_replication_role = replica; set default_statistics_target = 20; set wal_init_zero = off');
    try {
      return await fn();
    } finally {
      await db.exec('reset session_replication_role; reset default_statistics_target; reset wal_init_zero');
    }
  } finally {
    bulkSessions.delete(db);
  }
}

const bulkSessions = new WeakSet<Database>();

/**
 * COPY of encoded lines into a table, in one transaction. In a bulk-load session into a table
 * still empty (the demo seed's largest table, the encounters), the cheapest way PostgreSQL offers:
 * - the table's secondary indexes are dropped before and built once after, from sorted rows,
 *   instead of one insertion per row into each. The definitions are read back from the
 *   catalogue, so the indexes are exactly those of the migrations;
 * - on PGlite the transaction truncates the table first, so that with `wal_level = minimal` (the
 *   seeding process's setting) the rows are written to the table's files only, not also to the WAL.
 * Foreign keys stay: dropping one locks the referenced table (organisations) for the whole COPY,
 * which stalls the seed's other modules writing meanwhile on PostgreSQL (`seedCareAndEncounters` in seed-demo.ts).
 */
export async function copyIntoTable(db: Database, table: string, columns: readonly string[], chunks: AsyncIterable<CopyChunk> | Iterable<CopyChunk>): Promise<number> {
  const fresh = bulkSessions.has(db) && (await db.query(`select 1 from ${table} limit 1`)).rows.length === 0;
  return db.transaction(async (tx) => {
    if (!fresh) return tx.copyChunks(table, columns, chunks);
    const { rows: indexes } = await tx.query<{ name: string; def: string }>(
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
        where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`, [table]);
    // One statement at a time: Citus refuses a script of several DDL statements.
    for (const ddl of [
      ...(db.kind === 'pglite' ? [`truncate only ${table}`] : []),
      ...indexes.map((i) => `drop index ${i.name}`),
    ]) await tx.exec(ddl);
    const n = await tx.copyChunks(table, columns, chunks);
    for (const ddl of [
      `set local maintenance_work_mem = '256MB'`,
      ...indexes.map((i) => i.def),
    ]) await tx.exec(ddl);
    return n;
  });
}
