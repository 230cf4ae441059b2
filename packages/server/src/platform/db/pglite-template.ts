import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_DIR, migrate } from './migrate.ts';
import { openPglite } from './pglite-database.ts';
import { isFreshDataDir } from './data-dir.ts';
import { loadReferenceData } from '../reference/load-reference.ts';

/**
 * The empty Yigong database on PGlite — initialised, migrated, reference data loaded — kept once
 * per machine and code version, so that a fresh data folder starts as a copy of it (0.2 s)
 * instead of running PostgreSQL's initdb, every migration and the reference load in WebAssembly
 * (≈ 6 s; issue #11: start-up). `npm ci` builds it (postinstall); a start that finds none (a new
 * migration since) builds it first. It holds no community, account or key: only the schema and
 * the public code lists. A stale copy would still be correct — migrations and the reference load
 * run after the copy as on any start — but the name changes with PGlite and the migrations.
 */
export function pgliteTemplatePath(cacheDir = defaultCacheDir()): string {
  const h = createHash('sha256').update(pgliteVersion());
  for (const f of readdirSync(MIGRATIONS_DIR).filter((n) => n.endsWith('.sql')).sort()) h.update(`\0${f}\0`).update(readFileSync(join(MIGRATIONS_DIR, f)));
  return join(cacheDir, `pglite-${h.digest('hex').slice(0, 16)}`);
}

/** The template's folder, built if missing. */
export async function pgliteTemplate(cacheDir = defaultCacheDir()): Promise<string> {
  const path = pgliteTemplatePath(cacheDir);
  if (!isFreshDataDir(path)) return path;
  // Built beside its final name and renamed when closed: a reader never sees half a template,
  // and of two processes building at once the second's rename fails and its copy is dropped.
  const building = `${path}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  try {
    const db = await openPglite(building);
    try {
      await migrate(db);
      await loadReferenceData(db);
      await db.exec('checkpoint');
    } finally {
      await db.close();
    }
    if (isFreshDataDir(path)) renameSync(building, path);
    // Templates of earlier code versions (65 MB each) go.
    for (const old of readdirSync(cacheDir)) {
      if (/^pglite-[0-9a-f]{16}$/.test(old) && join(cacheDir, old) !== path) rmSync(join(cacheDir, old), { recursive: true, force: true });
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return path;
}

/** `node_modules/.cache/yigong` of the project (YIGONG_CACHE_DIR overrides). */
function defaultCacheDir(): string {
  return process.env.YIGONG_CACHE_DIR ?? fileURLToPath(new URL('../../../../../node_modules/.cache/yigong/', import.meta.url));
}

function pgliteVersion(): string {
  const pkg = fileURLToPath(new URL('../../../../../node_modules/@electric-sql/pglite/package.json', import.meta.url));
  return existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version : 'unknown';
}
