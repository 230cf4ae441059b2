/**
 * Encounter ingest against honest baselines (issue #11 item 6), all on the same populated
 * `encounter` table of a county with a year of encounters, in one process, rounds alternating:
 *  - ours: one NDJSON batch over HTTP (parse, validate, MPI lookup, idempotency, aggregates, audit,
 *    one transaction), sent from a client process of its own (remote-client.ts) with the body read
 *    before the clock starts, as the baselines' bytes are prepared; and, for comparison, the same
 *    batch sent by a client in the bench's process;
 *  - (a) `COPY` of the very same stored rows (new keys) into `encounter` itself — its indexes,
 *    foreign keys and checks — in one transaction;
 *  - (b) the best SQL-only path: `COPY` into a temporary staging table, then one
 *    `INSERT … SELECT … ON CONFLICT … DO UPDATE` into `encounter`, in one transaction;
 *  - (c) the same as (b), plus what ours does beyond it and SQL can do: the MPI lookup (the staged
 *    rows carry no resident; the INSERT joins `resident` on the lookup hash) and one aggregate
 *    upsert from the staged rows' counters. Reported beside (b); the goal is stated against (b).
 * The rows of (a) and (b) are our rows read back with COPY TO (untimed), their `source` renamed.
 *
 *   DATABASE_URL=postgres://… npm run bench:ingest -- [--size county] [--years 1] [--feed 100000] [--rounds 3]
 */
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { generateCommunity } from '@yigong/synth';
import { openPostgres } from '../../server/src/platform/db/postgres-database.ts';
import { countingDatabase } from '../../server/src/platform/db/counting-database.ts';
import { loadSyntheticCommunity } from '../../server/src/seed/load-synthetic.ts';
import { seedEncounters } from '../../server/src/seed/seed-encounters.ts';
import { benchContext, managerSession, startBenchApp, type IngestResult } from './bench-app.ts';
import { benchDatabase } from './bench-database.ts';
import { feedBatch } from './indicators-feed.ts';
import { timed } from './load.ts';
import { formatCpu, measureCpu } from './cpu-meter.ts';
import { RemoteClient } from './remote-client.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, years: { type: 'string', default: '1' }, feed: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' } } });
const bench = await benchDatabase('yg_bench_ingest');
const counted = countingDatabase(openPostgres(bench.url, 8));
const db = counted.db;
const log = (m: string) => console.error(`  ${m}`);
try {
  const ctx = await benchContext(db);
  const asOf = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const size = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as 'county');
  const synth = generateCommunity({ regionCode: '330521', size, seed: 7, asOf });
  const communityId = synth.community.id;
  await loadSyntheticCommunity(db, ctx.cipher, synth);
  const seeded = await seedEncounters(ctx, communityId, asOf, 7, 12 * Number(values.years) + 1);
  log(`${synth.residentCount} residents, ${seeded} encounters stored`);
  const { app, base } = await startBenchApp(ctx);
  const { ingest, ingestRequest } = await managerSession(db, base, communityId);
  const client = new RemoteClient();
  const bodyDir = mkdtempSync(join(tmpdir(), 'yg-ingest-body-'));
  const feed = await feedBatch(ctx, communityId, asOf, Number(values.feed), 99, 'FEED');
  const n = feed.length;
  const copyColumns = (await db.query<{ c: string }>(`select string_agg(quote_ident(attname), ',' order by attnum) as c from pg_attribute where attrelid = 'encounter'::regclass and attnum > 0 and not attisdropped`)).rows[0]!.c;
  const update = copyColumns.split(',').filter((c) => !['community_id', 'source', 'id'].includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');

  /** Our stored rows of one round in COPY text format (untimed), their source renamed for a baseline. */
  const stagedRows = async (prefix: string, as: string, columns = copyColumns): Promise<Buffer> => {
    const c = new pg.Client({ connectionString: bench.url });
    await c.connect();
    const parts: Buffer[] = [];
    try {
      await pipeline(c.query(copyTo(`COPY (select ${columns.replace(/\bsource\b/, `'${as}' || substr(source, ${prefix.length + 1}) as source`)} from encounter where community_id = '${communityId}' and source like '${prefix}-%') TO STDOUT`)),
        new Writable({ write: (chunk: Buffer, _e, cb) => (parts.push(chunk), cb()) }));
    } finally {
      await c.end();
    }
    return Buffer.concat(parts);
  };
  /** Runs `sql` statements around a COPY of `rows` into `target` in one transaction on one connection; returns its ms. */
  const copyIn = async (rows: Buffer, target: string, before: string[], after: string[]): Promise<number> => {
    const c = new pg.Client({ connectionString: bench.url });
    await c.connect();
    try {
      const t = performance.now();
      await c.query('begin');
      for (const s of before) await c.query(s);
      await pipeline(Readable.from([rows]), c.query(copyFrom(`COPY ${target} (${copyColumns}) FROM STDIN`)));
      for (const s of after) await c.query(s);
      await c.query('commit');
      return performance.now() - t;
    } finally {
      await c.end();
    }
  };

  const ours: number[] = [];
  const oursInProcess: number[] = [];
  const copyPopulated: number[] = [];
  const sqlOnly: number[] = [];
  const sqlSameJob: number[] = [];
  const stagedColumns = copyColumns.replace(/\bresident_id\b/, 'null::uuid as resident_id').replace(/\bcommunity_resident\b/, 'false as community_resident');
  const joinedColumns = copyColumns.split(',').map((c) => (c === 'resident_id' ? 'r.id' : c === 'community_resident' ? 'coalesce(r.community_id = s.community_id, false)' : `s.${c}`)).join(',');
  let statements = 0;
  for (let round = 0; round < Number(values.rounds); round++) {
    const prefix = `R${round}`;
    // Ours as a HIS sends it: from a process of its own, the body read from a file before the clock starts.
    const file = join(bodyDir, `${prefix}.ndjson`);
    writeFileSync(file, feed.map((l) => l.replace('"FEED-', `"${prefix}-`)).join('\n'));
    await client.load(file);
    counted.reset();
    const [[answer, ms], cpu] = await measureCpu(() => timed(() => client.post(ingestRequest.url, ingestRequest.headers)));
    statements = counted.statements();
    if (answer.status !== 200) throw new Error(`round ${round}: ingest → ${answer.status} ${answer.text}`);
    const r = JSON.parse(answer.text) as IngestResult;
    if (r.accepted !== n) throw new Error(`round ${round}: accepted ${r.accepted} of ${n} (${r.rejected} rejected)`);
    ours.push(ms);
    // The same batch (other keys) sent by a client in this process, as the bench did before: its encoding shares the server's event loop.
    const inProcess = await timed(() => ingest(feed.map((l) => l.replace('"FEED-', `"P${round}-`)).join('\n')));
    if (inProcess[0].accepted !== n) throw new Error(`round ${round}: in-process client: accepted ${inProcess[0].accepted} of ${n}`);
    oursInProcess.push(inProcess[1]);
    copyPopulated.push(await copyIn(await stagedRows(prefix, `A${round}`), 'encounter', [], []));
    sqlOnly.push(await copyIn(await stagedRows(prefix, `B${round}`), 'encounter_stage',
      ['create temp table encounter_stage (like encounter including defaults) on commit drop'],
      [`insert into encounter (${copyColumns}) select ${copyColumns} from encounter_stage on conflict (community_id, source, id) do update set ${update}`]));
    sqlSameJob.push(await copyIn(await stagedRows(prefix, `C${round}`, stagedColumns), 'encounter_stage',
      ['create temp table encounter_stage (like encounter including defaults) on commit drop'],
      [`insert into encounter (${copyColumns}) select ${joinedColumns} from encounter_stage s
          left join resident r on r.id_number_hash = s.id_number_hash and r.status = 'active'
        on conflict (community_id, source, id) do update set ${update}`,
       `insert into encounter_agg (community_id, month, unit_key, organization_id, metric, value)
        select s.community_id, s.period_month, coalesce(s.organization_id::text, 'out'), s.organization_id, c.key, sum(c.value::bigint)
          from encounter_stage s, json_each_text(s.contrib) c group by 1, 2, 3, 4, 5
        on conflict (community_id, month, unit_key, metric) do update set value = encounter_agg.value + excluded.value`]));
    log(`round ${round}: ours ${ms.toFixed(0)} ms (client in this process ${inProcess[1].toFixed(0)} ms), COPY into encounter ${copyPopulated.at(-1)!.toFixed(0)} ms, staging + INSERT … SELECT ${sqlOnly.at(-1)!.toFixed(0)} ms, the same with MPI join and aggregates ${sqlSameJob.at(-1)!.toFixed(0)} ms`);
    log(`  ours: ${formatCpu(cpu)}`);
  }
  client.close();
  rmSync(bodyDir, { recursive: true, force: true });
  await app.close();
  const best = (xs: number[]) => Math.min(...xs);
  const rate = (ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en')} rows/s`;
  const out = [
    `| ours: one NDJSON batch over HTTP from a client process (validation, MPI lookup, idempotency, aggregates, audit; one transaction), best of ${ours.length} | ${(best(ours) / 1000).toFixed(2)} s (${rate(best(ours))}), ${statements} statements (${(statements / (n / 1000)).toFixed(1)} per 1,000 rows) |`,
    `| ours, the client in the bench's own process (its encoding on the server's event loop), best of ${oursInProcess.length} | ${(best(oursInProcess) / 1000).toFixed(2)} s (${rate(best(oursInProcess))}) |`,
    `| (a) \`COPY\` of the same rows into the populated \`encounter\` (its indexes, keys, checks) | ${(best(copyPopulated) / 1000).toFixed(2)} s (${rate(best(copyPopulated))}) |`,
    `| (b) SQL only: \`COPY\` into a staging table + \`INSERT … SELECT … ON CONFLICT DO UPDATE\` | ${(best(sqlOnly) / 1000).toFixed(2)} s (${rate(best(sqlOnly))}) |`,
    `| (c) as (b), plus the MPI join and the aggregate upsert ours also does | ${(best(sqlSameJob) / 1000).toFixed(2)} s (${rate(best(sqlSameJob))}) |`,
    `| **throughput ours / (a)** | **${(best(copyPopulated) / best(ours)).toFixed(2)}** (goal 0.5) |`,
    `| **throughput ours / (b)** | **${(best(sqlOnly) / best(ours)).toFixed(2)}** (goal 0.8) |`,
    `| throughput ours / (c) | ${(best(sqlSameJob) / best(ours)).toFixed(2)} |`,
  ];
  console.log(`\n${synth.residentCount.toLocaleString('en')} residents, ${seeded.toLocaleString('en')} encounters before the rounds, batches of ${n.toLocaleString('en')} rows\n\n| measure | value |\n|---|---|\n${out.join('\n')}`);
} finally {
  await db.close();
  await bench.drop();
}
