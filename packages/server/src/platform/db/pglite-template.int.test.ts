import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.ts';
import { MIGRATIONS_DIR, migrate } from './migrate.ts';
import { pgliteTemplate, pgliteTemplatePath } from './pglite-template.ts';
import { LOCK_FILE } from './data-dir-lock.ts';
import { loadReferenceData } from '../reference/load-reference.ts';

// A fresh embedded data folder starts as a copy of the migrated empty database (issue #11: start-up).
describe('the embedded database template', () => {
  const root = mkdtempSync(join(tmpdir(), 'yg-template-'));
  const cache = join(root, 'cache');
  const before = process.env.YIGONG_CACHE_DIR;
  process.env.YIGONG_CACHE_DIR = cache;
  afterAll(() => {
    if (before === undefined) delete process.env.YIGONG_CACHE_DIR;
    else process.env.YIGONG_CACHE_DIR = before;
    rmSync(root, { recursive: true, force: true });
  });

  it('is built once, migrated and with the reference data, and named for the migrations', async () => {
    const path = await pgliteTemplate(cache);
    expect(path).toBe(pgliteTemplatePath(cache));
    expect(existsSync(join(path, 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(path, LOCK_FILE))).toBe(false);
    expect(readdirSync(cache)).toEqual([path.split('/').at(-1)]);
    const built = statSync(join(path, 'PG_VERSION')).mtimeMs;
    expect(await pgliteTemplate(cache)).toBe(path);
    expect(statSync(join(path, 'PG_VERSION')).mtimeMs).toBe(built);
  });

  it('gives two fresh folders each its own copy, with nothing left to migrate or load', async () => {
    const migrations = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql'));
    for (const name of ['a', 'b']) {
      const dataDir = join(root, name);
      const db = await openDatabase({ dataDir });
      try {
        const { rows } = await db.query<{ n: number }>('select count(*)::int as n from schema_migration');
        expect(rows[0]!.n).toBe(migrations.length);
        expect(await migrate(db)).toEqual([]);
        expect(await loadReferenceData(db)).toEqual({ loaded: [] });
        // Written in one copy only.
        await db.query(`insert into region (code, name, level, parent_code) values ('990000', $1, 'province', null)`, [`only-${name}`]);
        const mine = await db.query<{ name: string }>(`select name from region where code = '990000'`);
        expect(mine.rows).toEqual([{ name: `only-${name}` }]);
      } finally {
        await db.close();
      }
    }
    // The template itself was never opened by them.
    expect(existsSync(join(pgliteTemplatePath(cache), LOCK_FILE))).toBe(false);
  });

  it('leaves an existing database alone', async () => {
    const dataDir = join(root, 'a');
    const db = await openDatabase({ dataDir });
    try {
      const { rows } = await db.query<{ name: string }>(`select name from region where code = '990000'`);
      expect(rows).toEqual([{ name: 'only-a' }]);
    } finally {
      await db.close();
    }
  });
});
