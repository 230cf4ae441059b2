import { Worker } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module. The thread registers tsx itself: a worker does not
 * inherit the parent's `--import tsx` on Node 20.
 */
export function tsWorker(module: URL): Worker {
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); })`, { eval: true });
}
