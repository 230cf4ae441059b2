import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { generateCommunity, SYNTH_ICD10, type SynthOptions } from '@yigong/synth';
import { businessDate, systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { createIdNumberCipher, loadIdNumberKeys } from '../platform/crypto/id-number-cipher.ts';
import type { Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { loadReferenceData } from '../platform/reference/load-reference.ts';
import { communityExists, insertCountyRegions, insertSynthIcd10, loadSyntheticCommunity } from '../seed/load-synthetic.ts';
import { seedCare } from '../seed/seed-care.ts';
import { seedEncounters } from '../seed/seed-encounters.ts';

const USAGE = `Usage: npm run synth -- [--size tiny|demo|county|<residents>] [--seed <n>] [--region <GB/T 2260 county code>]
                      [--as-of YYYY-MM-DD] [--kind county_community|urban_group] [--name <name>]
                      [--encounters <years>] [--care yes|no]
Generates a synthetic medical community and loads it into the configured database
(DATABASE_URL, or PGlite in YIGONG_DATA_DIR). Defaults: --size demo --seed 1 --region 330521 (德清县), --as-of today,
--encounters 1 (that many years of the encounter feed up to yesterday, 0 for none), --care yes (family-doctor
contracts, chronic registries and two years of follow-ups).`;

/** What to load beside the community: years of encounters and the care data. */
export function parseExtras(argv: readonly string[]): { encounterYears: number; care: boolean } {
  const { values } = parseArgs({ args: [...argv], strict: false, options: { encounters: { type: 'string', default: '1' }, care: { type: 'string', default: 'yes' } } });
  const years = String(values.encounters);
  if (!/^\d+$/.test(years) || Number(years) > 10) throw new Error(`--encounters must be 0–10 years, got ${years}`);
  if (values.care !== 'yes' && values.care !== 'no') throw new Error('--care must be yes or no');
  return { encounterYears: Number(years), care: values.care === 'yes' };
}

/** Parses the command line into generator options; throws with a message naming the bad option. */
export function parseSynthArgs(argv: readonly string[], today: string): SynthOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      size: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '1' },
      region: { type: 'string', default: '330521' },
      'as-of': { type: 'string', default: today },
      kind: { type: 'string', default: 'county_community' },
      name: { type: 'string' },
      encounters: { type: 'string' },
      care: { type: 'string' },
    },
  });
  const size = /^\d+$/.test(values.size) ? Number(values.size) : values.size;
  if (typeof size === 'string' && !['tiny', 'demo', 'county'].includes(size)) throw new Error(`--size must be tiny, demo, county or a number, got ${size}`);
  if (!/^\d+$/.test(values.seed)) throw new Error(`--seed must be a non-negative integer, got ${values.seed}`);
  if (values.kind !== 'county_community' && values.kind !== 'urban_group') throw new Error(`--kind must be county_community or urban_group`);
  return {
    size: size as SynthOptions['size'], seed: Number(values.seed), regionCode: values.region, asOf: values['as-of'], kind: values.kind,
    ...(values.name ? { name: values.name } : {}),
  };
}

/**
 * The reference rows a community needs: the shipped loader first; if it left the county's
 * regions or the generator's ICD-10 codes out (a database without the data files), insert them.
 */
async function ensureReferenceRows(db: Database, regionCode: string): Promise<void> {
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

/** `npm run synth`: returns the process exit code. */
export async function runSynthCli(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let opts: SynthOptions;
  let extras: ReturnType<typeof parseExtras>;
  try {
    opts = parseSynthArgs(argv, businessDate(systemClock));
    extras = parseExtras(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    await ensureReferenceRows(db, opts.regionCode);
    const keys = loadIdNumberKeys(config);
    const cipher = createIdNumberCipher(keys.enc, keys.hash);
    const t0 = performance.now();
    const synth = generateCommunity(opts);
    const { community } = synth;
    if (await communityExists(db, community.id)) {
      console.error(`Community ${community.name} (${community.id}) is already loaded — seed ${opts.seed}, region ${opts.regionCode}. `
        + 'Use another --seed or --region, or an empty database.');
      return 1;
    }
    console.log(`Loading ${community.name} (${community.id}): ${synth.organizations.length} units, ${synth.practitioners.length} staff, `
      + `${synth.residentCount} residents, as of ${opts.asOf}, into ${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite at ${config.dataDir}`}`);
    const bar = new cliProgress.SingleBar({ format: ' {bar} {percentage}% | {value}/{total} residents | ETA {eta_formatted}', hideCursor: true },
      cliProgress.Presets.shades_classic);
    bar.start(synth.residentCount, 0);
    const result = await loadSyntheticCommunity(db, cipher, synth, (done) => bar.update(done), { signingSummary: !extras.care });
    bar.stop();
    const seconds = (performance.now() - t0) / 1000;
    console.log(`Loaded ${result.residents} residents in ${seconds.toFixed(1)} s (${Math.round(result.residents / seconds)} residents/s).`);
    if (extras.care) {
      const t1 = performance.now();
      const care = await seedCare(db, community.id, opts.asOf, opts.seed);
      console.log(`Care data: ${care.contracts} contracts, ${care.enrollments} chronic enrolments, ${care.followUps} follow-ups in ${((performance.now() - t1) / 1000).toFixed(1)} s.`);
    }
    if (extras.encounterYears > 0) {
      const t2 = performance.now();
      const months = 12 * extras.encounterYears + 1;
      const n = await seedEncounters({ db, cipher }, community.id, opts.asOf, opts.seed, months, (rows) => process.stdout.write(`\r encounters: ${rows.toLocaleString('en')} …`));
      console.log(`\rEncounters: ${n.toLocaleString('en')} over ${months} months, with their monthly aggregates, in ${((performance.now() - t2) / 1000).toFixed(1)} s.`);
    }
    return 0;
  } catch (e) {
    console.error(`Synthetic load failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runSynthCli(process.argv.slice(2));
}
