/**
 * Insurance at county scale on PostgreSQL (issue #12): a county-year of encounters (every month
 * of last year), then the budget page's requests (policy, budget, appraisal, settlements list),
 * a settlement, the DIP point value and the DRG base rate of the year (≈ 100k in-county inpatient
 * cases), each
 * against a plain SQL `sum()` of fund paid over the same year's encounters, in the same process.
 *
 *   DATABASE_URL=postgres://… npm run bench:insurance -- [--size county] [--runs 10]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { generateCommunity } from '@yigong/synth';
import { buildApp } from '../../server/src/app/build-app.ts';
import { openPostgres } from '../../server/src/platform/db/postgres-database.ts';
import { loadSyntheticCommunity } from '../../server/src/seed/load-synthetic.ts';
import { seedEncounters } from '../../server/src/seed/seed-encounters.ts';
import { hashPassword } from '../../server/src/platform/auth/password.ts';
import { bulkInsertAccount } from '../../server/src/modules/auth/index.ts';
import { benchContext } from './bench-app.ts';
import { benchDatabase } from './bench-database.ts';
import { percentile, timed } from './load.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, runs: { type: 'string', default: '10' } } });
const bench = await benchDatabase('yg_bench_insurance');
const db = openPostgres(bench.url, 6);
const log = (m: string) => console.error(`  ${m}`);
try {
  const ctx = await benchContext(db);
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
  const asOf = `${year}-12-31`;
  const size = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as 'county');
  const synth = generateCommunity({ regionCode: '330521', size, seed: 7, asOf });
  const communityId = synth.community.id;
  await loadSyntheticCommunity(db, ctx.cipher, synth);
  // The twelve months of `year` (the generator stops the day before asOf, 31 December).
  const seeded = await seedEncounters(ctx, communityId, asOf, 7, 12);
  await db.query('analyze');
  log(`${synth.residentCount} residents, ${seeded} encounters in ${year}`);

  for (const [username, role] of [['bench.insurer', 'insurance_officer'], ['bench.manager', 'manager']] as const) {
    await bulkInsertAccount(db, { id: randomUUID(), username, passwordHash: await hashPassword('Bench@2026!'), displayName: username, role, scopeKind: 'community', communityId, organizationId: null, regionCode: null });
  }
  const app = await buildApp(ctx);
  const login = async (username: string) => JSON.parse((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Bench@2026!' } })).body).token as string;
  const insurer = await login('bench.insurer');
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
    const r = await app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${insurer}` }, ...(body ? { payload: body as object } : {}) });
    if (r.statusCode >= 300) throw new Error(`${method} ${url} → ${r.statusCode} ${r.body}`);
    return JSON.parse(r.body);
  };
  const outlay = Number((await db.query<{ v: string }>(`select sum(fund_paid) as v from encounter where community_id = $1 and community_resident`, [communityId])).rows[0]!.v);
  // Financing that leaves a 4 % surplus under the default shares (as the demo seed does).
  const financing = Math.round((outlay * 1.04) / (0.95 * (1 - 0.1 * (1 - 1 / 1.05) - 0.07)) / 1_000_000) * 1_000_000;
  await call('PUT', `/insurance/policies/${communityId}/${year}`, { financing, financingPrevYear: Math.round(financing / 1.05), catastrophicPremium: Math.round(financing * 0.06), accidentPremium: Math.round(financing * 0.01), reason: 'bench' });

  const runs = Number(values.runs);
  const series: Record<string, number[]> = {};
  const measure = async (name: string, fn: () => Promise<unknown>) => {
    const [, ms] = await timed(fn);
    (series[name] ??= []).push(ms);
  };
  let dipCases = 0;
  for (let i = 0; i < runs; i++) {
    await measure('baseline: select sum(fund_paid) over the year', () => db.query(`select sum(fund_paid) from encounter where community_id = $1 and community_resident and period_month >= make_date($2, 1, 1) and period_month < make_date($2 + 1, 1, 1)`, [communityId, year]));
    await measure('GET /insurance/policies/{c}/{year}', () => call('GET', `/insurance/policies/${communityId}/${year}`));
    await measure('GET /insurance/budget', () => call('GET', `/insurance/budget?communityId=${communityId}&year=${year}`));
    await measure('GET /insurance/settlements', () => call('GET', `/insurance/settlements?communityId=${communityId}&year=${year}`));
    await measure('GET /insurance/appraisal', () => call('GET', `/insurance/appraisal?communityId=${communityId}&year=${year}`));
    await measure('POST /insurance/settlements (appraisal scores)', () => call('POST', '/insurance/settlements', { communityId, year }));
    await measure('POST /insurance/dip/point-value (the year)', async () => {
      dipCases = (await call('POST', '/insurance/dip/point-value', { communityId, referenceYear: year, period: String(year), budget: Math.round(outlay * 0.6), adjustmentReserve: Math.round(outlay * 0.01) })).cases;
    });
    await measure('POST /insurance/drg/base-rate (the year)', () => call('POST', '/insurance/drg/base-rate', { communityId, referenceYear: year, period: String(year), budget: Math.round(outlay * 0.6) }));
  }
  await app.close();
  const base = percentile(series['baseline: select sum(fund_paid) over the year']!, 0.5);
  const rows = Object.entries(series).map(([name, xs]) => `| ${name} | ${percentile(xs, 0.5).toFixed(1)} | ${percentile(xs, 0.95).toFixed(1)} | ${(percentile(xs, 0.5) / base).toFixed(1)}× |`);
  console.log(`\n${synth.residentCount.toLocaleString('en')} residents, ${seeded.toLocaleString('en')} encounters in ${year}, ${dipCases.toLocaleString('en')} DIP cases; ${runs} runs each\n\n| request | p50 ms | p95 ms | p50 / baseline |\n|---|---|---|---|\n${rows.join('\n')}`);
} finally {
  await db.close();
  await bench.drop();
}
