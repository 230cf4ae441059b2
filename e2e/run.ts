/**
 * A tiny end-to-end runner (no @playwright/test: its runner may try to download browsers).
 * Starts the server on a free port with a fresh data directory (or a fresh PostgreSQL database
 * when DATABASE_URL is set), drives Debian's Chromium through playwright-core, runs every spec's
 * `tests` in order, saves a screenshot per test, writes `.test-results/e2e.json`, and always
 * stops the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import pg from 'pg';
import type { E2eTest } from './support.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const E2E = join(ROOT, 'e2e');
const SCREENSHOTS = join(E2E, 'screenshots');
const RESULTS = join(ROOT, '.test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS ?? 90_000);
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function portIsFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
  });
}

/** A free port in 3700–3799 (STACK.md convention for test servers). */
async function freePort(): Promise<number> {
  const start = 3700 + Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i++) {
    const port = 3700 + ((start - 3700 + i) % 100);
    if (await portIsFree(port)) return port;
  }
  throw new Error('no free port in 3700–3799');
}

/** With DATABASE_URL: a fresh database `yg_e2e_<random>` on that server, dropped afterwards. */
async function createFreshDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `yg_e2e_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

async function waitForHealth(baseUrl: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited with code ${server.exitCode} before becoming healthy`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms`);
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 8_000);
  await exited;
  clearTimeout(timer);
}

async function loadTests(filter: string | undefined): Promise<{ spec: string; test: E2eTest }[]> {
  const specs = readdirSync(E2E).filter((f) => f.endsWith('.spec.ts')).sort();
  const out: { spec: string; test: E2eTest }[] = [];
  for (const spec of specs) {
    const mod = (await import(pathToFileURL(join(E2E, spec)).href)) as { tests?: E2eTest[] };
    for (const test of mod.tests ?? []) {
      if (!filter || test.name.includes(filter) || spec.includes(filter)) out.push({ spec, test });
    }
  }
  return out;
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<number> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  if (!existsSync(join(ROOT, 'packages/web/dist/index.html'))) throw new Error('packages/web/dist is missing: run `npm run build` first');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install -y chromium fonts-noto-cjk`);

  const tests = await loadTests(process.argv[2]);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'yg-e2e-'));
  const db = process.env.DATABASE_URL ? await createFreshDatabase(process.env.DATABASE_URL) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    YIGONG_DATA_DIR: dataDir,
    YIGONG_MODE: 'demo',
    // The critical-value test moves the server's clock to see an escalation (POST /api/v1/dev/clock).
    YIGONG_CLOCK_CONTROL: '1',
    YIGONG_LOG_LEVEL: process.env.YIGONG_LOG_LEVEL ?? 'warn',
  };
  if (db) env.DATABASE_URL = db.url;
  else delete env.DATABASE_URL;

  const log = createWriteStream(join(RESULTS, 'e2e-server.log'));
  // node directly, not npx: stopping npx by PID would leave its node child running (STACK.md).
  const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const onSignal = () => void stopServer(server).finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let browser: Browser | null = null;
  const results: { name: string; spec: string; ok: boolean; ms: number; error?: string }[] = [];
  try {
    console.log(`e2e: server on ${baseUrl} (${db ? 'PostgreSQL' : `PGlite in ${dataDir}`})`);
    await waitForHealth(baseUrl, server, 180_000);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    for (const { spec, test } of tests) {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      const t0 = Date.now();
      try {
        await withTimeout(test({ page, baseUrl }), TEST_TIMEOUT_MS, test.name);
        results.push({ name: test.name, spec, ok: true, ms: Date.now() - t0 });
        console.log(`ok    ${spec} › ${test.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
        results.push({ name: test.name, spec, ok: false, ms: Date.now() - t0, error: msg });
        console.log(`FAIL  ${spec} › ${test.name}\n${msg.split('\n').map((l) => `      ${l}`).join('\n')}`);
        if (consoleErrors.length) console.log(`      page errors: ${consoleErrors.join(' | ')}`);
      } finally {
        await page.screenshot({ path: join(SCREENSHOTS, `${test.name}.png`), fullPage: true }).catch(() => undefined);
        await context.close().catch(() => undefined);
      }
    }
  } catch (e) {
    results.push({ name: 'setup', spec: 'run.ts', ok: false, ms: 0, error: e instanceof Error ? e.message : String(e) });
    console.log(`FAIL  setup: ${e instanceof Error ? e.message : String(e)} (server log: .test-results/e2e-server.log)`);
  } finally {
    await browser?.close().catch(() => undefined);
    await stopServer(server);
    log.end();
    await db?.drop().catch((e: unknown) => console.log(`could not drop the e2e database: ${String(e)}`));
    rmSync(dataDir, { recursive: true, force: true });
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  writeFileSync(join(RESULTS, 'e2e.json'), JSON.stringify({ passed, failed, tests: results }, null, 2));
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'e2e.json'), JSON.stringify({ passed: 0, failed: 1, error: String(e) }, null, 2));
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
