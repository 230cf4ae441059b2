/**
 * Referral submit + accept at county scale on PostgreSQL, against a bare Fastify route doing the
 * same writes (submit: 3 INSERTs in a transaction; accept: 1 UPDATE + 2 INSERTs in a transaction)
 * on the same server, database and load generator, in the same process (issue #11: an honest
 * baseline). Statements per operation are counted for both.
 *
 *   DATABASE_URL=postgres://… npm run bench:referral -- [--ops 2000] [--concurrency 16] [--size county]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { generateCommunity } from '@yigong/synth';
import { createContext, loadConfig } from '@yigong/server';
import { buildApp } from '../../server/src/app/build-app.ts';
import { openPostgres } from '../../server/src/platform/db/postgres-database.ts';
import { countingDatabase } from '../../server/src/platform/db/counting-database.ts';
import { loadSyntheticCommunity } from '../../server/src/seed/load-synthetic.ts';
import { seedScheduling } from '../../server/src/seed/seed-scheduling.ts';
import { hashPassword } from '../../server/src/platform/auth/password.ts';
import { bulkInsertAccount } from '../../server/src/modules/auth/index.ts';
import { benchDatabase } from './bench-database.ts';
import { postJson, runLoad, type LoadResult } from './load.ts';

const { values } = parseArgs({ options: { ops: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '16' }, size: { type: 'string', default: 'county' } } });
const bench = await benchDatabase('yg_bench_ref');
const dbUrl = bench.url;
const counted = countingDatabase(openPostgres(dbUrl, 10));
const db = counted.db;
const KEYS = `${Buffer.alloc(32, 5).toString('base64')}:${Buffer.alloc(32, 6).toString('base64')}`;
try {
  const ctx = await createContext(loadConfig({ YIGONG_KEYS: KEYS, YIGONG_LOG_LEVEL: 'silent', YIGONG_MODE: 'production', YIGONG_RATE_LIMIT_PER_MINUTE: '0' }), { db });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const size = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as 'county');
  const synth = generateCommunity({ regionCode: '330521', size, seed: 7, asOf: today });
  const loaded = await loadSyntheticCommunity(db, ctx.cipher, synth);
  await seedScheduling(db, synth.community.id, today);
  const pick = async (q: string, p: unknown[]) => (await db.query<{ id: string }>(q, p)).rows[0]!.id;
  const lead = await pick(`select id from organization where community_id = $1 and kind = 'lead_hospital'`, [synth.community.id]);
  const village = await pick(`select organization_id as id from resident where community_id = $1 group by 1 order by count(*) desc limit 1`, [synth.community.id]);
  const residents = (await db.query<{ id: string }>(`select id from resident where community_id = $1 and organization_id = $2 limit 500`, [synth.community.id, village])).rows.map((r) => r.id);
  const passwordHash = await hashPassword('Bench@2026!');
  for (const [username, role, org] of [['bench.vdoc', 'village_doctor', village], ['bench.lead', 'clinician', lead]] as const) {
    await bulkInsertAccount(db, { id: randomUUID(), username, passwordHash, displayName: username, role, scopeKind: 'organization', communityId: synth.community.id, organizationId: org, regionCode: null });
  }
  const app = await buildApp(ctx);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const token = async (u: string) => (await postJson<{ token: string }>(`${base}/api/v1/auth/login`, { username: u, password: 'Bench@2026!' })).json.token;
  const [vdoc, doc] = [await token('bench.vdoc'), await token('bench.lead')];

  const ops = Number(values.ops);
  const concurrency = Number(values.concurrency);
  counted.reset();
  const ours: LoadResult = await runLoad(ops, concurrency, async (i) => {
    const r = await postJson<{ id: string }>(`${base}/api/v1/referrals`, { residentId: residents[i % residents.length], direction: 'up', toOrganizationId: lead, toDepartment: 'cardiology', priority: 'routine', reason: '血压控制不满意', diagnoses: [{ code: 'I10', primary: true }] }, vdoc);
    if (r.status !== 201) throw new Error(`submit ${r.status}`);
    const a = await postJson(`${base}/api/v1/referrals/${r.json.id}/accept`, {}, doc);
    if (a.status !== 200) throw new Error(`accept ${a.status}`);
  });

  const oursStatements = counted.statements() / ops;

  // Baseline: bare Fastify routes doing the writes ours does, no checks: submit = referral row,
  // history row, audit row in one transaction; accept = status UPDATE, history row, audit row.
  await db.exec(`create table bench_bare (id uuid primary key, payload jsonb not null, status text not null, at timestamptz not null default now());
                 create table bench_bare_event (id bigint generated always as identity primary key, ref uuid not null, action text not null, at timestamptz not null default now());
                 create table bench_bare_audit (id bigint generated always as identity primary key, action text not null, ref uuid not null, at timestamptz not null default now())`);
  const bare = Fastify();
  bare.post('/bare', async (req) => {
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.query(`insert into bench_bare (id, payload, status) values ($1, $2, 'submitted')`, [id, JSON.stringify(req.body)]);
      await tx.query(`insert into bench_bare_event (ref, action) values ($1, 'submit')`, [id]);
      await tx.query(`insert into bench_bare_audit (ref, action) values ($1, 'referral.submit')`, [id]);
    });
    return { id };
  });
  bare.post<{ Params: { id: string } }>('/bare/:id/accept', async (req) => {
    await db.transaction(async (tx) => {
      await tx.query(`update bench_bare set status = 'accepted' where id = $1`, [req.params.id]);
      await tx.query(`insert into bench_bare_event (ref, action) values ($1, 'accept')`, [req.params.id]);
      await tx.query(`insert into bench_bare_audit (ref, action) values ($1, 'referral.accept')`, [req.params.id]);
    });
    return { ok: true };
  });
  const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
  counted.reset();
  const baseline = await runLoad(ops, concurrency, async (i) => {
    const r = await postJson<{ id: string }>(`${bareBase}/bare`, { i, reason: '血压控制不满意' });
    await postJson(`${bareBase}/bare/${r.json.id}/accept`, {});
  });
  const bareStatements = counted.statements() / ops;
  await Promise.all([app.close(), bare.close()]);

  const fmt = (r: LoadResult) => `${r.perSecond.toFixed(0)} ops/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}`;
  console.log(`\n| measure (${loaded.residents} residents, ${ops} operations, concurrency ${concurrency}) | value |\n|---|---|`);
  console.log(`| referral submit + accept (2 API calls, audited, scoped, history) | ${fmt(ours)}, ${oursStatements.toFixed(1)} statements |`);
  console.log(`| baseline: bare Fastify routes, the same writes (3 + 3 in two transactions), 2 calls per operation | ${fmt(baseline)}, ${bareStatements.toFixed(1)} statements |`);
  console.log(`| ratio throughput ours / baseline | ${(ours.perSecond / baseline.perSecond).toFixed(2)} |`);
  console.log(`| ratio p99 ours / baseline | ${(ours.p99 / baseline.p99).toFixed(2)} |`);
} finally {
  await db.close();
  await bench.drop();
}
