import { generateCommunity, SYNTH_ICD10, type SynthCommunity, type SynthOptions } from '@yigong/synth';
import type { AppContext } from '../platform/context.ts';
import type { Database } from '../platform/db/database.ts';
import { loadReferenceData } from '../platform/reference/load-reference.ts';
import { insertCountyRegions, insertSynthIcd10, loadSyntheticCommunity, removeCommunity } from './load-synthetic.ts';
import { seedCare } from './seed-care.ts';
import { seedEncounters } from './seed-encounters.ts';

/** What to load beside a community's structure and residents. */
export interface SeedExtras {
  /** Family-doctor contracts, chronic registries and follow-ups (seedCare). */
  care: boolean;
  /** Years of the encounter feed up to yesterday (0 for none). */
  encounterYears: number;
}

/** Callbacks of a load in progress, for a progress bar. */
export interface SeedProgress {
  /** A stage starts (not called for a community that is skipped). */
  stage?: (synth: SynthCommunity, stage: 'residents' | 'care' | 'encounters') => void;
  residents?: (done: number) => void;
  encounters?: (rows: number) => void;
}

/** What `seedSyntheticCommunity` did: skipped a complete community, loaded it, or removed a broken-off load and loaded it again. */
export interface SeedOutcome {
  synth: SynthCommunity;
  state: 'skipped' | 'loaded' | 'reloaded';
  residentsMs: number;
  care: { contracts: number; enrollments: number; followUps: number; ms: number } | null;
  encounters: { rows: number; months: number; ms: number } | null;
}

/**
 * The reference rows a community needs: the shipped loader first; if it left the county's
 * regions or the generator's ICD-10 codes out (a database without the data files), insert them.
 */
export async function ensureReferenceRows(db: Database, regionCode: string): Promise<void> {
  await loadReferenceData(db);
  const region = await db.query('select 1 from region where code = $1', [regionCode]);
  if (region.rows.length === 0) await insertCountyRegions(db, regionCode);
  const codes = SYNTH_ICD10.map((x) => x.code);
  const { rows } = await db.query<{ code: string }>('select code from icd10 where code = any($1::text[])', [codes]);
  if (rows.length < codes.length) {
    const { rows: loaded } = await db.query('select 1 from icd10 limit 1');
    if (loaded.length > 0) {
      const missing = codes.filter((c) => !rows.some((r) => r.code === c));
      throw new Error(`The ICD-10 table lacks codes the generator uses: ${missing.join(', ')}`);
    }
    await insertSynthIcd10(db);
  }
}

/**
 * Whether a synthetic community is absent, complete for what is asked (all its residents, and
 * the last row each asked-for stage writes: the chronic rate summary of seedCare, the monthly
 * encounter aggregates of seedEncounters), or partial — a run broken off part-way.
 */
export async function syntheticLoadState(db: Database, synth: SynthCommunity, extras: SeedExtras): Promise<'absent' | 'complete' | 'partial'> {
  const s = (await db.query<{ present: boolean; residents: number; care: boolean; encounters: boolean }>(
    `select exists (select 1 from community where community_id = $1) as present,
            (select count(*) from resident where community_id = $1)::int as residents,
            exists (select 1 from chronic_rate_point where community_id = $1) as care,
            exists (select 1 from encounter_agg where community_id = $1) as encounters`, [synth.community.id])).rows[0]!;
  if (!s.present) return 'absent';
  const complete = s.residents === synth.residentCount && (!extras.care || s.care) && (extras.encounterYears === 0 || s.encounters);
  return complete ? 'complete' : 'partial';
}

/**
 * Generates one synthetic community and loads it with everything `npm run synth` loads: the
 * structure and residents (streamed in chunks), then the care data and the encounter feed when
 * asked. A community already complete is skipped; one left partial by a broken-off run is
 * removed and loaded again — so a province load can simply be started again.
 */
export async function seedSyntheticCommunity(
  ctx: Pick<AppContext, 'db' | 'cipher'>,
  opts: SynthOptions,
  extras: SeedExtras,
  progress: SeedProgress = {},
): Promise<SeedOutcome> {
  const { db, cipher } = ctx;
  const synth = generateCommunity(opts);
  const c = synth.community.id;
  const state = await syntheticLoadState(db, synth, extras);
  if (state === 'complete') return { synth, state: 'skipped', residentsMs: 0, care: null, encounters: null };
  if (state === 'partial') await removeCommunity(db, c);
  await ensureReferenceRows(db, opts.regionCode);
  progress.stage?.(synth, 'residents');
  // With care data, seedCare derives the signing summary once after the contracts.
  const loaded = await loadSyntheticCommunity(db, cipher, synth, progress.residents, { signingSummary: !extras.care });
  let care: SeedOutcome['care'] = null;
  if (extras.care) {
    progress.stage?.(synth, 'care');
    const t = performance.now();
    care = { ...(await seedCare(db, c, opts.asOf, opts.seed)), ms: performance.now() - t };
  }
  let encounters: SeedOutcome['encounters'] = null;
  if (extras.encounterYears > 0) {
    progress.stage?.(synth, 'encounters');
    const t = performance.now();
    const months = 12 * extras.encounterYears + 1;
    encounters = { rows: await seedEncounters(ctx, c, opts.asOf, opts.seed, months, progress.encounters), months, ms: performance.now() - t };
  }
  return { synth, state: state === 'partial' ? 'reloaded' : 'loaded', residentsMs: loaded.ms, care, encounters };
}
