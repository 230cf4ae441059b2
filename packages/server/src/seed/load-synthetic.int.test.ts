import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCommunity, type SynthCommunity, type SynthResident } from '@yigong/synth';
import { createIdNumberCipher, type IdNumberCipher } from '../platform/crypto/id-number-cipher.ts';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openPglite } from '../platform/db/pglite-database.ts';
import { CommunityExistsError, insertCountyRegions, insertSynthIcd10, loadSyntheticCommunity } from './load-synthetic.ts';

const count = async (db: Database, sql: string, params: unknown[] = []): Promise<number> =>
  Number((await db.query<{ n: number | string }>(sql, params)).rows[0]?.n ?? 0);

describe('loadSyntheticCommunity', () => {
  let db: Database;
  let cipher: IdNumberCipher;
  let synth: SynthCommunity;
  let result: { residents: number; ms: number };
  const progress: number[] = [];
  let households = 0;
  let problems = 0;
  let someone: SynthResident | undefined;

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    await insertCountyRegions(db, '330521');
    await insertSynthIcd10(db);
    cipher = createIdNumberCipher(randomBytes(32), randomBytes(32));
    synth = generateCommunity({ regionCode: '330521', size: 'tiny', seed: 11, asOf: '2026-11-01' });
    for (const h of synth.households()) {
      households += 1;
      for (const r of h.members) {
        problems += r.problems.length;
        if (!someone && r.problems.length > 0) someone = r;
      }
    }
    result = await loadSyntheticCommunity(db, cipher, synth, (done) => progress.push(done));
  }, 120_000);

  afterAll(async () => {
    await db?.close();
  });

  it('loads every row the generator produced', async () => {
    const c = [synth.community.id];
    expect(result.residents).toBe(synth.residentCount);
    expect(progress.at(-1)).toBe(synth.residentCount);
    expect(await count(db, 'select count(*) as n from community where community_id = $1', c)).toBe(1);
    expect(await count(db, 'select count(*) as n from grid where community_id = $1', c)).toBe(synth.grids.length);
    expect(await count(db, 'select count(*) as n from organization where community_id = $1', c)).toBe(synth.organizations.length);
    expect(await count(db, 'select count(*) as n from department where community_id = $1', c)).toBe(synth.departments.length);
    expect(await count(db, 'select count(*) as n from practitioner where community_id = $1', c)).toBe(synth.practitioners.length);
    expect(await count(db, 'select count(*) as n from assignment where community_id = $1', c)).toBe(synth.assignments.length);
    expect(await count(db, 'select count(*) as n from household where community_id = $1', c)).toBe(households);
    expect(await count(db, 'select count(*) as n from resident where community_id = $1', c)).toBe(synth.residentCount);
    expect(await count(db, 'select count(*) as n from resident_problem where community_id = $1', c)).toBe(problems);
  });

  it('sets the lead hospital and keeps the organisation hierarchy', async () => {
    const lead = await db.query<{ kind: string; name: string }>(
      'select o.kind, o.name from community c join organization o on o.community_id = c.community_id and o.id = c.lead_organization_id where c.community_id = $1',
      [synth.community.id]);
    expect(lead.rows).toEqual([{ kind: 'lead_hospital', name: '德清县人民医院' }]);
    const misplaced = await count(db, `select count(*) as n from organization o join organization p on p.community_id = o.community_id and p.id = o.parent_id
      where o.community_id = $1 and not ((o.kind in ('township_center', 'community_center') and p.kind = 'lead_hospital')
        or (o.kind in ('village_clinic', 'community_station') and p.kind in ('township_center', 'community_center')))`, [synth.community.id]);
    expect(misplaced).toBe(0);
  });

  it('links residents to existing units, grids and households, and every clinic has residents', async () => {
    const c = [synth.community.id];
    expect(await count(db, `select count(*) as n from resident r left join organization o on o.community_id = r.community_id and o.id = r.organization_id
      left join household h on h.community_id = r.community_id and h.id = r.household_id
      where r.community_id = $1 and (o.id is null or h.id is null or r.grid_id is distinct from h.grid_id)`, c)).toBe(0);
    expect(await count(db, `select count(*) as n from organization o where o.community_id = $1 and o.kind in ('village_clinic', 'community_station')
      and not exists (select 1 from resident r where r.community_id = o.community_id and r.organization_id = o.id)`, c)).toBe(0);
  });

  it('stores the ID number encrypted, with its lookup hash, region and tail', async () => {
    const r = someone!;
    const row = (await db.query<{ id_number_enc: string; id_number_hash: string; id_region: string; id_tail: string; name_initials: string; flags: unknown }>(
      'select id_number_enc, id_number_hash, id_region, id_tail, name_initials, flags from resident where community_id = $1 and id = $2',
      [synth.community.id, r.id])).rows[0]!;
    expect(row.id_number_enc).not.toContain(r.idNumber);
    expect(cipher.decrypt(row.id_number_enc)).toBe(r.idNumber);
    expect(row.id_number_hash).toBe(cipher.lookupHash(r.idNumber));
    expect([row.id_region, row.id_tail]).toEqual(['330521', r.idNumber.slice(-4)]);
    expect(row.name_initials).toMatch(/^[a-z]{2,4}$/);
    expect(row.flags).toEqual(r.flags);
    expect(await count(db, "select count(*) as n from resident_problem where community_id = $1 and resident_id = $2 and source = 'synthetic'",
      [synth.community.id, r.id])).toBe(r.problems.length);
  });

  it('refuses to load the same community twice and leaves the data as it was', async () => {
    await expect(loadSyntheticCommunity(db, cipher, synth)).rejects.toBeInstanceOf(CommunityExistsError);
    expect(await count(db, 'select count(*) as n from resident where community_id = $1', [synth.community.id])).toBe(synth.residentCount);
  });

  it('loads a second community beside the first with its own ids', async () => {
    const other = generateCommunity({ regionCode: '330521', size: 300, seed: 12, asOf: '2026-11-01' });
    await loadSyntheticCommunity(db, cipher, other);
    expect(await count(db, 'select count(*) as n from community')).toBe(2);
    expect(await count(db, 'select count(*) as n from resident where community_id = $1', [other.community.id])).toBe(300);
  });
});
