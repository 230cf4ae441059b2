// A worker thread that builds a community's synthetic encounters (encounter-rows.ts) while the
// thread that started it copies the chunks already built (seed-encounters.ts; issue #11: start-up).
// In: one { job }, then { ack } for each chunk consumed — at most AHEAD chunks wait in memory.
// Out: { chunk } as each is built (its bytes transferred), then { done, deltas }.
import { parentPort } from 'node:worker_threads';
import { AggregateDeltas } from '../modules/encounters/index.ts';
import { encounterChunks, type EncounterJob } from './encounter-rows.ts';

const AHEAD = 4;
const port = parentPort!;
let acked = 0;
let wake: (() => void) | null = null;

async function run(job: EncounterJob): Promise<void> {
  const deltas = new AggregateDeltas();
  let sent = 0;
  for (const chunk of encounterChunks(job, deltas)) {
    port.postMessage({ chunk }, [chunk.bytes.buffer]);
    sent++;
    while (sent - acked >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
  }
  port.postMessage({ done: true, deltas: deltas.snapshot() });
}

port.on('message', (m: { job: EncounterJob } | { ack: true }) => {
  if ('job' in m) void run(m.job);
  else {
    acked++;
    wake?.();
  }
});
