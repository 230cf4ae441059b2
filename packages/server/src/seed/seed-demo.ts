import { createRng, generateCommunity } from '@yigong/synth';
import type { AppContext } from '../platform/context.ts';
import { businessDate } from '../platform/clock.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { bulkInsertAccount } from '../modules/auth/index.ts';
import { loadSyntheticCommunity } from './load-synthetic.ts';
import { DEMO_ACCOUNTS, DEMO_COMMUNITIES, DEMO_PASSWORD } from './demo-accounts.ts';
import { demoAnchors } from './demo-anchors.repository.ts';
import { seedScheduling } from './seed-scheduling.ts';
import { seedObservations } from './seed-observations.ts';
import { seedDuplicateCandidates } from './seed-duplicates.ts';
import { seedCare } from './seed-care.ts';
import { analyzeEncounters, loadEncounters } from './seed-encounters.ts';
import { seedGrants } from './seed-grants.ts';
import { seedReferrals } from './seed-referrals.ts';
import { seedInsurance } from './seed-insurance.ts';
import { seedDiagnostics } from './seed-diagnostics.ts';
import { seedSterile } from './seed-sterile.ts';
import { bulkLoadSession } from '../platform/db/bulk-load.ts';

/**
 * Seeds the demo county on first start in demo mode: two synthetic communities and the demo
 * accounts. A no-op once any community exists. Never runs in production mode.
 */
export async function seedDemo(ctx: AppContext, log: (msg: string) => void, opts: { firstSize?: 'demo' | 'tiny' } = {}): Promise<boolean> {
  if (ctx.config.mode !== 'demo') return false;
  const { rows } = await ctx.db.query<{ n: number }>('select count(*)::int as n from community');
  if (rows[0]!.n > 0) return false;
  return bulkLoadSession(ctx.db, () => seedAll(ctx, log, opts));
}

async function seedAll(ctx: AppContext, log: (msg: string) => void, opts: { firstSize?: 'demo' | 'tiny' }): Promise<boolean> {
  const asOf = businessDate(ctx.clock);
  const t0 = Date.now();
  let lap = t0;
  const phase = (what: string) => {
    if (process.env.YIGONG_SEED_TIMING) log(`  ${what}: ${((Date.now() - lap) / 1000).toFixed(1)} s`);
    lap = Date.now();
  };
  // Each synthetic community is generated, loaded and let go: only its name and id are kept (RSS after start, issue #11).
  // seedCare below rebuilds the rate summaries of both communities once.
  const load = async (spec: Parameters<typeof generateCommunity>[0]) => {
    const generated = generateCommunity(spec);
    const loaded = await loadSyntheticCommunity(ctx.db, ctx.cipher, generated, undefined, { signingSummary: false });
    return { community: { id: generated.community.id, name: generated.community.name }, residents: loaded.residents };
  };
  const first = await load({ ...DEMO_COMMUNITIES.first, size: opts.firstSize ?? DEMO_COMMUNITIES.first.size, asOf });
  const second = await load({ ...DEMO_COMMUNITIES.second, asOf });
  phase('residents');
  await ctx.db.transaction(async (tx) => {
    await seedScheduling(tx, first.community.id, asOf);
    await seedScheduling(tx, second.community.id, asOf);
    await seedObservations(tx, first.community.id, asOf);
    await seedObservations(tx, second.community.id, asOf);
  });
  phase('scheduling, observations');
  const anchors = await demoAnchors(ctx.db, first.community.id, second.community.id);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const accountIds = createRng(DEMO_COMMUNITIES.first.seed, 'accounts');
  await ctx.db.transaction(async (tx) => {
    for (const spec of DEMO_ACCOUNTS) {
      const at = spec.at;
      const orgId = at === 'lead_hospital' ? anchors.leadHospital : at === 'township' ? anchors.township : at === 'village' ? anchors.village : at === 'second_village' ? anchors.secondVillage : null;
      const communityId = at === 'region' ? null : at === 'second_village' ? second.community.id : first.community.id;
      await bulkInsertAccount(tx, {
        id: accountIds.uuid(), username: spec.username, passwordHash, displayName: spec.displayName, role: spec.role,
        scopeKind: at === 'region' ? 'region' : at === 'community' ? 'community' : 'organization',
        communityId, organizationId: orgId, regionCode: at === 'region' ? DEMO_COMMUNITIES.regionCode : null,
        practitionerId: spec.username === 'doctor.lead' ? anchors.cardiologist : null,
      });
    }
  });
  phase('accounts');
  await seedDuplicateCandidates(ctx, first.community.id, anchors.village);
  phase('duplicates');
  await seedGrants(ctx, first.community.id, anchors);
  phase('grants');
  await seedReferrals(ctx, first.community.id, anchors);
  phase('referrals');
  const { care, encounters } = await seedCareAndEncounters(ctx, first, second, asOf, phase);
  await seedInsurance(ctx, first.community.id, asOf);
  phase('insurance');
  const diagnostics = await ctx.db.transaction(async (tx) => {
    const d = await seedDiagnostics(tx, first.community.id, DEMO_COMMUNITIES.first.seed, ctx.clock.now(), true);
    await seedDiagnostics(tx, second.community.id, DEMO_COMMUNITIES.second.seed, ctx.clock.now(), false);
    const s = await seedSterile(tx, first.community.id, DEMO_COMMUNITIES.first.seed, ctx.clock.now(), true);
    await seedSterile(tx, second.community.id, DEMO_COMMUNITIES.second.seed, ctx.clock.now(), false);
    return { ...d, packs: s.packs };
  });
  phase('diagnostics');
  log(`Demo data seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${first.community.name} (${first.residents} residents, ${care.contracts} contracts, ${care.enrollments} chronic patients, ${care.followUps} follow-ups, ${encounters} encounters, ${diagnostics.orders} diagnostic orders, ${diagnostics.packs} sterile packs), ${second.community.name} (${second.residents} residents)`);
  return true;
}

type Seeded = { community: { id: string; name: string }; residents: number };

/**
 * Family-doctor and chronic care data, and the encounters — the seed's largest part, started only
 * now that every resident of the demo exists (the duplicates phase adds two). On a PostgreSQL
 * server the encounters are built on their worker thread and copied on a connection of their own
 * while the care data is written on others (they share no table), so the server's processes and
 * ours work at once. PGlite has one connection, and the worker would only take CPU from its
 * WebAssembly meanwhile (measured: a start 2–4 s slower), so there they load after the care data
 * (issue #11: start-up).
 */
async function seedCareAndEncounters(ctx: AppContext, first: Seeded, second: Seeded, asOf: string, phase: (what: string) => void) {
  const loadAll = () => loadDemoEncounters(ctx, first.community.id, second.community.id, asOf);
  const early = ctx.db.kind === 'postgres' ? loadAll() : null;
  early?.catch(() => undefined);
  try {
    const care = await seedCare(ctx.db, first.community.id, asOf, DEMO_COMMUNITIES.first.seed);
    await seedCare(ctx.db, second.community.id, asOf, DEMO_COMMUNITIES.second.seed);
    phase('care');
    const encounters = await (early ?? loadAll());
    phase('encounters');
    return { care, encounters };
  } finally {
    // Nothing of the seed may still run on the database when it returns, failed or not.
    await early?.catch(() => undefined);
  }
}

/**
 * The demo's encounters, one community after the other, analysed once; resolves with the first's
 * rows. The first community's from January of last year: a whole year to settle (issue #12) and
 * last year's months for the seasonal projection; the second's the last 13 months.
 */
async function loadDemoEncounters(ctx: AppContext, firstId: string, secondId: string, asOf: string): Promise<number> {
  const rows = await loadEncounters(ctx, firstId, asOf, DEMO_COMMUNITIES.first.seed, Number(asOf.slice(5, 7)) + 12);
  await loadEncounters(ctx, secondId, asOf, DEMO_COMMUNITIES.second.seed);
  await analyzeEncounters(ctx.db);
  return rows;
}
