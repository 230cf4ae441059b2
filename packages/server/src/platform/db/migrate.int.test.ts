import { describe, expect, it } from 'vitest';
import { openPglite } from './pglite-database.ts';
import { migrate } from './migrate.ts';
import { loadReferenceData } from '../reference/load-reference.ts';

describe('migrations and reference data at start', () => {
  it('applies every migration once and reloads nothing on the next start', async () => {
    const db = await openPglite();
    try {
      const first = await migrate(db);
      expect(first[0]).toBe('0001_reference.sql');
      expect(await loadReferenceData(db)).toEqual({ loaded: ['region', 'icd10'] });
      expect(await migrate(db)).toEqual([]);
      expect(await loadReferenceData(db)).toEqual({ loaded: [] });
      const { rows } = await db.query<{ icd: number; areas: number; deqing: string }>(
        `select (select count(*)::int from icd10) as icd, (select count(*)::int from region where level = 'area') as areas,
                (select name from region where code = '330521') as deqing`);
      expect(rows[0]!.icd).toBeGreaterThan(2000);
      expect(rows[0]!.areas).toBeGreaterThan(2800);
      expect(rows[0]!.deqing).toBe('德清县');
    } finally {
      await db.close();
    }
  });
});
