import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../platform/config.ts';
import { lockDataDir } from '../platform/db/data-dir-lock.ts';
import { dataDirEntries, isFreshDataDir } from '../platform/db/data-dir.ts';

/** What the seeding process reports to the server that started it. */
export type SeedMessage = { log: string } | { error: string };

/** The folder inside the data folder where the seeding process builds the database. */
const STAGING_PREFIX = '.seeding-';

/** The entries of a PostgreSQL data directory (PG_VERSION apart): what a move cut short leaves behind. */
const POSTGRES_ENTRY = /^(base|global|pg_[a-z_]+|postgresql(\.auto)?\.conf|postmaster\.(opts|pid))$/;

/**
 * The first start of the demo on the embedded database (issue #11: RSS after start). The seed
 * runs in a process of its own, in a folder inside the data folder whose entries are moved up
 * when the seed is complete (PG_VERSION last: without it the folder is still fresh):
 * - the seed's memory (PGlite's WebAssembly memory never shrinks, and V8 keeps the heap's
 *   high-water mark) goes back to the operating system when that process ends, so the server
 *   opens the seeded folder with only what serving needs;
 * - a first start stopped part-way leaves no half-seeded demo: the next start removes what it
 *   left and seeds again;
 * - the data folder is locked meanwhile, so a second server on it refuses instead of seeding too;
 *   the folder itself is never replaced (it may be a mount point), and the key file stays where
 *   the configuration says.
 */
export async function seedFreshDataDir(config: Config, log: (m: string) => void): Promise<void> {
  mkdirSync(config.dataDir, { recursive: true });
  const unlock = lockDataDir(config.dataDir);
  try {
    if (!isFreshDataDir(config.dataDir)) return;
    removeLeftOvers(config.dataDir);
    const staging = join(config.dataDir, `${STAGING_PREFIX}${process.pid}`);
    try {
      await runSeedProcess(config, staging, log);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      throw e;
    }
    // Should a move be cut short, the staging folder (still holding PG_VERSION) says so next time.
    for (const name of dataDirEntries(staging)) renameSync(join(staging, name), join(config.dataDir, name));
    rmSync(staging, { recursive: true, force: true });
  } finally {
    unlock();
  }
}

/**
 * What a first start stopped part-way left: its staging folders and — only when one of them still
 * holds PG_VERSION, i.e. its move was cut short — the database entries already moved up.
 */
function removeLeftOvers(dataDir: string): void {
  const stagings = readdirSync(dataDir).filter((n) => n.startsWith(STAGING_PREFIX));
  const cutShort = stagings.some((n) => !isFreshDataDir(join(dataDir, n)));
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(STAGING_PREFIX) || (cutShort && POSTGRES_ENTRY.test(name))) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
}

/** Runs seed-process.ts on `staging`, relaying its log; rejects with its error when it fails. */
async function runSeedProcess(config: Config, staging: string, log: (m: string) => void): Promise<void> {
  // The seeding process reads its configuration from the environment: this server's, on the staging folder.
  const env: NodeJS.ProcessEnv = { ...process.env, YIGONG_MODE: config.mode, YIGONG_DATA_DIR: staging, YIGONG_KEY_FILE: config.keyFile, YIGONG_CLOCK_CONTROL: config.clockControl ? '1' : '0' };
  if (config.keys) env.YIGONG_KEYS = config.keys;
  delete env.DATABASE_URL;
  let failure: string | null = null;
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = fork(new URL('./seed-process.ts', import.meta.url), { env, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m: SeedMessage) => {
      if ('log' in m) log(m.log);
      else failure = m.error;
    });
    child.on('error', reject);
    child.on('exit', (c) => resolve(c));
  });
  if (code !== 0) throw new Error(`The demo seed failed: ${failure ?? `the seeding process exited with ${code}`}`);
}
