import { loadConfig } from './platform/config.ts';
import { seedFreshDataDir } from './app/first-start.ts';
import { isFreshDataDir } from './platform/db/data-dir.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo-accounts.ts';

/** `npm start`: the platform on the embedded database (or DATABASE_URL), demo county on first start. */
async function main(): Promise<void> {
  const config = loadConfig();
  const t0 = Date.now();
  console.log(`Yigong (医共) starting — ${config.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL (PGlite) in ${config.dataDir}`}, ${config.mode} mode`);
  const log = (m: string) => console.log(m);
  // A fresh embedded demo folder: the seeding process starts first, and the server's own modules
  // load while it works (issue #11: start-up).
  const seeding = !config.databaseUrl && config.mode === 'demo' && isFreshDataDir(config.dataDir) ? seedFreshDataDir(config, log) : null;
  seeding?.catch(() => undefined);
  const { startPlatform } = await import('./app/start.ts');
  await seeding;
  const platform = await startPlatform(config, { log, jobs: true });
  const url = await platform.app.listen({ host: config.host, port: config.port });
  console.log(`\nYigong is ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${url.replace('[::1]', 'localhost')}  (API ${url}/api/v1, docs ${url}/api/docs)`);
  if (config.mode === 'demo') {
    console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(12)} ${a.role.padEnd(18)} ${a.description}`);
  } else {
    console.log('Production mode: no demo accounts. Create the first admin with `npm run admin:create`.');
  }
  let closing = false;
  const stop = async (sig: string) => {
    if (closing) return;
    closing = true;
    console.log(`${sig}: shutting down`);
    await platform.close().catch((e: unknown) => console.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
