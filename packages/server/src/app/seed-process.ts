// The demo seed of a fresh embedded data folder, run as a process of its own by
// `seedFreshDataDir` (first-start.ts): it seeds the folder named by YIGONG_DATA_DIR and exits.
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db/open-database.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { createContext } from './create-context.ts';
import type { SeedMessage } from './first-start.ts';

/** The seed's own shared buffers: its memory is returned when it exits. */
const SEED_SHARED_BUFFERS = '128MB';

// The server that started this process stopped: so does the seed (its folder is removed at the next start).
process.on('disconnect', () => process.exit(1));

const pending: Promise<void>[] = [];
const send = (m: SeedMessage) => new Promise<void>((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));

try {
  const config = loadConfig();
  const db = await openDatabase(config, { sharedBuffers: SEED_SHARED_BUFFERS, minimalWal: true });
  try {
    const ctx = await createContext(config, { db });
    await seedDemo(ctx, (m) => void pending.push(send({ log: m })));
  } finally {
    await db.close();
  }
} catch (e) {
  await send({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exitCode = 1;
}
await Promise.all(pending);
process.exit(process.exitCode ?? 0);
