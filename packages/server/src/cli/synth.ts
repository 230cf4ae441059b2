import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { PROVINCE_COUNTIES, provinceCommunities, residentsOf, type SynthOptions, type SynthSize } from '@yigong/synth';
import { businessDate, systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { createIdNumberCipher, loadIdNumberKeys } from '../platform/crypto/id-number-cipher.ts';
import { migrate } from '../platform/db/migrate.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { seedSyntheticCommunity, type SeedExtras, type SeedOutcome } from '../seed/seed-community.ts';

const USAGE = `Usage: npm run synth -- [--size tiny|demo|county|<residents>] [--seed <n>] [--region <GB/T 2260 county code>]
                      [--as-of YYYY-MM-DD] [--kind county_community|urban_group] [--name <name>]
                      [--encounters <years>] [--care yes|no]
       npm run synth -- --size province [--communities 1–${PROVINCE_COUNTIES.length}] [--per-community tiny|demo|county|<residents>]
                      [--seed <n>] [--as-of YYYY-MM-DD] [--kind …] [--encounters <years>] [--care yes|no]
Generates a synthetic medical community and loads it into the configured database
(DATABASE_URL, or PGlite in YIGONG_DATA_DIR). Defaults: --size demo --seed 1 --region 330521 (德清县), --as-of today,
--encounters 1 (that many years of the encounter feed up to yesterday, 0 for none), --care yes (family-doctor
contracts, chronic registries and two years of follow-ups).
--size province loads one community per county of Zhejiang (${PROVINCE_COUNTIES.map((c) => `${c.code} ${c.name}`).join(', ')}),
the first --communities of them (default ${PROVINCE_COUNTIES.length}), each of --per-community residents (default county: 500,000), one
after another; --seed, --care and --encounters apply to each. A community already loaded is skipped, one left
half-loaded by a broken-off run is loaded again: start the same command again to resume.`;

const OPTIONS = {
  size: { type: 'string', default: 'demo' },
  seed: { type: 'string', default: '1' },
  region: { type: 'string' },
  'as-of': { type: 'string' },
  kind: { type: 'string', default: 'county_community' },
  name: { type: 'string' },
  encounters: { type: 'string' },
  care: { type: 'string' },
  communities: { type: 'string' },
  'per-community': { type: 'string' },
} as const;

/** What to load beside the community: years of encounters and the care data. */
export function parseExtras(argv: readonly string[]): SeedExtras {
  const { values } = parseArgs({ args: [...argv], strict: false, options: { encounters: { type: 'string', default: '1' }, care: { type: 'string', default: 'yes' } } });
  const years = String(values.encounters);
  if (!/^\d+$/.test(years) || Number(years) > 10) throw new Error(`--encounters must be 0–10 years, got ${years}`);
  if (values.care !== 'yes' && values.care !== 'no') throw new Error('--care must be yes or no');
  return { encounterYears: Number(years), care: values.care === 'yes' };
}

/** A community size: a named size or a number of residents within the generator's range. */
function parseSize(value: string, option: string): SynthSize {
  const size = /^\d+$/.test(value) ? Number(value) : value;
  if (typeof size === 'string' && !['tiny', 'demo', 'county'].includes(size)) throw new Error(`${option} must be tiny, demo, county or a number, got ${size}`);
  try {
    residentsOf(size as SynthSize);
  } catch (e) {
    throw new Error(`${option}: ${(e as Error).message}`, { cause: e });
  }
  return size as SynthSize;
}

/** The options every community of a run shares: seed, as-of date and kind. */
function sharedOptions(values: { seed: string; kind: string; 'as-of'?: string | undefined }, today: string): Pick<SynthOptions, 'seed' | 'asOf' | 'kind'> {
  if (!/^\d+$/.test(values.seed)) throw new Error(`--seed must be a non-negative integer, got ${values.seed}`);
  if (values.kind !== 'county_community' && values.kind !== 'urban_group') throw new Error(`--kind must be county_community or urban_group`);
  return { seed: Number(values.seed), asOf: values['as-of'] ?? today, kind: values.kind };
}

/** Parses the command line of one community into generator options; throws with a message naming the bad option. */
export function parseSynthArgs(argv: readonly string[], today: string): SynthOptions {
  const { values } = parseArgs({ args: [...argv], options: OPTIONS });
  if (values.communities !== undefined || values['per-community'] !== undefined) throw new Error('--communities and --per-community go with --size province');
  return {
    size: parseSize(values.size, '--size'), regionCode: values.region ?? '330521', ...sharedOptions(values, today),
    ...(values.name ? { name: values.name } : {}),
  };
}

/** The communities a command line asks for, in load order: one, or those of `--size province`. */
export function parseSynthPlan(argv: readonly string[], today: string): SynthOptions[] {
  const { values } = parseArgs({ args: [...argv], options: OPTIONS });
  if (values.size !== 'province') return [parseSynthArgs(argv, today)];
  if (values.region !== undefined || values.name !== undefined) throw new Error('--region and --name name one community; --size province loads its own counties');
  const communities = values.communities ?? String(PROVINCE_COUNTIES.length);
  if (!/^\d+$/.test(communities)) throw new Error(`--communities must be a number of communities, got ${communities}`);
  return provinceCommunities({
    communities: Number(communities), perCommunity: parseSize(values['per-community'] ?? 'county', '--per-community'), ...sharedOptions(values, today),
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The lines that say what one community's load did. */
function describeOutcome(o: SeedOutcome, of: string): string[] {
  const { synth } = o;
  if (o.state === 'skipped') return [`${of}${synth.community.name} (${synth.community.id}) is already loaded: skipped.`];
  const lines = [`${o.state === 'reloaded' ? 'Removed a broken-off load and loaded' : 'Loaded'} ${synth.community.name}: ${synth.residentCount} residents in ${seconds(o.residentsMs)} `
    + `(${Math.round(synth.residentCount / (o.residentsMs / 1000))} residents/s).`];
  if (o.care) lines.push(`  Care data: ${o.care.contracts} contracts, ${o.care.enrollments} chronic enrolments, ${o.care.followUps} follow-ups in ${seconds(o.care.ms)}.`);
  if (o.encounters) lines.push(`  Encounters: ${o.encounters.rows.toLocaleString('en')} over ${o.encounters.months} months, with their monthly aggregates, in ${seconds(o.encounters.ms)}.`);
  return lines;
}

/** `npm run synth`: returns the process exit code. */
export async function runSynthCli(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let plan: SynthOptions[];
  let extras: SeedExtras;
  try {
    plan = parseSynthPlan(argv, businessDate(systemClock));
    extras = parseExtras(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  const total = plan.reduce((sum, o) => sum + residentsOf(o.size), 0);
  // On a terminal, one bar over the residents of the whole run with the stage in its label, and
  // the lines above it; elsewhere (a log file) the lines alone.
  const bars = process.stderr.isTTY
    ? new cliProgress.MultiBar({ format: ' {bar} {percentage}% | {value}/{total} residents | {label} | {duration_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  const log = (line: string) => (bars ? bars.log(`${line}\n`) : console.log(line));
  try {
    await migrate(db);
    const keys = loadIdNumberKeys(config);
    const cipher = createIdNumberCipher(keys.enc, keys.hash);
    const t0 = performance.now();
    console.log(`Loading ${plan.length === 1 ? 'one community' : `${plan.length} communities of ${residentsOf(plan[0]!.size).toLocaleString('en')} residents`}, as of ${plan[0]!.asOf}, `
      + `into ${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite at ${config.dataDir}`}.`);
    const bar = bars?.create(total, 0, { label: '' });
    let before = 0;
    for (const [i, opts] of plan.entries()) {
      const of = plan.length > 1 ? `${i + 1}/${plan.length} ` : '';
      const outcome = await seedSyntheticCommunity({ db, cipher }, opts, extras, {
        stage: (synth, stage) => {
          if (stage === 'residents') {
            log(`${of}${synth.community.name} (${synth.community.id}): ${synth.organizations.length} units, ${synth.practitioners.length} staff, ${synth.residentCount} residents`);
          }
          bar?.update({ label: `${of}${synth.community.name}: ${stage === 'care' ? 'care data' : stage}` });
        },
        residents: (done) => bar?.update(before + done),
        encounters: (rows) => bar?.update({ label: `${of}encounters ${rows.toLocaleString('en')}` }),
      });
      before += outcome.synth.residentCount;
      bar?.update(before);
      for (const line of describeOutcome(outcome, of)) log(line);
    }
    bars?.update(); // writes the lines still queued above the bar
    bars?.stop();
    if (plan.length > 1) console.log(`The province is loaded: ${plan.length} communities, ${total.toLocaleString('en')} residents in ${seconds(performance.now() - t0)}.`);
    return 0;
  } catch (e) {
    bars?.stop();
    console.error(`Synthetic load failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runSynthCli(process.argv.slice(2));
}
