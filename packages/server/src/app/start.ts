import type { FastifyInstance } from 'fastify';
import { SessionCache } from '../platform/auth/session-cache.ts';
import { CommunityCache } from '../platform/reference/community-cache.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { migrate } from '../platform/db/migrate.ts';
import type { Database } from '../platform/db/database.ts';
import { createIdNumberCipher, loadIdNumberKeys } from '../platform/crypto/id-number-cipher.ts';
import { loadReferenceData } from '../platform/reference/load-reference.ts';
import { readDivisions, regionChecker } from '../platform/reference/divisions.ts';
import { AdjustableClock, systemClock, type Clock } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { buildApp } from './build-app.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { startJobs } from './jobs.ts';
import { isFreshDataDir, seedFreshDataDir } from './first-start.ts';
import { startFolderDrop } from '../modules/encounters/index.ts';

export interface Platform {
  ctx: AppContext;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Opens the database, migrates, loads reference data; the context every service receives. */
export async function createContext(config: Config, opts: { db?: Database; clock?: Clock } = {}): Promise<AppContext> {
  const db = opts.db ?? (await openDatabase(config));
  await migrate(db);
  await loadReferenceData(db);
  const keys = loadIdNumberKeys(config);
  return { config, db, cipher: createIdNumberCipher(keys.enc, keys.hash), clock: opts.clock ?? (config.clockControl ? new AdjustableClock() : systemClock), isKnownRegion: regionChecker(readDivisions()), sessions: new SessionCache(), reference: new CommunityCache() };
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
