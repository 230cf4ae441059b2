import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createContext, loadConfig } from '@yigong/server';
import { buildApp } from '../../server/src/app/build-app.ts';
import type { AppContext } from '../../server/src/platform/context.ts';
import type { Database } from '../../server/src/platform/db/database.ts';
import { hashPassword } from '../../server/src/platform/auth/password.ts';
import { bulkInsertAccount } from '../../server/src/modules/auth/index.ts';

/** The context of a benchmark: fixed ID-number keys (two stores of one run decrypt the same rows), quiet logs, production mode. */
export function benchContext(db: Database): Promise<AppContext> {
  return createContext(loadConfig({ YIGONG_KEYS: `${Buffer.alloc(32, 5).toString('base64')}:${Buffer.alloc(32, 6).toString('base64')}`, YIGONG_LOG_LEVEL: 'silent', YIGONG_MODE: 'production', YIGONG_RATE_LIMIT_PER_MINUTE: '0' }), { db });
}

/** The real HTTP app on a free local port. */
export async function startBenchApp(ctx: AppContext): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildApp(ctx);
  return { app, base: await app.listen({ host: '127.0.0.1', port: 0 }) };
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** A logged-in client of the API: GET a path under /api/v1 (200 or throw), POST an NDJSON body to the ingest. */
export interface BenchSession {
  get: (path: string) => Promise<unknown>;
  ingest: (body: string | ReadableStream<Uint8Array>) => Promise<IngestResult>;
  /** The ingest's URL and headers, for a client of its own (remote-client.ts). */
  ingestRequest: { url: string; headers: Record<string, string> };
}

/** Creates a community-scoped manager account of one community and logs it in. */
export async function managerSession(db: Database, base: string, communityId: string, username = 'bench.manager'): Promise<BenchSession> {
  const password = 'Bench@2026!';
  await bulkInsertAccount(db, { id: randomUUID(), username, passwordHash: await hashPassword(password), displayName: 'bench', role: 'manager', scopeKind: 'community', communityId, organizationId: null, regionCode: null });
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  return {
    get: async (path) => {
      const r = await fetch(`${base}/api/v1${path}`, { headers: auth });
      if (r.status !== 200) throw new Error(`${path} → ${r.status} ${await r.text()}`);
      return r.json();
    },
    ingestRequest: { url: `${base}/api/v1/encounters:ingest`, headers: { ...auth, 'content-type': 'application/x-ndjson' } },
    ingest: async (body) => {
      const r = await fetch(`${base}/api/v1/encounters:ingest`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-ndjson' }, body, duplex: 'half' } as RequestInit);
      if (r.status !== 200) throw new Error(`ingest → ${r.status} ${await r.text()}`);
      return (await r.json()) as IngestResult;
    },
  };
}
