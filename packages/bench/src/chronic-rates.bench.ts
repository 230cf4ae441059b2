/**
 * Chronic-disease rates at county scale on PostgreSQL (issue #4): the SQL aggregate behind
 * `GET /chronic/rates` against the pure domain function on the same rows (they must agree), and
 * the endpoint against a bare `count(*)` over the follow-ups as the in-process baseline.
 *
 *   DATABASE_URL=postgres://… npm run bench:rates -- [--size county] [--runs 20]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { computeChronicRates, combineRates, type EnrollmentFact, type FollowUpFact } from '@yigong/domain';
import { generateCommunity } from '@yigong/synth';
import { createContext, loadConfig } from '@yigong/server';
import { buildApp } from '../../server/src/platform/http/app.ts';
import { openPostgres } from '../../server/src/platform/db/postgres-database.ts';
import { loadSyntheticCommunity } from '../../server/src/platform/seed/load-synthetic.ts';
import { seedCare } from '../../server/src/platform/seed/seed-care.ts';
import { hashPassword } from '../../server/src/platform/auth/password.ts';
import { benchDatabase } from './bench-database.ts';
import { percentile as pct, timed as time } from './load.ts';
import { insertAccount } from '../../server/src/modules/auth/auth.repository.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, runs: { type: 'string', default: '20' } } });
const bench = await benchDatabase('yg_bench_rates');
const dbUrl = bench.url;
const db = openPostgres(dbUrl, 6);
try {
  const ctx = await createContext(loadConfig({ YIGONG_KEYS: `${Buffer.alloc(32, 5).toString('base64')}:${Buffer.alloc(32, 6).toString('base64')}`, YIGONG_LOG_LEVEL: 'silent', YIGONG_MODE: 'production' }), { db });
  const asOf = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(asOf.slice(0, 4)) - 1;
  const yearEnd = `${year}-12-31`;
  const size = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as 'county');
  const synth = generateCommunity({ regionCode: '330521', size, seed: 7, asOf });
  const communityId = synth.community.id;
  await loadSyntheticCommunity(db, ctx.cipher, synth);
  const [care, seedMs] = await time(() => seedCare(db, communityId, asOf, 7));

  // SQL aggregate through the endpoint, and a bare count(*) over the follow-ups as the baseline.
  await insertAccount(db, { id: randomUUID(), username: 'bench.manager', passwordHash: await hashPassword('Bench@2026!'), displayName: 'bench', role: 'manager', scopeKind: 'community', communityId, organizationId: null, regionCode: null });
  const app = await buildApp(ctx);
  const token = JSON.parse((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench.manager', password: 'Bench@2026!' } })).body).token as string;
  const runs = Number(values.runs);
  const endpoint: number[] = [];
  const byUnit: number[] = [];
  const bare: number[] = [];
  let sqlRates: { hypertension: unknown; diabetes: unknown; combined: unknown } | null = null;
  for (let i = 0; i < runs; i++) {
    const [res, ms] = await time(() => app.inject({ method: 'GET', url: `/api/v1/chronic/rates?communityId=${communityId}&year=${year}&asOf=${yearEnd}`, headers: { authorization: `Bearer ${token}` } }));
    endpoint.push(ms);
    sqlRates = JSON.parse(res.body);
    byUnit.push((await time(() => app.inject({ method: 'GET', url: `/api/v1/chronic/rates/by-unit?communityId=${communityId}&year=${year}&asOf=${yearEnd}`, headers: { authorization: `Bearer ${token}` } })))[1]);
    bare.push((await time(() => db.query('select count(*) from chronic_follow_up where community_id = $1', [communityId])))[1]);
  }
  // The pure function on the same rows.
  const [facts, fetchMs] = await time(async () => ({
    es: (await db.query<EnrollmentFact>(`select e.id, e.disease, r.birth_date::text as "birthDate", e.enrolled_on::text as "enrolledOn", e.ended_on::text as "endedOn"
            from chronic_enrollment e join resident r on r.community_id = e.community_id and r.id = e.resident_id where e.community_id = $1`, [communityId])).rows,
    fs: (await db.query<FollowUpFact>(`select enrollment_id as "enrollmentId", date::text as date, way, controlled from chronic_follow_up where community_id = $1 order by date, created_at`, [communityId])).rows,
  }));
  const [pure, pureMs] = await time(async () => {
    const h = computeChronicRates(facts.es, facts.fs, year, yearEnd, 'hypertension');
    const d = computeChronicRates(facts.es, facts.fs, year, yearEnd, 'diabetes');
    return { hypertension: h, diabetes: d, combined: combineRates(h, d) };
  });
  const same = isDeepStrictEqual({ hypertension: sqlRates!.hypertension, diabetes: sqlRates!.diabetes, combined: sqlRates!.combined }, pure);
  await app.close();
  const p = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms`;
  console.log(`\n| measure (${synth.residentCount} residents, ${care.enrollments} enrolments, ${care.followUps} follow-ups, year ${year}, ${runs} runs) | value |\n|---|---|`);
  console.log(`| demo care data generated and loaded | ${(seedMs / 1000).toFixed(1)} s (${care.contracts} contracts) |`);
  console.log(`| GET /chronic/rates (community, SQL) | ${p(endpoint)} |`);
  console.log(`| GET /chronic/rates/by-unit | ${p(byUnit)} |`);
  console.log(`| baseline: bare count(*) over the community's follow-ups | ${p(bare)} |`);
  console.log(`| ratio endpoint p50 / baseline p50 | ${(pct(endpoint, 0.5) / pct(bare, 0.5)).toFixed(2)} |`);
  console.log(`| pure function: fetch rows + compute | ${fetchMs.toFixed(0)} ms + ${pureMs.toFixed(0)} ms |`);
  console.log(`| SQL rates equal the pure function | ${same ? 'yes' : 'NO'} (standard ${JSON.stringify((pure.combined.standardRate ?? 0).toFixed(4))}, control ${JSON.stringify((pure.combined.controlRate ?? 0).toFixed(4))}) |`);
  if (!same) {
    console.log(JSON.stringify({ sql: sqlRates, pure }, null, 1));
    process.exitCode = 1;
  }
} finally {
  await db.close();
  await bench.drop();
}
