import { fork } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../platform/config.ts';

/** What the seeding process reports to the server that started it. */
export type SeedMessage = { log: string } | { error: string };

/** Left-over folders of a first start that was stopped part-way: `<dataDir>.seeding-<pid>`. */
function leftOvers(dataDir: string): string[] {
  const parent = dirname(dataDir);
  if (!existsSync(parent)) return [];
  const prefix = `${basename(dataDir)}.seeding-`;
  return readdirSync(parent).filter((n) => n.startsWith(prefix)).map((n) => join(parent, n));
}

/** A data folder that does not exist yet or is empty: the demo is seeded beside it and moved in. */
export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

/**
 * The first start of the demo on the embedded database (issue #11: RSS after start). The seed
 * runs in a process of its own, in a folder beside the data folder that is renamed into place
 * when the seed is complete:
 * - the seed's memory (PGlite's WebAssembly memory never shrinks, and V8 keeps the heap's
 *   high-water mark) goes back to the operating system when that process ends, so the server
 *   opens the seeded folder with only what serving needs;
 * - a first start stopped part-way leaves no half-seeded demo: the next start removes the
 *   left-over folder and seeds again.
 */
export async function seedFreshDataDir(config: Config, log: (m: string) => void): Promise<void> {
  for (const dir of leftOvers(config.dataDir)) rmSync(dir, { recursive: true, force: true });
  const staging = `${config.dataDir}.seeding-${process.pid}`;
  const keyFileInData = config.keyFile === join(config.dataDir, 'yigong-keys.txt');
  const env: NodeJS.ProcessEnv = { ...process.env, YIGONG_DATA_DIR: staging };
  delete env.DATABASE_URL;
  if (!keyFileInData) env.YIGONG_KEY_FILE = config.keyFile;
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
  if (code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`The demo seed failed: ${failure ?? `the seeding process exited with ${code}`}`);
  }
  if (existsSync(config.dataDir)) rmSync(config.dataDir, { recursive: true });
  renameSync(staging, config.dataDir);
}
