import { Worker } from 'node:worker_threads';
import type { CopyChunk } from '../platform/db/database.ts';
import type { DeltasSnapshot } from '../modules/encounters/index.ts';
import type { EncounterJob } from './encounter-rows.ts';

type WorkerMessage = { chunk: CopyChunk } | { done: true; deltas: DeltasSnapshot };

/**
 * A worker thread building encounters (encounter-worker.ts). It runs TypeScript through tsx,
 * registered in the thread itself (a worker does not inherit `--import tsx`).
 */
export class EncounterThread {
  private readonly worker = new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./encounter-worker.ts', import.meta.url).href)}); })`,
    { eval: true },
  );

  /**
   * Runs the job: the chunks in order as they are built (each acknowledged when the consumer
   * asks for the next, so the worker stays a few chunks ahead), then the aggregates of all rows.
   */
  run(job: EncounterJob): { chunks: AsyncIterable<CopyChunk>; deltas: Promise<DeltasSnapshot> } {
    const queue: CopyChunk[] = [];
    let waiting: { resolve: () => void; reject: (e: unknown) => void } | null = null;
    let finished = false;
    let failure: unknown = null;
    let resolveDeltas!: (d: DeltasSnapshot) => void;
    let rejectDeltas!: (e: unknown) => void;
    const deltas = new Promise<DeltasSnapshot>((resolve, reject) => ((resolveDeltas = resolve), (rejectDeltas = reject)));
    deltas.catch(() => undefined);
    const wakeUp = () => {
      const w = waiting;
      waiting = null;
      if (!w) return;
      if (failure) w.reject(failure);
      else w.resolve();
    };
    this.worker.on('message', (m: WorkerMessage) => {
      if ('chunk' in m) queue.push(m.chunk);
      else {
        finished = true;
        resolveDeltas(m.deltas);
        void this.worker.terminate();
      }
      wakeUp();
    });
    const fail = (e: unknown) => {
      if (finished) return;
      failure = e;
      rejectDeltas(e);
      wakeUp();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the encounter worker stopped (exit code ${code}) before it finished`)));
    this.worker.postMessage({ job }, [job.hashKey.buffer as ArrayBuffer]);
    const worker = this.worker;
    async function* chunks(): AsyncGenerator<CopyChunk> {
      try {
        for (;;) {
          if (failure) throw failure;
          const next = queue.shift();
          if (next) {
            worker.postMessage({ ack: true });
            yield next;
          } else if (finished) return;
          else await new Promise<void>((resolve, reject) => (waiting = { resolve, reject }));
        }
      } finally {
        if (!finished) await worker.terminate();
      }
    }
    return { chunks: chunks(), deltas };
  }
}
