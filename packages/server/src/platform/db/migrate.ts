import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';
import { distributeTables, hasCitus } from './citus.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/**
 * Applies the numbered SQL migrations (`0001_x.sql` …) not yet applied, each in its own
 * transaction, in order. Forward-only. On PostgreSQL an advisory lock keeps two starting servers
 * from migrating at once. On a database with the Citus extension, new tables are then
 * distributed (tenant tables by community_id) or made reference tables.
 */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.query(`create table if not exists schema_migration (version text primary key, applied_at timestamptz not null default now())`);
  const files = (await readdir(dir)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(7310)');
    const done = new Set((await tx.query<{ version: string }>('select version from schema_migration')).rows.map((r) => r.version));
    for (const f of files) {
      if (done.has(f)) continue;
      const sql = await readFile(`${dir}/${f}`, 'utf8');
      await tx.exec(sql);
      await tx.query('insert into schema_migration (version) values ($1)', [f]);
      applied.push(f);
    }
  });
  // On a Citus coordinator the runner itself distributes what the migrations created (docs/citus.md).
  if (db.kind === 'postgres' && (await hasCitus(db))) await distributeTables(db);
  return applied;
}
