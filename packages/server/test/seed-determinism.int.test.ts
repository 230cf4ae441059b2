import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, inject, it } from 'vitest';
import type { Database } from '../src/platform/db/database.ts';
import { fromPglite } from '../src/platform/db/pglite-database.ts';
import { openPostgres } from '../src/platform/db/postgres-database.ts';
import { createCitusDatabase, dropCitusDatabase } from './citus-database.ts';
import { adminQuery, withDatabase } from './test-database.ts';
import { seedTestCounty } from './seed-test-county.ts';
import { seedFingerprint } from './seed-fingerprint.ts';
import { TestClock } from './test-platform.ts';

/** One fixed moment for both loads: the seed derives its dates from the as-of day. */
const AS_OF = Date.parse('2026-06-15T02:00:00Z');

/** A fresh, empty database on the store the suite runs on, seeded at AS_OF; PGlite when no server is named. */
async function seededOnSuiteStore(): Promise<{ db: Database; store: string; drop: () => Promise<void> }> {
  const t = inject('template');
  if (t.kind === 'pglite') {
    const db = fromPglite(await PGlite.create());
    await seedTestCounty(db, new TestClock(AS_OF));
    return { db, store: 'PGlite', drop: async () => undefined };
  }
  const name = `yg_seed_${randomBytes(4).toString('hex')}`;
  if (t.kind === 'citus') await createCitusDatabase(t.url, t.workers, name);
  else await adminQuery(t.url, `create database ${name}`);
  const db = openPostgres(withDatabase(t.url, name), 4);
  await seedTestCounty(db, new TestClock(AS_OF));
  return {
    db, store: t.kind === 'citus' ? 'Citus' : 'PostgreSQL',
    drop: async () => (t.kind === 'citus' ? dropCitusDatabase(t.url, t.workers, name) : adminQuery(t.url, `drop database if exists ${name} with (force)`)),
  };
}

// Issue #11: the same seed gives the same rows on PGlite and PostgreSQL (and twice on one store),
// so the demo numbers in docs and screenshots hold.
describe('the demo seed is deterministic', () => {
  it('gives the same rows, table by table, on the suite store and on a fresh PGlite', async () => {
    const suite = await seededOnSuiteStore();
    const pglite = fromPglite(await PGlite.create());
    try {
      await seedTestCounty(pglite, new TestClock(AS_OF));
      const [a, b] = [await seedFingerprint(suite.db), await seedFingerprint(pglite)];
      const tables = Object.keys(b).filter((t) => b[t]!.rows > 0);
      const differing = tables.filter((t) => a[t]?.rows !== b[t]!.rows || a[t]?.md5 !== b[t]!.md5);
      console.log(`seed determinism: ${tables.length} seeded tables, ${Object.values(b).reduce((s, x) => s + x.rows, 0)} rows, ${differing.length} differ (${suite.store} vs PGlite)`);
      expect(tables).toEqual(expect.arrayContaining(['resident', 'fd_contract', 'chronic_enrollment', 'chronic_follow_up', 'encounter', 'access_grant']));
      expect(Object.fromEntries(differing.map((t) => [t, { [suite.store]: a[t], PGlite: b[t] }]))).toEqual({});
    } finally {
      await pglite.close();
      await suite.db.close();
      await suite.drop();
    }
  }, 300_000);
});
