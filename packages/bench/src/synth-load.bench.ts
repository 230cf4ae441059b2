/**
 * Synthetic county load on PostgreSQL, against a baseline run in the same process: a plain COPY
 * of the very same rows (already encrypted and keyed) between two tables of the same shape.
 *
 *   DATABASE_URL=postgres://… npm run bench -- --size county --seed 7
 */
import { parseArgs } from 'node:util';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { generateCommunity } from '@yigong/synth';
import { openPostgres, migrate } from '@yigong/server';
import { createIdNumberCipher } from '../../server/src/platform/crypto/id-number-cipher.ts';
import { loadReferenceData } from '../../server/src/platform/reference/load-reference.ts';
import { benchDatabase } from './bench-database.ts';
import { loadSyntheticCommunity } from '../../server/src/seed/load-synthetic.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, seed: { type: 'string', default: '7' }, region: { type: 'string', default: '330521' } } });
const bench = await benchDatabase('yg_bench');
const dbUrl = bench.url;
const db = openPostgres(dbUrl, 4);
const size = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as 'county' | 'demo' | 'tiny');
try {
  await migrate(db);
  await loadReferenceData(db);
  const cipher = createIdNumberCipher(Buffer.alloc(32, 1), Buffer.alloc(32, 2));
  const opts = { regionCode: values.region, size, seed: Number(values.seed), asOf: '2026-11-01' } as const;

  // 1. Generation alone (no database): the generator's share of the load.
  let t = performance.now();
  let people = 0;
  for (const h of generateCommunity(opts).households()) people += h.members.length;
  const genMs = performance.now() - t;

  // 2. Our loader: generate, encrypt, key, pinyin, COPY households, residents, problems.
  t = performance.now();
  const loaded = await loadSyntheticCommunity(db, cipher, generateCommunity(opts));
  const loadMs = performance.now() - t;

  // 3. Baseline: COPY the same rows, byte for byte, into empty tables of the same shape and indexes.
  const tables = ['household', 'resident', 'resident_problem'];
  for (const table of tables) await db.query(`create table bench_${table} (like ${table} including defaults including indexes)`);
  const src = new pg.Client({ connectionString: dbUrl });
  const dst = new pg.Client({ connectionString: dbUrl });
  await Promise.all([src.connect(), dst.connect()]);
  t = performance.now();
  for (const table of tables) {
    await pipeline(src.query(copyTo(`COPY ${table} TO STDOUT`)), dst.query(copyFrom(`COPY bench_${table} FROM STDIN`)));
  }
  const copyMs = performance.now() - t;
  await Promise.all([src.end(), dst.end()]);
  const counts = (await db.query<{ t: string; n: number }>(
    `select 'household' t, count(*)::int n from household union all select 'resident', count(*)::int from resident union all select 'resident_problem', count(*)::int from resident_problem`)).rows;

  const row = (k: string, v: string) => console.log(`| ${k} | ${v} |`);
  console.log(`\n| measure (size ${values.size}, seed ${values.seed}, region ${values.region}) | value |\n|---|---|`);
  row('residents generated', String(people));
  row('rows loaded', counts.map((c) => `${c.t} ${c.n}`).join(', '));
  row('generation only', `${(genMs / 1000).toFixed(1)} s (${Math.round(people / (genMs / 1000))} residents/s)`);
  row('our load (generate + encrypt + COPY)', `${(loadMs / 1000).toFixed(1)} s (${Math.round(loaded.residents / (loadMs / 1000))} residents/s)`);
  row('baseline: plain COPY of the same rows', `${(copyMs / 1000).toFixed(1)} s`);
  row('ratio our load / baseline COPY', (loadMs / copyMs).toFixed(2));
} finally {
  await db.close();
  await bench.drop();
}
