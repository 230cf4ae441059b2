import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { generateEncounters } from '@yigong/synth';
import type { AppContext } from '../../server/src/platform/context.ts';
import type { Sql } from '../../server/src/platform/db/database.ts';
import { encounterPopulation, monthsUpTo, type EncounterPopulation } from '../../server/src/seed/seed-encounters.ts';
import { timed } from './load.ts';

/**
 * NDJSON lines of new synthetic encounters (their own `source` prefix, another seed), as a member
 * unit's HIS would send them: at most `limit` lines, or until `maxBytes` when given.
 */
export function* feedLines(pop: EncounterPopulation, months: readonly string[], seed: number, lastDay: string, prefix: string, limit = Infinity): Generator<string> {
  let n = 0;
  for (const r of generateEncounters(pop.residents, pop.units, months, seed, lastDay)) {
    if (n++ >= limit) return;
    yield JSON.stringify({ ...r, source: `${prefix}-${r.source}` });
  }
}

/** The day before an ISO date. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * One batch of `n` new encounters of a community over the last three months, as its units' HIS
 * would send it (NDJSON lines with their own `source` prefix), from enough of its residents.
 */
export async function feedBatch(ctx: Pick<AppContext, 'db' | 'cipher'>, communityId: string, asOf: string, n: number, seed: number, prefix: string): Promise<string[]> {
  const pop = await encounterPopulation(ctx, communityId, asOf, Math.ceil((n / 1.8) * 1.2));
  if (!pop) throw new Error(`Community ${communityId} has no lead hospital`);
  return [...feedLines(pop, monthsUpTo(asOf, 3), seed, dayBefore(asOf), prefix, n)];
}

/**
 * The baseline of an ingest: the very same stored rows (source `<prefix>-…`), read out untimed in
 * COPY text format into memory, then COPY'd into an empty table of the encounter's shape and
 * indexes — the fastest load PostgreSQL offers. On Citus that table is distributed like the
 * encounters (by community, colocated), so the rows go to the same worker. Returns the COPY's ms.
 */
export async function copyBaseline(url: string, db: Sql, communityId: string, prefix: string, distributed: boolean): Promise<number> {
  await db.query('create table bench_encounter (like encounter including defaults including indexes)');
  if (distributed) await db.query(`select create_distributed_table('bench_encounter', 'community_id', colocate_with => 'community')`);
  const src = new pg.Client({ connectionString: url });
  const dst = new pg.Client({ connectionString: url });
  await Promise.all([src.connect(), dst.connect()]);
  try {
    const staged: Buffer[] = [];
    await pipeline(src.query(copyTo(`COPY (select * from encounter where community_id = '${communityId}' and source like '${prefix}-%') TO STDOUT`)),
      new Writable({ write: (c: Buffer, _e, cb) => (staged.push(c), cb()) }));
    return (await timed(() => pipeline(Readable.from(staged), dst.query(copyFrom('COPY bench_encounter FROM STDIN')))))[1];
  } finally {
    await Promise.all([src.end(), dst.end()]);
    await db.query('drop table bench_encounter');
  }
}

/** A streamed request body of lines, pulled as the server reads (backpressure), in ~64 KB chunks. */
export function streamBody(lines: Iterator<string>, onBytes: (n: number) => void): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(c) {
      let chunk = '';
      while (chunk.length < 65_536) {
        const next = lines.next();
        if (next.done) {
          if (chunk) c.enqueue(enc.encode(chunk));
          c.close();
          return;
        }
        chunk += `${next.value}\n`;
      }
      const bytes = enc.encode(chunk);
      onBytes(bytes.length);
      c.enqueue(bytes);
    },
  });
}

/**
 * Samples this process's memory until stopped: peak RSS, and — with `node --expose-gc` — the live
 * heap after a full collection every few seconds (what a leak or unbounded buffering would grow).
 */
export function sampleMemory(everyMs = 200, gcEveryMs = 5_000): { stop: () => { peakRssMb: number; liveHeapMb: number[] } } {
  let peak = process.memoryUsage().rss;
  const live: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const collect = () => {
    if (!gc) return;
    gc();
    live.push(process.memoryUsage().heapUsed / 1_048_576);
  };
  collect();
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), everyMs);
  const g = setInterval(collect, gcEveryMs);
  return {
    stop: () => {
      clearInterval(t);
      clearInterval(g);
      collect();
      return { peakRssMb: peak / 1_048_576, liveHeapMb: live };
    },
  };
}
