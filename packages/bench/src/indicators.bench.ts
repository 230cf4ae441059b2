/**
 * Encounter ingest and the dashboard API at county scale on PostgreSQL (issue #5), each against a
 * baseline in the same process: ingest vs a plain COPY of the same rows; the dashboard's requests
 * vs a plain GROUP BY over the raw encounters for the same figures; freshness after an ingest; the
 * full recompute against the incremental aggregates; memory while a large body streams in.
 *
 *   DATABASE_URL=postgres://… npm run bench:indicators -- [--size county] [--years 1|5] [--feed 100000] [--runs 40] [--big-mb 0]
 */
import { parseArgs, isDeepStrictEqual } from 'node:util';
import { generateCommunity } from '@yigong/synth';
import { openPostgres } from '../../server/src/platform/db/postgres-database.ts';
import { loadSyntheticCommunity } from '../../server/src/seed/load-synthetic.ts';
import { encounterPopulation, monthsUpTo, seedEncounters } from '../../server/src/seed/seed-encounters.ts';
import { seedCare } from '../../server/src/seed/seed-care.ts';
import { recomputeAggregates } from '../../server/src/modules/indicators/index.ts';
import { benchContext, managerSession, startBenchApp } from './bench-app.ts';
import { benchDatabase } from './bench-database.ts';
import { dashboardOf, emptyTimings, p50p95 as p, timeDashboardRound } from './dashboard.ts';
import { percentile as pct, timed } from './load.ts';
import { copyBaseline, dayBefore, feedBatch, feedLines, sampleMemory, streamBody } from './indicators-feed.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, years: { type: 'string', default: '1' }, feed: { type: 'string', default: '100000' }, runs: { type: 'string', default: '40' }, 'big-mb': { type: 'string', default: '0' } } });
const bench = await benchDatabase('yg_bench_ind');
const db = openPostgres(bench.url, 8);
const out: string[] = [];
const row = (k: string, v: string) => {
  out.push(`| ${k} | ${v} |`);
  console.error(`  ${k}: ${v}`);
};
try {
  const ctx = await benchContext(db);
  const asOf = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const yesterday = dayBefore(asOf);
  const size = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as 'county');
  const synth = generateCommunity({ regionCode: '330521', size, seed: 7, asOf });
  const communityId = synth.community.id;
  await loadSyntheticCommunity(db, ctx.cipher, synth);
  const [, careMs] = await timed(() => seedCare(db, communityId, asOf, 7));
  const [seeded, seedMs] = await timed(() => seedEncounters(ctx, communityId, asOf, 7, 12 * Number(values.years) + 1));
  row(`synthetic encounters (${values.years} year(s) + this month), COPY + aggregates`, `${seeded.toLocaleString('en')} rows in ${(seedMs / 1000).toFixed(1)} s (care data ${(careMs / 1000).toFixed(1)} s)`);
  const last12 = monthsUpTo(asOf, 13).slice(0, 12);
  const mix = (await db.query<Record<string, number>>(
    `select sum(value) filter (where metric = 'res_enc')::float8 as enc, sum(value) filter (where metric = 'res_ip')::float8 as ip, sum(value) filter (where metric = 'res_ip_out')::float8 as ip_out,
            sum(value) filter (where metric = 'op_em')::float8 as op, sum(value) filter (where metric = 'op_em_grassroots')::float8 as op_gr
       from encounter_agg where community_id = $1 and month >= $2::date and month < $2::date + interval '1 year'`, [communityId, `${last12[0]}-01`])).rows[0]!;
  const n = synth.residentCount;
  row(`synthetic mix, ${last12[0]} to ${last12.at(-1)}`, `${((mix.enc! - mix.ip!) / n).toFixed(2)} visits and ${((100 * mix.ip!) / n).toFixed(1)} admissions per resident-year (per 100), ${(100 * (1 - mix.op_gr! / mix.op!)).toFixed(1)}% of in-county visits at hospitals, ${(100 * mix.ip_out! / mix.ip!).toFixed(1)}% of admissions out of county`);

  const { app, base } = await startBenchApp(ctx);
  const session = await managerSession(db, base, communityId);
  const { get, ingest } = session;

  // Ingest over HTTP: one batch of new encounters from a unit's HIS, vs COPY of the same stored rows.
  const feed = await feedBatch(ctx, communityId, asOf, Number(values.feed), 99, 'FEED');
  const [ing, ingestMs] = await timed(() => ingest(feed.join('\n')));
  if (ing.rejected) throw new Error(`feed rejected ${ing.rejected}`);
  const copyMs = await copyBaseline(bench.url, db, communityId, 'FEED', false);
  row('ingest over HTTP: one NDJSON batch (validation, MPI lookup, idempotency, aggregates, one transaction)', `${ing.accepted.toLocaleString('en')} rows in ${(ingestMs / 1000).toFixed(1)} s (${Math.round(ing.accepted / (ingestMs / 1000)).toLocaleString('en')} rows/s)`);
  row('baseline: plain COPY FROM STDIN of the same rows (staged in memory) into a table of the same shape and indexes', `${(copyMs / 1000).toFixed(2)} s (${Math.round(ing.accepted / (copyMs / 1000)).toLocaleString('en')} rows/s)`);
  row('**ratio ingest time / COPY time**', `**${(ingestMs / copyMs).toFixed(1)}**`);
  const [again, againMs] = await timed(() => ingest(feed.join('\n')));
  row('the same batch re-sent (all duplicates, nothing written)', `${again.duplicates.toLocaleString('en')} duplicates in ${(againMs / 1000).toFixed(1)} s`);

  // The dashboard's requests vs a plain GROUP BY over the raw encounters for the same figures.
  const dashboard = await dashboardOf(db, communityId, asOf);
  const { quarter } = dashboard;
  const t = emptyTimings(dashboard);
  for (let i = 0; i < Number(values.runs); i++) await timeDashboardRound(session, db, dashboard, t);
  for (const [k, xs] of Object.entries(t.byRequest)) row(`GET ${k}`, p(xs));
  row('all dashboard requests above', p(t.all));
  row('a whole dashboard load (cards + trend + ranking in parallel)', p(t.page));
  row('baseline: one plain GROUP BY over the raw encounters (a month and last year alternately)', p(t.bare));
  row('**ratio dashboard requests p95 / GROUP BY p95**', `**${(pct(t.all, 0.95) / pct(t.bare, 0.95)).toFixed(3)}**`);

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

  // A large body streamed in (docs/domain/encounters.md: memory stays flat for a 1 GB upload).
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
