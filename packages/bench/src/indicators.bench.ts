/**
 * Encounter ingest and the dashboard API at county scale on PostgreSQL (issue #5), each against a
 * baseline in the same process: ingest vs a plain COPY of the same rows; the dashboard's requests
 * vs a plain GROUP BY over the raw encounters for the same figures; freshness after an ingest; the
 * full recompute against the incremental aggregates; memory while a large body streams in.
 *
 *   DATABASE_URL=postgres://… npm run bench:indicators -- [--size county] [--years 1|5] [--feed 100000] [--runs 40] [--big-mb 0]
 */
import { parseArgs, isDeepStrictEqual } from 'node:util';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { generateCommunity } from '@yigong/synth';
import { createContext, loadConfig } from '@yigong/server';
import { buildApp } from '../../server/src/app/build-app.ts';
import { openPostgres } from '../../server/src/platform/db/postgres-database.ts';
import { loadSyntheticCommunity } from '../../server/src/seed/load-synthetic.ts';
import { encounterPopulation, monthsUpTo, seedEncounters } from '../../server/src/seed/seed-encounters.ts';
import { seedCare } from '../../server/src/seed/seed-care.ts';
import { recomputeAggregates } from '../../server/src/modules/indicators/index.ts';
import { hashPassword } from '../../server/src/platform/auth/password.ts';
import { bulkInsertAccount } from '../../server/src/modules/auth/index.ts';
import { benchDatabase } from './bench-database.ts';
import { percentile as pct, timed } from './load.ts';
import { feedLines, sampleMemory, streamBody } from './indicators-feed.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, years: { type: 'string', default: '1' }, feed: { type: 'string', default: '100000' }, runs: { type: 'string', default: '40' }, 'big-mb': { type: 'string', default: '0' } } });
const bench = await benchDatabase('yg_bench_ind');
const db = openPostgres(bench.url, 8);
const out: string[] = [];
const row = (k: string, v: string) => {
  out.push(`| ${k} | ${v} |`);
  console.error(`  ${k}: ${v}`);
};
const p = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms`;
try {
  const ctx = await createContext(loadConfig({ YIGONG_KEYS: `${Buffer.alloc(32, 5).toString('base64')}:${Buffer.alloc(32, 6).toString('base64')}`, YIGONG_LOG_LEVEL: 'silent', YIGONG_MODE: 'production', YIGONG_RATE_LIMIT_PER_MINUTE: '0' }), { db });
  const asOf = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const yesterday = new Date(Date.parse(`${asOf}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const size = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as 'county');
  const synth = generateCommunity({ regionCode: '330521', size, seed: 7, asOf });
  const communityId = synth.community.id;
  await loadSyntheticCommunity(db, ctx.cipher, synth);
  const [, careMs] = await timed(() => seedCare(db, communityId, asOf, 7));
  const [seeded, seedMs] = await timed(() => seedEncounters(ctx, communityId, asOf, 7, 12 * Number(values.years) + 1));
  row(`synthetic encounters (${values.years} year(s) + this month), COPY + aggregates`, `${seeded.toLocaleString('en')} rows in ${(seedMs / 1000).toFixed(1)} s (care data ${(careMs / 1000).toFixed(1)} s)`);
  const lastYear = String(Number(asOf.slice(0, 4)) - 1);
  const last12 = monthsUpTo(asOf, 13).slice(0, 12);
  const mix = (await db.query<Record<string, number>>(
    `select sum(value) filter (where metric = 'res_enc')::float8 as enc, sum(value) filter (where metric = 'res_ip')::float8 as ip, sum(value) filter (where metric = 'res_ip_out')::float8 as ip_out,
            sum(value) filter (where metric = 'op_em')::float8 as op, sum(value) filter (where metric = 'op_em_grassroots')::float8 as op_gr
       from encounter_agg where community_id = $1 and month >= $2::date and month < $2::date + interval '1 year'`, [communityId, `${last12[0]}-01`])).rows[0]!;
  const n = synth.residentCount;
  row(`synthetic mix, ${last12[0]} to ${last12.at(-1)}`, `${((mix.enc! - mix.ip!) / n).toFixed(2)} visits and ${((100 * mix.ip!) / n).toFixed(1)} admissions per resident-year (per 100), ${(100 * (1 - mix.op_gr! / mix.op!)).toFixed(1)}% of in-county visits at hospitals, ${(100 * mix.ip_out! / mix.ip!).toFixed(1)}% of admissions out of county`);

  await bulkInsertAccount(db, { id: randomUUID(), username: 'bench.manager', passwordHash: await hashPassword('Bench@2026!'), displayName: 'bench', role: 'manager', scopeKind: 'community', communityId, organizationId: null, regionCode: null });
  const app = await buildApp(ctx);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const token = ((await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.manager', password: 'Bench@2026!' }) })).json()) as { token: string }).token;
  const auth = { authorization: `Bearer ${token}` };
  const get = async (path: string) => {
    const r = await fetch(`${base}/api/v1${path}`, { headers: auth });
    if (r.status !== 200) throw new Error(`${path} → ${r.status} ${await r.text()}`);
    return r.json();
  };
  const ingest = async (body: string | ReadableStream<Uint8Array>) =>
    (await (await fetch(`${base}/api/v1/encounters:ingest`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-ndjson' }, body, duplex: 'half' } as RequestInit)).json()) as { accepted: number; duplicates: number; rejected: number };

  // Ingest over HTTP: one batch of new encounters from a unit's HIS, vs COPY of the same stored rows.
  const feedN = Number(values.feed);
  const feedPop = (await encounterPopulation(ctx, communityId, asOf, Math.ceil((feedN / 1.8) * 1.2)))!;
  const feed = [...feedLines(feedPop, monthsUpTo(asOf, 3), 99, yesterday, 'FEED', feedN)];
  const [ing, ingestMs] = await timed(() => ingest(feed.join('\n')));
  if (ing.rejected) throw new Error(`feed rejected ${ing.rejected}`);
  // Baseline: the very same stored rows, already in COPY text format in memory (read out untimed),
  // COPY'd into an empty table of the same shape and indexes — the fastest load PostgreSQL offers.
  await db.query('create table bench_encounter (like encounter including defaults including indexes)');
  const src = new pg.Client({ connectionString: bench.url });
  const dst = new pg.Client({ connectionString: bench.url });
  await Promise.all([src.connect(), dst.connect()]);
  const { from: copyFrom, to: copyTo } = await import('pg-copy-streams');
  const { pipeline } = await import('node:stream/promises');
  const { Readable, Writable } = await import('node:stream');
  const staged: Buffer[] = [];
  await pipeline(src.query(copyTo(`COPY (select * from encounter where community_id = '${communityId}' and source like 'FEED-%') TO STDOUT`)), new Writable({ write: (c: Buffer, _e, cb) => (staged.push(c), cb()) }));
  const [, copyMs] = await timed(() => pipeline(Readable.from(staged), dst.query(copyFrom('COPY bench_encounter FROM STDIN'))));
  await Promise.all([src.end(), dst.end()]);
  await db.query('drop table bench_encounter');
  row('ingest over HTTP: one NDJSON batch (validation, MPI lookup, idempotency, aggregates, one transaction)', `${ing.accepted.toLocaleString('en')} rows in ${(ingestMs / 1000).toFixed(1)} s (${Math.round(ing.accepted / (ingestMs / 1000)).toLocaleString('en')} rows/s)`);
  row('baseline: plain COPY FROM STDIN of the same rows (staged in memory) into a table of the same shape and indexes', `${(copyMs / 1000).toFixed(2)} s (${Math.round(ing.accepted / (copyMs / 1000)).toLocaleString('en')} rows/s)`);
  row('**ratio ingest time / COPY time**', `**${(ingestMs / copyMs).toFixed(1)}**`);
  const [again, againMs] = await timed(() => ingest(feed.join('\n')));
  row('the same batch re-sent (all duplicates, nothing written)', `${again.duplicates.toLocaleString('en')} duplicates in ${(againMs / 1000).toFixed(1)} s`);

  // The dashboard's requests vs a plain GROUP BY over the raw encounters for the same figures.
  const prev = monthsUpTo(asOf, 2)[0]!;
  const quarter = `${asOf.slice(0, 4)}-Q${Math.ceil(Number(asOf.slice(5, 7)) / 3)}`;
  const lead = (await db.query<{ id: string }>(`select id from organization where community_id = $1 and kind = 'lead_hospital'`, [communityId])).rows[0]!.id;
  const trend = monthsUpTo(asOf, 12);
  const requests: Record<string, () => string> = {
    'cards, community, month': () => `/indicators?communityId=${communityId}&period=${prev}`,
    'cards, community, quarter': () => `/indicators?communityId=${communityId}&period=${quarter}`,
    'cards, community, last year': () => `/indicators?communityId=${communityId}&period=${lastYear}`,
    'cards, lead hospital, month': () => `/indicators?communityId=${communityId}&organizationId=${lead}&period=${prev}`,
    '12-month trend (series)': () => `/indicators/series?communityId=${communityId}&from=${trend[0]}&to=${trend.at(-1)}`,
    'unit ranking, last year (by-unit)': () => `/indicators/by-unit?communityId=${communityId}&period=${lastYear}`,
  };
  const lat = Object.fromEntries(Object.keys(requests).map((k) => [k, [] as number[]]));
  const all: number[] = [];
  const bare: number[] = [];
  const page: number[] = [];
  const groupBy = (from: string, span: string) => db.query(
    `select organization_id, count(*) filter (where type = 'inpatient') as ip, sum(greatest(end_date - start_date, 1)) filter (where type = 'inpatient') as los,
            sum(total_cost) filter (where type = 'inpatient') as ip_cost, count(*) filter (where type <> 'inpatient') as op, sum(total_cost) filter (where type <> 'inpatient') as op_cost,
            sum(fund_paid) as fund, count(*) filter (where community_resident) as res, count(*) filter (where community_resident and not out_of_county) as res_in,
            count(*) filter (where community_resident and type = 'inpatient') as res_ip, count(*) filter (where community_resident and type = 'inpatient' and out_of_county) as res_ip_out,
            sum(out_of_pocket) filter (where community_resident) as oop, sum(total_cost) filter (where community_resident) as res_cost, sum(drg_weight) as drg
       from encounter where community_id = $1 and period_month >= $2::date and period_month < ($2::date + $3::interval) group by organization_id`, [communityId, from, span]);
  for (let i = 0; i < Number(values.runs); i++) {
    for (const [k, path] of Object.entries(requests)) {
      const [, ms] = await timed(() => get(path()));
      lat[k]!.push(ms);
      all.push(ms);
    }
    bare.push((await timed(() => groupBy(`${prev}-01`, '1 month')))[1]);
    bare.push((await timed(() => groupBy(`${lastYear}-01-01`, '1 year')))[1]);
    // A whole dashboard load as the browser makes it: cards, trend and ranking at once.
    page.push((await timed(() => Promise.all([get(requests['cards, community, month']!()), get(requests['12-month trend (series)']!()), get(requests['unit ranking, last year (by-unit)']!())])))[1]);
  }
  for (const [k, xs] of Object.entries(lat)) row(`GET ${k}`, p(xs));
  row('all dashboard requests above', p(all));
  row('a whole dashboard load (cards + trend + ranking in parallel)', p(page));
  row('baseline: one plain GROUP BY over the raw encounters (a month and last year alternately)', p(bare));
  row('**ratio dashboard requests p95 / GROUP BY p95**', `**${(pct(all, 0.95) / pct(bare, 0.95)).toFixed(3)}**`);

  // Freshness: a new batch of recent visits, then the dashboard (this quarter) until its numbers move.
  const fresh: number[] = [];
  for (let k = 0; k < 5; k++) {
    const before = JSON.stringify(await get(`/indicators?communityId=${communityId}&period=${quarter}`));
    await ingest(feed.slice(k * 1000, (k + 1) * 1000).map((l) => l.replace('"FEED-', `"FRESH${k}-`)).join('\n'));
    const t = performance.now();
    while (performance.now() - t < 10_000 && JSON.stringify(await get(`/indicators?communityId=${communityId}&period=${quarter}`)) === before);
    fresh.push(performance.now() - t);
  }
  row('freshness: ingest response → the API shows the new numbers (1,000-row batches, 5 times)', `max ${Math.max(...fresh).toFixed(0)} ms`);

  // The full recompute must give exactly the incrementally maintained aggregates.
  const snapshot = async () => (await db.query('select month::text, unit_key, metric, value from encounter_agg where community_id = $1 and value <> 0 order by 1, 2, 3', [communityId])).rows;
  const incremental = await snapshot();
  const [recomputed, recomputeMs] = await timed(() => recomputeAggregates(ctx, communityId));
  row('full recompute from raw encounters (`npm run indicators:recompute`)', `${recomputed.toLocaleString('en')} encounters in ${(recomputeMs / 1000).toFixed(1)} s; identical to the incremental aggregates: **${isDeepStrictEqual(incremental, await snapshot()) ? 'yes' : 'NO'}** (${incremental.length.toLocaleString('en')} counters)`);

  // A large body streamed in (ENCOUNTERS.md: memory stays flat for a 1 GB upload).
  const bigMb = Number(values['big-mb']);
  if (bigMb > 0) {
    const everyone = (await encounterPopulation(ctx, communityId, asOf))!;
    let sent = 0;
    const lines = (function* () {
      for (let s = 200; ; s++) for (const l of feedLines(everyone, monthsUpTo(asOf, 12), s, yesterday, `BIG${s}`)) if (sent < bigMb * 1_048_576) yield l; else return;
    })();
    const mem = sampleMemory();
    const [big, bigMs] = await timed(() => ingest(streamBody(lines, (b) => (sent += b))));
    const { peakRssMb, liveHeapMb } = mem.stop();
    const heap = liveHeapMb.length ? `; live heap after GC ${liveHeapMb[0]!.toFixed(0)} MB at the start, max ${Math.max(...liveHeapMb).toFixed(0)} MB, ${liveHeapMb.at(-1)!.toFixed(0)} MB at the end (${liveHeapMb.length} samples)` : ' (run with --expose-gc for the live heap)';
    row(`a ${bigMb} MB NDJSON body streamed in one request (one transaction)`, `${big.accepted.toLocaleString('en')} rows, ${(sent / 1_048_576).toFixed(0)} MB in ${(bigMs / 1000).toFixed(0)} s (${Math.round(big.accepted / (bigMs / 1000)).toLocaleString('en')} rows/s); peak RSS ${peakRssMb.toFixed(0)} MB${heap}`);
  }
  await app.close();
  const stored = Number((await db.query<{ n: number }>('select count(*)::int as n from encounter')).rows[0]!.n);
  console.log(`\n${synth.residentCount.toLocaleString('en')} residents, ${stored.toLocaleString('en')} encounters stored at the end\n\n| measure | value |\n|---|---|\n${out.join('\n')}`);
} finally {
  await db.close();
  await bench.drop();
}
