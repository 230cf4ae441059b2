import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from '../src/platform/db/database.ts';
import { fromPglite } from '../src/platform/db/pglite-database.ts';
import { openPostgres } from '../src/platform/db/postgres-database.ts';
import { copyCitusDatabase, dropCitusDatabase, type CitusNode } from './citus-database.ts';

/** What global setup prepared: a PGlite data-dir dump, or a template database on the server. */
export type TemplateRef =
  | { kind: 'pglite'; dumpFile: string }
  | { kind: 'postgres'; url: string; template: string }
  | { kind: 'citus'; url: string; template: string; workers: CitusNode[] };

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
 * data directory (≈ 1 s instead of initdb + seed); PostgreSQL does `CREATE DATABASE … TEMPLATE`,
 * on Citus on every node.
 */
export async function freshDatabase(t: TemplateRef): Promise<Database> {
  if (t.kind === 'pglite') {
    const blob = new Blob([await readFile(t.dumpFile)]);
    return fromPglite(await PGlite.create({ loadDataDir: blob }));
  }
  const name = `yg_t_${randomBytes(5).toString('hex')}`;
  const url = await copyTemplate(t, name);
  const db = openPostgres(url, 5);
  const close = db.close.bind(db);
  return {
    ...db,
    async close() {
      await close();
      await dropTemplateCopy(t, name);
    },
  };
}

type ServerTemplate = Exclude<TemplateRef, { kind: 'pglite' }>;

/** A copy of the server template named `name` (on every node of a Citus cluster); its URL. */
export async function copyTemplate(t: ServerTemplate, name: string): Promise<string> {
  if (t.kind === 'citus') await copyCitusDatabase(t.url, t.workers, t.template, name);
  else await adminQuery(t.url, `create database ${name} template ${t.template}`);
  return withDatabase(t.url, name);
}

export async function dropTemplateCopy(t: ServerTemplate, name: string): Promise<void> {
  if (t.kind === 'citus') await dropCitusDatabase(t.url, t.workers, name);
  else await adminQuery(t.url, `drop database if exists ${name} with (force)`);
}

export { withDatabase };
