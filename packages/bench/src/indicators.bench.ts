/**
 * Encounter ingest and the dashboard API at county scale on PostgreSQL (issue #5), each against a
 * baseline in the same process: ingest vs a plain COPY of the same rows; the indicators API vs a
 * plain GROUP BY over the raw encounters for the same figures; freshness after an ingest.
 *
 *   DATABASE_URL=postgres://… npm run bench:indicators -- [--size county] [--feed 100000] [--runs 40]
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ageOn } from '@yigong/domain';
import { generateCommunity, generateEncounters } from '@yigong/synth';
import { createContext, loadConfig } from '@yigong/server';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { openPostgres } from '../../server/src/platform/db/postgres-database.ts';
import { loadSyntheticCommunity } from '../../server/src/platform/seed/load-synthetic.ts';
import { seedEncounters } from '../../server/src/platform/seed/seed-encounters.ts';
import { hashPassword } from '../../server/src/platform/auth/password.ts';
import { benchDatabase } from './bench-database.ts';
import { percentile as pct } from './load.ts';
import { insertAccount } from '../../server/src/modules/auth/auth.repository.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, feed: { type: 'string', default: '100000' }, runs: { type: 'string', default: '40' } } });
const bench = await benchDatabase('yg_bench_ind');
const dbUrl = bench.url;
const db = openPostgres(dbUrl, 8);
try {
  const ctx = await createContext(loadConfig({ YIGONG_KEYS: `${Buffer.alloc(32, 5).toString('base64')}:${Buffer.alloc(32, 6).toString('base64')}`, YIGONG_LOG_LEVEL: 'silent', YIGONG_MODE: 'production' }), { db });
  const asOf = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const size = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as 'county');
  const synth = generateCommunity({ regionCode: '330521', size, seed: 7, asOf });
  const communityId = synth.community.id;
  await loadSyntheticCommunity(db, ctx.cipher, synth);
  let t = performance.now();
  const seeded = await seedEncounters(ctx, communityId, asOf, 7);
  const seedMs = performance.now() - t;

  await insertAccount(db, { id: randomUUID(), username: 'bench.manager', passwordHash: await hashPassword('Bench@2026!'), displayName: 'bench', role: 'manager', scopeKind: 'community', communityId, organizationId: null, regionCode: null });
  const app = await buildApp(ctx);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const token = ((await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench.manager', password: 'Bench@2026!' }) })).json()) as { token: string }).token;
  const auth = { authorization: `Bearer ${token}` };

  // A feed of new encounters (another source) for the ingest measurement.
  const people = (await db.query<{ id_number_enc: string; birth_date: string; sex: 'male' | 'female' }>(`select id_number_enc, birth_date::text, sex from resident where community_id = $1 order by id limit 30000`, [communityId])).rows;
  const orgs = (await db.query<{ code: string; kind: string }>('select code, kind from organization where community_id = $1', [communityId])).rows;
  const residents = people.map((p) => ({ idNumber: ctx.cipher.decrypt(p.id_number_enc), age: ageOn(p.birth_date, asOf), sex: p.sex, clinicCode: orgs.find((o) => o.kind === 'village_clinic')!.code, townshipCode: orgs.find((o) => o.kind === 'township_center')!.code }));
  const feed: string[] = [];
  for (const r of generateEncounters(residents, { lead: orgs.find((o) => o.kind === 'lead_hospital')!.code, tcm: null, maternalChild: null }, [asOf.slice(0, 7), new Date(Date.parse(`${asOf}T00:00:00Z`) - 40 * 86_400_000).toISOString().slice(0, 7)], 99, asOf)) {
    feed.push(JSON.stringify({ ...r, source: `FEED-${r.source}` }));
    if (feed.length >= Number(values.feed)) break;
  }
  const body = feed.join('\n');
  t = performance.now();
  const ingest = (await (await fetch(`${base}/api/v1/encounters:ingest`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-ndjson' }, body })).json()) as { accepted: number; rejected: number };
  const ingestMs = performance.now() - t;

  // Baseline: COPY the very same stored rows into an empty table of the same shape and indexes.
  await db.query('create table bench_encounter (like encounter including defaults including indexes)');
  const src = new pg.Client({ connectionString: dbUrl });
  const dst = new pg.Client({ connectionString: dbUrl });
  await Promise.all([src.connect(), dst.connect()]);
  const { from: copyFrom, to: copyTo } = await import('pg-copy-streams');
  const { pipeline } = await import('node:stream/promises');
  t = performance.now();
  await pipeline(src.query(copyTo(`COPY (select * from encounter where source like 'FEED-%') TO STDOUT`)), dst.query(copyFrom('COPY bench_encounter FROM STDIN')));
  const copyMs = performance.now() - t;
  await Promise.all([src.end(), dst.end()]);

  // Dashboard API vs a plain GROUP BY over raw encounters for the same figures.
  const year = asOf.slice(0, 4);
  const month = `${asOf.slice(0, 7)}`;
  const api: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const period = i % 2 ? year : month;
    t = performance.now();
    await (await fetch(`${base}/api/v1/indicators?communityId=${communityId}&period=${period}`, { headers: auth })).json();
    api.push(performance.now() - t);
    t = performance.now();
    await db.query(
      `select organization_id, count(*) filter (where type = 'inpatient') as ip, sum(total_cost) filter (where type = 'inpatient') as ip_cost,
              count(*) filter (where type <> 'inpatient') as op, sum(fund_paid) as fund, count(*) filter (where out_of_county and community_resident) as out
         from encounter where community_id = $1 and period_month >= $2::date and period_month < ($2::date + $3::interval) group by organization_id`,
      [communityId, i % 2 ? `${year}-01-01` : `${month}-01`, i % 2 ? '1 year' : '1 month'],
    );
    bare.push(performance.now() - t);
  }

  // Freshness: a new batch, then the dashboard until its numbers move.
  const before = JSON.stringify(await (await fetch(`${base}/api/v1/indicators?communityId=${communityId}&period=${month}`, { headers: auth })).json());
  const extra = feed.slice(0, 1000).map((l) => l.replace('"FEED-', '"FRESH-'));
  await fetch(`${base}/api/v1/encounters:ingest`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-ndjson' }, body: extra.join('\n') });
  t = performance.now();
  let fresh = -1;
  while (performance.now() - t < 10_000) {
    if (JSON.stringify(await (await fetch(`${base}/api/v1/indicators?communityId=${communityId}&period=${month}`, { headers: auth })).json()) !== before) {
      fresh = performance.now() - t;
      break;
    }
  }
  await app.close();
  const stored = Number((await db.query<{ n: number }>('select count(*)::int as n from encounter')).rows[0]!.n);
  const p = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms`;
  console.log(`\n| measure (${synth.residentCount} residents, ${stored} encounters stored) | value |\n|---|---|`);
  console.log(`| a year of synthetic encounters loaded (COPY + aggregates) | ${seeded} rows in ${(seedMs / 1000).toFixed(1)} s |`);
  console.log(`| ingest over HTTP (NDJSON, validated, idempotent, aggregates) | ${ingest.accepted} accepted, ${ingest.rejected} rejected in ${(ingestMs / 1000).toFixed(1)} s (${Math.round(ingest.accepted / (ingestMs / 1000))} rows/s) |`);
  console.log(`| baseline: plain COPY of the same stored rows | ${(copyMs / 1000).toFixed(2)} s (${Math.round(ingest.accepted / (copyMs / 1000))} rows/s) |`);
  console.log(`| ratio ingest time / COPY time | ${(ingestMs / copyMs).toFixed(1)} |`);
  console.log(`| GET /indicators (month and year alternately) | ${p(api)} |`);
  console.log(`| baseline: plain GROUP BY over the raw encounters | ${p(bare)} |`);
  console.log(`| ratio API p95 / GROUP BY p95 | ${(pct(api, 0.95) / pct(bare, 0.95)).toFixed(3)} |`);
  console.log(`| freshness: ingest response → dashboard shows the new numbers | ${fresh >= 0 ? `${fresh.toFixed(0)} ms` : 'not within 10 s'} |`);
} finally {
  await db.close();
  await bench.drop();
}
