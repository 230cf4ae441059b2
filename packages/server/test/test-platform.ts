import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../src/platform/context.ts';
import type { Clock } from '../src/platform/clock.ts';
import type { Database } from '../src/platform/db/database.ts';
import { createContext } from '../src/app/start.ts';
import { buildApp } from '../src/app/build-app.ts';
import { DEMO_PASSWORD } from '../src/seed/demo-accounts.ts';
import { freshDatabase } from './test-database.ts';
import { testConfig } from './test-config.ts';

export interface Response<T = any> {
  status: number;
  body: T;
}

/** A settable clock for tests of lock-outs and expiry. */
export class TestClock implements Clock {
  /** Called when time moves (the platform drops its cached tokens, which may have expired). */
  onAdvance: () => void = () => undefined;
  constructor(private t = Date.now()) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
    this.onAdvance();
  }
}

export interface TestPlatform {
  ctx: AppContext;
  app: FastifyInstance;
  clock: TestClock;
  login(username: string, password?: string): Promise<string>;
  call<T = any>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, token?: string | null, body?: unknown): Promise<Response<T>>;
  close(): Promise<void>;
}

/** A real app on a fresh copy of the seeded test county (PGlite, or PostgreSQL with DATABASE_URL). */
export async function openTestPlatform(opts: { configOverrides?: Parameters<typeof testConfig>[0]; logStream?: { write(line: string): void }; wrapDb?: (db: Database) => Database } = {}): Promise<TestPlatform> {
  const fresh = await freshDatabase(inject('template'));
  const db = opts.wrapDb ? opts.wrapDb(fresh) : fresh;
  const clock = new TestClock();
  const ctx = await createContext(testConfig(opts.configOverrides), { db, clock });
  const app = await buildApp(ctx, opts.logStream ? { logStream: opts.logStream } : {});
  const tokens = new Map<string, string>();
  clock.onAdvance = () => tokens.clear();
  const call: TestPlatform['call'] = async (method, url, token, body) => {
    const r = await app.inject({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(body !== undefined ? { payload: body as object } : {}) });
    return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
  };
  return {
    ctx, app, clock, call,
    async login(username, password = DEMO_PASSWORD) {
      const cached = tokens.get(username);
      if (cached && password === DEMO_PASSWORD) return cached;
      const r = await call<{ token: string }>('POST', '/api/v1/auth/login', null, { username, password });
      if (r.status !== 200) throw new Error(`login ${username} → ${r.status} ${JSON.stringify(r.body)}`);
      tokens.set(username, r.body.token);
      return r.body.token;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
