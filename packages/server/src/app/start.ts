import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../platform/config.ts';
import type { Database } from '../platform/db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { startFolderDrop } from '../modules/encounters/index.ts';
import { buildApp } from './build-app.ts';
import { createContext } from './create-context.ts';
import { startJobs } from './jobs.ts';
import { seedFreshDataDir } from './first-start.ts';
import { isFreshDataDir } from '../platform/db/data-dir.ts';

export { createContext };

export interface Platform {
  ctx: AppContext;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Everything `npm start` does before listening: context, demo seed (demo mode), HTTP app. */
export async function startPlatform(config: Config = loadConfig(), opts: { db?: Database; clock?: Clock; log?: (m: string) => void; jobs?: boolean } = {}): Promise<Platform> {
  // The demo's first start on the embedded database seeds in a process of its own (first-start.ts).
  if (!opts.db && !config.databaseUrl && config.mode === 'demo' && isFreshDataDir(config.dataDir)) await seedFreshDataDir(config, opts.log ?? (() => undefined));
  const ctx = await createContext(config, opts);
  await seedDemo(ctx, opts.log ?? (() => undefined));
  const app = await buildApp(ctx);
  const jobLog = (m: string, e?: unknown) => app.log[e ? 'error' : 'info']({ err: e }, m);
  const stopJobs = opts.jobs ? startJobs(ctx, jobLog) : () => undefined;
  // YIGONG_INGEST_DIR: the folder drop for HIS systems that can only write files (off when unset).
  const stopFolderDrop = opts.jobs && config.ingestDir ? startFolderDrop(ctx, config.ingestDir, jobLog) : () => undefined;
  return {
    ctx,
    app,
    async close() {
      stopJobs();
      stopFolderDrop();
      await app.close();
      await ctx.db.close();
    },
  };
}
