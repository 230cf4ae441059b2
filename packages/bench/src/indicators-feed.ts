import { generateEncounters } from '@yigong/synth';
import type { EncounterPopulation } from '../../server/src/seed/seed-encounters.ts';

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
