import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from '../src/platform/db/database.ts';
import { fromPglite } from '../src/platform/db/pglite-database.ts';
import { openPostgres } from '../src/platform/db/postgres-database.ts';

/** What global setup prepared: a PGlite data-dir dump, or a template database on the server. */
export type TemplateRef = { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; url: string; template: string };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance database (create/drop database). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * A fresh database for one test file, copied from the seeded template: PGlite loads the dumped
 * data directory (≈ 1 s instead of initdb + seed); PostgreSQL does `CREATE DATABASE … TEMPLATE`.
 */
export async function freshDatabase(t: TemplateRef): Promise<Database> {
  if (t.kind === 'pglite') {
    const blob = new Blob([await readFile(t.dumpFile)]);
    return fromPglite(await PGlite.create({ loadDataDir: blob }));
  }
  const name = `yg_t_${randomBytes(5).toString('hex')}`;
  await adminQuery(t.url, `create database ${name} template ${t.template}`);
  const db = openPostgres(withDatabase(t.url, name), 5);
  const close = db.close.bind(db);
  return {
    ...db,
    async close() {
      await close();
      await adminQuery(t.url, `drop database if exists ${name} with (force)`);
    },
  };
}

export { withDatabase };
