/**
 * Province scale on Citus (issue #9): the same province slice — several county communities with
 * care data and encounters, loaded by the seed functions of `npm run synth -- --size province` —
 * in a single PostgreSQL and in a Citus cluster, each against its own baseline in the same
 * process: the dashboard of one community vs a plain GROUP BY over its raw encounters; an NDJSON
 * ingest vs a COPY of the same rows; two ingests into two communities at once; then rows and
 * bytes per table and per shard, and what a 10-worker cluster would hold, scaled from them.
 *
 *   DATABASE_URL=postgres://… CITUS_URL=postgres://…coordinator… npm run bench:province -- [--communities 3] [--per-community 100000]
 *     [--years 1] [--feed 50000] [--runs 20] [--seed 7] [--workers 10] [--disk-tb 2] [--headroom 0.5]
 */
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { provinceCommunities, residentsOf, type SynthOptions, type SynthSize } from '@yigong/synth';
import type { AppContext } from '../../server/src/platform/context.ts';
import type { Database } from '../../server/src/platform/db/database.ts';
import { openPostgres } from '../../server/src/platform/db/postgres-database.ts';
import { seedSyntheticCommunity, type SeedExtras } from '../../server/src/seed/seed-community.ts';
import { monthsUpTo } from '../../server/src/seed/seed-encounters.ts';
import { benchContext, managerSession, startBenchApp, type BenchSession } from './bench-app.ts';
import { benchDatabase, citusBenchDatabase, type BenchDatabase } from './bench-database.ts';
import { dashboardOf, emptyTimings, p50p95, timeDashboardRound, type Dashboard, type DashboardTimings } from './dashboard.ts';
import { copyBaseline, dayBefore, feedBatch } from './indicators-feed.ts';
import { percentile, timed } from './load.ts';
import { citusFigures, singleStoreFigures, storageSummary, type StoreFigures } from './storage-figures.ts';
import { printEstimate, printStorage } from './province-report.ts';

const { values } = parseArgs({
  options: {
    communities: { type: 'string', default: '3' }, 'per-community': { type: 'string', default: '100000' }, years: { type: 'string', default: '1' },
    feed: { type: 'string', default: '50000' }, runs: { type: 'string', default: '20' }, seed: { type: 'string', default: '7' },
    workers: { type: 'string', default: '10' }, 'disk-tb': { type: 'string', default: '2' }, headroom: { type: 'string', default: '0.5' },
  },
});
const asOf = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const perCommunity: SynthSize = /^\d+$/.test(values['per-community']) ? Number(values['per-community']) : (values['per-community'] as SynthSize);
const plan: SynthOptions[] = provinceCommunities({ communities: Number(values.communities), perCommunity, seed: Number(values.seed), asOf });
if (plan.length < 2) {
  console.error('--communities must be at least 2: the benchmark ingests into two communities at once.');
  process.exit(2);
}
const extras: SeedExtras = { care: true, encounterYears: Number(values.years) };
const feedN = Number(values.feed);

/** One database under test with its app and the sessions of two community managers. */
interface Store {
  label: string;
  citus: boolean;
  bench: BenchDatabase;
  db?: Database;
  ctx?: AppContext;
  app?: FastifyInstance;
  base?: string;
  loadMs?: number;
  encountersSeeded?: number;
  sessions?: BenchSession[];
  dashboard?: Dashboard;
  timings?: DashboardTimings;
  figures?: StoreFigures;
}

const out: string[] = [];
const row = (measure: string, ...cells: string[]) => {
  out.push(`| ${measure} | ${cells.join(' | ')} |`);
  console.error(`  ${measure}: ${cells.join(' · ')}`);
};
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const fmt = (x: number) => x.toLocaleString('en');

/** Migrates (on Citus the runner distributes), loads the province slice as `npm run synth` does, starts the app. */
async function setUp(store: Store): Promise<void> {
  store.db = openPostgres(store.bench.url, 8);
  const ctx = (store.ctx = await benchContext(store.db));
  const [seeded, loadMs] = await timed(async () => {
    let encounters = 0;
    for (const [i, opts] of plan.entries()) {
      console.error(`${store.label}: loading ${i + 1}/${plan.length} (${opts.regionCode}, ${fmt(residentsOf(opts.size))} residents) …`);
      encounters += (await seedSyntheticCommunity(ctx, opts, extras)).encounters?.rows ?? 0;
    }
    return encounters;
  });
  store.loadMs = loadMs;
  store.encountersSeeded = seeded;
  Object.assign(store, await startBenchApp(ctx));
}

/** The community's worker on Citus (its shard of `community`), null on a single server. */
async function workerOf(store: Store, communityId: string): Promise<number | null> {
  if (!store.citus) return null;
  return (await store.db!.query<{ port: number }>(
    `select nodeport as port from citus_shards where table_name = 'community'::regclass and shardid = get_shard_id_for_distribution_column('community', $1::uuid)`, [communityId])).rows[0]!.port;
}

const stores: Store[] = [];
try {
  stores.push({ label: 'single PostgreSQL', citus: false, bench: await benchDatabase('yg_bench_prov') });
  const citus = await citusBenchDatabase('yg_bench_prov');
  stores.push({ label: `Citus, ${citus.workers} workers`, citus: true, bench: citus });
  const [pg, cluster] = stores as [Store, Store];
  for (const s of stores) await setUp(s);

  // The pair of communities for the concurrent ingest: the first, and one on another worker if there is one.
  const ids = await Promise.all(plan.map(async (_, i) => (await pg.db!.query<{ community_id: string }>('select community_id from community where region_code = $1', [plan[i]!.regionCode])).rows[0]!.community_id));
  const ports = await Promise.all(ids.map((id) => workerOf(cluster, id)));
  const b = Math.max(1, ports.findIndex((p) => p !== ports[0]));
  const [a, other] = [ids[0]!, ids[b]!];
  for (const s of stores) s.sessions = [await managerSession(s.db!, s.base!, a, 'bench.manager.a'), await managerSession(s.db!, s.base!, other, 'bench.manager.b')];

  const residents = plan.reduce((n, o) => n + residentsOf(o.size), 0);
  row(`load: ${plan.length} communities × ${fmt(residentsOf(perCommunity))} residents, care data, ${values.years} year(s) of encounters (seedSyntheticCommunity, as \`npm run synth -- --size province\`)`,
    ...stores.map((s) => `${(s.loadMs! / 1000).toFixed(0)} s (${fmt(rate(residents, s.loadMs!))} residents/s incl. care and ${fmt(s.encountersSeeded!)} encounters)`));

  // Ingest over HTTP into one community, then COPY of the same stored rows into a table like `encounter`.
  const ctx0 = pg.ctx!;
  const feed = (await feedBatch(ctx0, a, asOf, feedN, 99, 'FEED')).join('\n');
  const pair = [(await feedBatch(ctx0, a, asOf, feedN, 98, 'PAR')).join('\n'), (await feedBatch(ctx0, other, asOf, feedN, 98, 'PAR')).join('\n')];
  const single: { rows: number; ms: number; copyMs: number }[] = [];
  for (const s of stores) {
    const [r, ms] = await timed(() => s.sessions![0]!.ingest(feed));
    if (r.rejected) throw new Error(`${s.label}: the feed had ${r.rejected} rejected rows`);
    single.push({ rows: r.accepted, ms, copyMs: await copyBaseline(s.bench.url, s.db!, a, 'FEED', s.citus) });
  }
  row(`ingest over HTTP: one NDJSON batch into one community (validation, MPI lookup, idempotency, aggregates, one transaction)`,
    ...single.map((x) => `${fmt(x.rows)} rows in ${(x.ms / 1000).toFixed(1)} s (**${fmt(rate(x.rows, x.ms))} rows/s**)`));
  row('baseline: COPY of the same rows into a table like `encounter` (on Citus distributed the same way)', ...single.map((x) => `${(x.copyMs / 1000).toFixed(2)} s (${fmt(rate(x.rows, x.copyMs))} rows/s)`));
  row('**ratio ingest time / COPY time**', ...single.map((x) => `**${(x.ms / x.copyMs).toFixed(1)}**`));
  const both: { rows: number; ms: number }[] = [];
  for (const s of stores) {
    const [rs, ms] = await timed(() => Promise.all(s.sessions!.map((session, i) => session.ingest(pair[i]!))));
    both.push({ rows: rs.reduce((n, r) => n + r.accepted, 0), ms });
  }
  const placement = ports[0] === null ? '' : ports[0] === ports[b] ? ` (both on worker :${ports[0]})` : ` (on workers :${ports[0]} and :${ports[b]})`;
  row(`two ingests at once, one per community${placement}`, ...both.map((x) => `${fmt(x.rows)} rows in ${(x.ms / 1000).toFixed(1)} s (**${fmt(rate(x.rows, x.ms))} rows/s**)`));
  row('**two communities at once / one community, rows/s**', ...both.map((x, i) => `**${(rate(x.rows, x.ms) / rate(single[i]!.rows, single[i]!.ms)).toFixed(2)}**`));
  const versus = (xs: number[]) => `**${(xs[1]! / xs[0]!).toFixed(2)}**`;
  row('**Citus / single PostgreSQL, rows/s: one ingest · two at once**', '—',
    `${versus(single.map((x) => rate(x.rows, x.ms)))} · ${versus(both.map((x) => rate(x.rows, x.ms)))}`);

  // The dashboard of the first community, the stores taking turns round by round.
  for (const s of stores) {
    s.dashboard = await dashboardOf(s.db!, a, asOf);
    s.timings = emptyTimings(s.dashboard);
  }
  for (let i = 0; i < Number(values.runs); i++) for (const s of stores) await timeDashboardRound(s.sessions![0]!, s.db!, s.dashboard!, s.timings!);
  for (const k of Object.keys(pg.timings!.byRequest)) row(`GET ${k}`, ...stores.map((s) => p50p95(s.timings!.byRequest[k]!)));
  row('all dashboard requests above', ...stores.map((s) => p50p95(s.timings!.all)));
  row('a whole dashboard load (cards + trend + ranking in parallel)', ...stores.map((s) => p50p95(s.timings!.page)));
  row('baseline: one plain GROUP BY over the raw encounters (a month and last year alternately)', ...stores.map((s) => p50p95(s.timings!.bare)));
  row('**ratio dashboard requests p95 / GROUP BY p95**', ...stores.map((s) => `**${(percentile(s.timings!.all, 0.95) / percentile(s.timings!.bare, 0.95)).toFixed(3)}**`));
  row('**Citus / single PostgreSQL, p95: dashboard requests · GROUP BY**', '—',
    `${versus(stores.map((s) => percentile(s.timings!.all, 0.95)))} · ${versus(stores.map((s) => percentile(s.timings!.bare, 0.95)))}`);

  pg.figures = await singleStoreFigures(pg.db!);
  cluster.figures = await citusFigures(cluster.db!);
  const sums = stores.map((s) => storageSummary(s.figures!));
  row('rows: residents / encounters', ...sums.map((x) => `${fmt(x.residents)} / ${fmt(x.encounters)}`));
  row('bytes per resident (every tenant table but `encounter`, with indexes)', ...sums.map((x) => `${fmt(Math.round(x.bytesPerResident))} B`));
  row('bytes per encounter (`encounter` with its indexes)', ...sums.map((x) => `${fmt(Math.round(x.bytesPerEncounter))} B`));
  row('tenant tables in all / reference tables (one copy; on Citus on every node)', ...sums.map((x) => `${(x.tenantBytes / 1e6).toFixed(0)} MB / ${(x.referenceBytes / 1e6).toFixed(0)} MB`));

  const months = 12 * extras.encounterYears + 1;
  const days = (Date.parse(`${dayBefore(asOf)}T00:00:00Z`) - Date.parse(`${monthsUpTo(asOf, months)[0]}-01T00:00:00Z`)) / 86_400_000 + 1;
  const perWorker = rate(both[1]!.rows, both[1]!.ms) / (ports[0] === ports[b] ? 1 : 2);
  const header = `| measure | ${stores.map((s) => s.label).join(' | ')} |\n|---|${stores.map(() => '---|').join('')}`;
  console.log(`\n${plan.length} communities (${plan.map((o) => o.regionCode).join(', ')}), ${fmt(residents)} residents; dashboard of ${a}, ${values.runs} rounds\n\n${header}\n${out.join('\n')}\n`);
  printStorage(stores[0]!.figures!, cluster.figures, sums[1]!);
  printEstimate({
    bytesPerResident: sums[1]!.bytesPerResident, bytesPerEncounter: sums[1]!.bytesPerEncounter,
    encountersPerResidentYear: cluster.encountersSeeded! / residents / (days / 365), ingestRowsPerSecondPerWorker: perWorker,
  }, { workers: Number(values.workers), diskBytesPerWorker: Number(values['disk-tb']) * 1e12, headroom: Number(values.headroom), countyResidents: residentsOf('county') });
} finally {
  for (const s of stores) {
    await s.app?.close().catch(() => undefined);
    await s.db?.close().catch(() => undefined);
    await s.bench.drop().catch((e: unknown) => console.error(`could not drop the ${s.label} database: ${(e as Error).message}`));
  }
}
