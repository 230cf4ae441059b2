/**
 * A real server process for crash tests: `node --import tsx test-server.child.ts` with
 * YG_TEST_DB = a PGlite data folder (loaded from YG_TEST_DUMP on first start) or a PostgreSQL URL.
 * Prints `LISTENING <url>` once ready. Killing it with SIGKILL is the point.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { createContext } from '../src/app/start.ts';
import { buildApp } from '../src/app/build-app.ts';
import { fromPglite } from '../src/platform/db/pglite-database.ts';
import { openPostgres } from '../src/platform/db/postgres-database.ts';
import { testConfig } from './test-config.ts';

const target = process.env.YG_TEST_DB!;
async function open() {
  if (target.startsWith('postgres')) return openPostgres(target, 4);
  const fresh = !existsSync(target) || readdirSync(target).length === 0;
  const loadDataDir = fresh ? new Blob([await readFile(process.env.YG_TEST_DUMP!)]) : undefined;
  return fromPglite(await PGlite.create({ dataDir: target, ...(loadDataDir ? { loadDataDir } : {}) }));
}
const db = await open();
const ctx = await createContext(testConfig(), { db });
const app = await buildApp(ctx);
const url = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`LISTENING ${url}`);
process.on('SIGTERM', () => {
  void app.close().then(() => db.close()).then(() => process.exit(0));
});
