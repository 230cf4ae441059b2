/**
 * Chronic-disease and signing rates at county scale on PostgreSQL (issue #4, migrations/0014):
 * the endpoints (answered from the rate summaries) against the pure domain functions on the same
 * rows (they must agree); in the same process, the raw SQL the summaries replaced (before/after
 * ratio), bare `count(*)` baselines, the dashboard's `GET /indicators`, and what the summary
 * triggers cost a single write (with the triggers disabled as the baseline, at the very end).
 *
 *   DATABASE_URL=postgres://… npm run bench:rates -- [--size county] [--runs 20] [--raw-runs 5]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { computeChronicRates, combineRates, signingRates, type EnrollmentFact, type FollowUpFact } from '@yigong/domain';
import { generateCommunity } from '@yigong/synth';
import { createContext, loadConfig } from '@yigong/server';
import { buildApp } from '../../server/src/app/build-app.ts';
import { openPostgres } from '../../server/src/platform/db/postgres-database.ts';
import { loadSyntheticCommunity } from '../../server/src/seed/load-synthetic.ts';
import { seedCare } from '../../server/src/seed/seed-care.ts';
import { hashPassword } from '../../server/src/platform/auth/password.ts';
import { chronicRatesRawRows, chronicRatesSummaryRows, SUMMARY_MIN_AGE } from '../../server/src/modules/chronic/index.ts';
import { signingRatesRawSql, signingRatesSql } from '../../server/src/modules/family-doctor/index.ts';
import { benchDatabase } from './bench-database.ts';
import { percentile as pct, timed as time } from './load.ts';
import { bulkInsertAccount } from '../../server/src/modules/auth/index.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, runs: { type: 'string', default: '20' }, 'raw-runs': { type: 'string', default: '5' } } });
const bench = await benchDatabase('yg_bench_rates');
const db = openPostgres(bench.url, 6);
try {
  const ctx = await createContext(loadConfig({ YIGONG_KEYS: `${Buffer.alloc(32, 5).toString('base64')}:${Buffer.alloc(32, 6).toString('base64')}`, YIGONG_LOG_LEVEL: 'silent', YIGONG_MODE: 'production', YIGONG_RATE_LIMIT_PER_MINUTE: '0' }), { db });
  const asOf = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const year = Number(asOf.slice(0, 4)) - 1;
  const yearEnd = `${year}-12-31`;
  const size = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as 'county');
  const synth = generateCommunity({ regionCode: '330521', size, seed: 7, asOf });
  const communityId = synth.community.id;
  const [, loadMs] = await time(() => loadSyntheticCommunity(db, ctx.cipher, synth));
  const [care, seedMs] = await time(() => seedCare(db, communityId, asOf, 7));

  await bulkInsertAccount(db, { id: randomUUID(), username: 'bench.manager', passwordHash: await hashPassword('Bench@2026!'), displayName: 'bench', role: 'manager', scopeKind: 'community', communityId, organizationId: null, regionCode: null });
  const app = await buildApp(ctx);
  const token = JSON.parse((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench.manager', password: 'Bench@2026!' } })).body).token as string;
  const get = async (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const runs = Number(values.runs);
  const rawRuns = Number(values['raw-runs']);
  const m = { endpoint: [] as number[], byUnit: [] as number[], chronicSql: [] as number[], signing: [] as number[], signingSql: [] as number[], indicatorsYear: [] as number[], indicatorsMonth: [] as number[], bareFollowUps: [] as number[], bareResidents: [] as number[] };
  const q = { communityId, organizationIds: null, year, asOf: yearEnd, minAge: SUMMARY_MIN_AGE };
  let sqlRates: { hypertension: unknown; diabetes: unknown; combined: unknown } | null = null;
  let apiSigning: Record<string, unknown> | null = null;
  for (let i = 0; i < runs; i++) {
    const [res, ms] = await time(() => get(`/api/v1/chronic/rates?communityId=${communityId}&year=${year}&asOf=${yearEnd}`));
    m.endpoint.push(ms);
    sqlRates = JSON.parse(res.body);
    m.byUnit.push((await time(() => get(`/api/v1/chronic/rates/by-unit?communityId=${communityId}&year=${year}&asOf=${yearEnd}`)))[1]);
    m.chronicSql.push((await time(() => chronicRatesSummaryRows(db, q, false)))[1]);
    const [sres, sms] = await time(() => get(`/api/v1/family-doctor/rates?communityId=${communityId}&asOf=${asOf}`));
    m.signing.push(sms);
    apiSigning = JSON.parse(sres.body);
    m.signingSql.push((await time(() => signingRatesSql(db, communityId, asOf)))[1]);
    m.indicatorsYear.push((await time(() => get(`/api/v1/indicators?communityId=${communityId}&period=${year}`)))[1]);
    m.indicatorsMonth.push((await time(() => get(`/api/v1/indicators?communityId=${communityId}&period=${asOf.slice(0, 7)}`)))[1]);
    m.bareFollowUps.push((await time(() => db.query('select count(*) from chronic_follow_up where community_id = $1', [communityId])))[1]);
    m.bareResidents.push((await time(() => db.query('select count(*) from resident where community_id = $1', [communityId])))[1]);
  }
  // The queries the summaries replaced, in the same process: the before/after ratio under the same load.
  const raw = { chronic: [] as number[], signing: [] as number[] };
  let rawSame = true;
  for (let i = 0; i < rawRuns; i++) {
    const [rows, cms] = await time(() => chronicRatesRawRows(db, q, false));
    raw.chronic.push(cms);
    const [s, sms] = await time(() => signingRatesRawSql(db, communityId, asOf));
    raw.signing.push(sms);
    const fast = await chronicRatesSummaryRows(db, q, false);
    rawSame &&= isDeepStrictEqual([...rows].sort((a, b) => a.disease.localeCompare(b.disease)), [...fast].sort((a, b) => a.disease.localeCompare(b.disease)));
    rawSame &&= isDeepStrictEqual(s, await signingRatesSql(db, communityId, asOf));
  }

  // The pure functions on the same rows.
  const [facts, fetchMs] = await time(async () => ({
    es: (await db.query<EnrollmentFact>(`select e.id, e.disease, r.birth_date::text as "birthDate", e.enrolled_on::text as "enrolledOn", e.ended_on::text as "endedOn"
            from chronic_enrollment e join resident r on r.community_id = e.community_id and r.id = e.resident_id where e.community_id = $1`, [communityId])).rows,
    fs: (await db.query<FollowUpFact>(`select enrollment_id as "enrollmentId", date::text as date, way, controlled from chronic_follow_up where community_id = $1 order by date, created_at, id`, [communityId])).rows,
  }));
  const [pure, pureMs] = await time(async () => {
    const h = computeChronicRates(facts.es, facts.fs, year, yearEnd, 'hypertension');
    const d = computeChronicRates(facts.es, facts.fs, year, yearEnd, 'diabetes');
    return { hypertension: h, diabetes: d, combined: combineRates(h, d) };
  });
  const same = isDeepStrictEqual({ hypertension: sqlRates!.hypertension, diabetes: sqlRates!.diabetes, combined: sqlRates!.combined }, pure);
  const residents = (await db.query<{ id: string; birthDate: string; problemCodes: string[]; flags: Record<string, unknown> }>(
    `select r.id, r.birth_date::text as "birthDate", r.flags, coalesce(p.codes, '{}') as "problemCodes"
       from resident r left join (select resident_id, array_agg(icd10_code) as codes from resident_problem where community_id = $1 and resolved_date is null group by 1) p on p.resident_id = r.id
      where r.community_id = $1 and r.status = 'active' and r.birth_date <= $2`, [communityId, asOf])).rows;
  const contracts = (await db.query<{ residentId: string; startsOn: string; endsOn: string; terminatedOn: string | null }>(
    `select resident_id as "residentId", starts_on::text as "startsOn", ends_on::text as "endsOn", terminated_on::text as "terminatedOn" from fd_contract where community_id = $1`, [communityId])).rows;
  const pureSigning = signingRates(residents, contracts, asOf);
  const a = apiSigning as typeof pureSigning;
  const signingSame = isDeepStrictEqual({ residents: a.residents, signed: a.signed, signingRate: a.signingRate, keyPopulation: a.keyPopulation, keySigned: a.keySigned, keySigningRate: a.keySigningRate }, pureSigning);
  await app.close();

  // What the triggers cost one write: a follow-up insert and a contract termination, then the same with the triggers off.
  const writes = async () => {
    const picks = (await db.query<{ id: string; resident_id: string }>('select id, resident_id from chronic_enrollment where community_id = $1 and ended_on is null order by id limit 30', [communityId])).rows;
    const cs = (await db.query<{ id: string }>(`select id from fd_contract where community_id = $1 and status = 'active' order by id desc limit 30`, [communityId])).rows;
    const f: number[] = [];
    const c: number[] = [];
    for (const [i, e] of picks.entries()) {
      f.push((await time(() => db.query(`insert into chronic_follow_up (community_id, id, enrollment_id, resident_id, date, way, adverse_reaction, complication, classification, controlled, next_step, next_due_date, rule_set)
                                         values ($1, $2, $3, $4, $5, 'clinic', false, false, 'satisfactory', true, 'routine', $5::date + 90, 'nphss-3')`, [communityId, randomUUID(), e.id, e.resident_id, asOf])))[1]);
      c.push((await time(() => db.query(`update fd_contract set status = 'terminated', terminated_on = $3, termination_reason = 'resident_request' where community_id = $1 and id = $2`, [communityId, cs[i]!.id, asOf])))[1]);
    }
    return { f, c };
  };
  const withTriggers = await writes();
  await db.exec('alter table chronic_follow_up disable trigger user; alter table fd_contract disable trigger user');
  const without = await writes();

  const p = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms`;
  const r = (a: number[], b: number[]) => (pct(a, 0.5) / pct(b, 0.5)).toFixed(2);
  console.log(`\n| measure (${synth.residentCount} residents, ${care.enrollments} enrolments, ${care.followUps} follow-ups, ${care.contracts} contracts; chronic ${year} as of ${yearEnd}, signing as of ${asOf}; ${runs} runs, raw ${rawRuns}) | value |\n|---|---|`);
  console.log(`| synthetic county loaded (residents, problems; signing summary by trigger) | ${(loadMs / 1000).toFixed(1)} s |`);
  console.log(`| demo care data generated and loaded (both summaries by trigger) | ${(seedMs / 1000).toFixed(1)} s |`);
  console.log(`| GET /chronic/rates (community, summary) | ${p(m.endpoint)} |`);
  console.log(`| GET /chronic/rates/by-unit (summary) | ${p(m.byUnit)} |`);
  console.log(`| chronic SQL: summary | ${p(m.chronicSql)} |`);
  console.log(`| chronic SQL: raw aggregate (before 0014), same process | ${p(raw.chronic)} |`);
  console.log(`| **ratio chronic raw / summary (SQL p50)** | **${r(raw.chronic, m.chronicSql)}** |`);
  console.log(`| GET /family-doctor/rates (summary) | ${p(m.signing)} |`);
  console.log(`| signing SQL: summary | ${p(m.signingSql)} |`);
  console.log(`| signing SQL: raw scan of residents (before 0014), same process | ${p(raw.signing)} |`);
  console.log(`| **ratio signing raw / summary (SQL p50)** | **${r(raw.signing, m.signingSql)}** |`);
  console.log(`| GET /indicators (year ${year}; month ${asOf.slice(0, 7)}) — no encounters loaded here | ${p(m.indicatorsYear)}; ${p(m.indicatorsMonth)} |`);
  console.log(`| baseline: bare count(*) over the community's follow-ups; residents | ${p(m.bareFollowUps)}; ${p(m.bareResidents)} |`);
  console.log(`| ratio GET /chronic/rates / follow-up count(*); GET /family-doctor/rates / resident count(*) (p50) | ${r(m.endpoint, m.bareFollowUps)}; ${r(m.signing, m.bareResidents)} |`);
  console.log(`| one follow-up insert: with summary triggers; without | ${p(withTriggers.f)}; ${p(without.f)} (ratio ${r(withTriggers.f, without.f)}) |`);
  console.log(`| one contract termination: with summary triggers; without | ${p(withTriggers.c)}; ${p(without.c)} (ratio ${r(withTriggers.c, without.c)}) |`);
  console.log(`| pure function: fetch rows + compute | ${fetchMs.toFixed(0)} ms + ${pureMs.toFixed(0)} ms |`);
  console.log(`| chronic rates equal the pure function | ${same ? 'yes' : 'NO'} (standard ${JSON.stringify((pure.combined.standardRate ?? 0).toFixed(4))}, control ${JSON.stringify((pure.combined.controlRate ?? 0).toFixed(4))}) |`);
  console.log(`| signing rates equal the pure function | ${signingSame ? 'yes' : 'NO'} (signing ${(pureSigning.signingRate ?? 0).toFixed(4)}, key population ${(pureSigning.keySigningRate ?? 0).toFixed(4)}) |`);
  console.log(`| summaries equal the raw SQL | ${rawSame ? 'yes' : 'NO'} |`);
  if (!same || !signingSame || !rawSame) {
    console.log(JSON.stringify({ sql: sqlRates, pure, apiSigning, pureSigning }, null, 1));
    process.exitCode = 1;
  }
} finally {
  await db.close();
  await bench.drop();
}
