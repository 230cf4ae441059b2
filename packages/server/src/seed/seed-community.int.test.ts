import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SynthOptions } from '@yigong/synth';
import { createIdNumberCipher, type IdNumberCipher } from '../platform/crypto/id-number-cipher.ts';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openPglite } from '../platform/db/pglite-database.ts';
import { seedSyntheticCommunity } from './seed-community.ts';

const OPTS: SynthOptions = { regionCode: '330522', size: 300, seed: 5, asOf: '2026-11-01' };
const EXTRAS = { care: true, encounterYears: 1 };

describe('seedSyntheticCommunity', () => {
  let db: Database;
  let cipher: IdNumberCipher;
  let communityId: string;
  const rows = async () => (await db.query<{ t: string; n: number }>(
    `select 'resident' as t, count(*)::int as n from resident where community_id = $1
     union all select 'contract', count(*)::int from fd_contract where community_id = $1
     union all select 'encounter', count(*)::int from encounter where community_id = $1
     union all select 'aggregate', count(*)::int from encounter_agg where community_id = $1 order by 1`, [communityId])).rows;

  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    cipher = createIdNumberCipher(randomBytes(32), randomBytes(32));
    const first = await seedSyntheticCommunity({ db, cipher }, OPTS, EXTRAS);
    communityId = first.synth.community.id;
    expect(first.state).toBe('loaded');
    expect(first.encounters?.rows).toBeGreaterThan(0);
  }, 120_000);

  afterAll(async () => {
    await db?.close();
  });

  it('skips a community that is already complete and leaves it as it was', async () => {
    const before = await rows();
    expect((await seedSyntheticCommunity({ db, cipher }, OPTS, EXTRAS)).state).toBe('skipped');
    expect(await rows()).toEqual(before);
  });

  it('removes a load broken off before the encounter aggregates and loads it again, with no row twice', async () => {
    const before = await rows();
    await db.query('delete from encounter_agg where community_id = $1', [communityId]);
    const again = await seedSyntheticCommunity({ db, cipher }, OPTS, EXTRAS);
    expect(again.state).toBe('reloaded');
    expect(await rows()).toEqual(before);
  }, 120_000);
});
