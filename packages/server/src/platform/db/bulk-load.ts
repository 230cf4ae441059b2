import type { CopyChunk, Database } from './database.ts';

/**
 * Runs a trusted bulk load (the embedded demo seed) with the embedded database's per-row
 * foreign-key triggers off and a small ANALYZE sample — the two largest costs of a first start on
 * PGlite (issue #11 item 5). Only on PGlite: it is one session that nothing else uses before the
 * server listens. The same seed runs with every check on against PostgreSQL and Citus in CI
 * (`seed-determinism.int.test.ts`), so a generator bug that breaks a key fails there.
 */
export async function bulkLoadSession<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  if (db.kind !== 'pglite') return fn();
  // wal_init_zero off: a new WAL segment is not first filled with 16 MB of zeros.
  await db.exec('set session_replication_role = replica; set default_statistics_target = 20; set wal_init_zero = off');
  bulkSessions.add(db);
  try {
    return await fn();
  } finally {
    bulkSessions.delete(db);
    await db.exec('reset session_replication_role; reset default_statistics_target; reset wal_init_zero');
  }
}

const bulkSessions = new WeakSet<Database>();

/**
 * COPY of encoded lines into a table, in one transaction. In a PGlite bulk-load session into a
 * table still empty (the demo seed's largest table, the encounters), the cheapest way PostgreSQL
 * offers:
 * - the transaction truncates the table first, so that with `wal_level = minimal` (the seeding
 *   process's setting) the rows are written to the table's files only, not also to the WAL;
 * - the table's secondary indexes are dropped before and built once after, from sorted rows,
 *   instead of one insertion per row into each. The definitions are read back from the catalogue,
 *   so the indexes are exactly those of the migrations.
 */
export async function copyIntoTable(db: Database, table: string, columns: readonly string[], chunks: AsyncIterable<CopyChunk> | Iterable<CopyChunk>): Promise<number> {
  const fresh = bulkSessions.has(db) && (await db.query(`select 1 from ${table} limit 1`)).rows.length === 0;
  return db.transaction(async (tx) => {
    if (!fresh) return tx.copyChunks(table, columns, chunks);
    const { rows: indexes } = await tx.query<{ name: string; def: string }>(
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
        where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`, [table]);
    await tx.exec(`truncate only ${table}; ${indexes.map((i) => `drop index ${i.name};`).join(' ')}`);
    const n = await tx.copyChunks(table, columns, chunks);
    await tx.exec(`set local maintenance_work_mem = '256MB'; ${indexes.map((i) => `${i.def};`).join(' ')}`);
    return n;
  });
}
