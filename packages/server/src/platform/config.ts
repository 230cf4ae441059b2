import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * One typed configuration, read from the environment at start-up; fails fast with a message
 * naming the variable. `YIGONG_MODE=production` seeds no demo data and no demo accounts.
 */
const schema = z.object({
  mode: z.enum(['demo', 'production']),
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  dataDir: z.string().min(1),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://').optional(),
  /** File holding the 32-byte ID-number encryption key and the 32-byte lookup-hash key (base64, one per line). */
  keyFile: z.string().min(1),
  /** The same two keys given directly (base64, `enc:hash`), preferred over the file in production. */
  keys: z.string().optional(),
  sessionHours: z.coerce.number().positive().max(24 * 30),
  maxFailedLogins: z.coerce.number().int().min(1),
  lockMinutes: z.coerce.number().positive(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  webDist: z.string(),
  /** Folder-drop ingest (`<dir>/<username>/*.ndjson|csv|json`); off when unset. */
  ingestDir: z.string().min(1).optional(),
  ingestPollSeconds: z.coerce.number().positive().max(24 * 3600),
  /**
   * Reverse proxies whose `X-Forwarded-For` is believed (addresses or CIDRs). Empty: the socket's
   * address is the client's, so a forged header cannot dodge the login throttle or enter the audit.
   */
  trustedProxies: z.array(z.string().regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, 'YIGONG_TRUSTED_PROXIES: addresses or CIDRs, comma-separated')),
  /** Requests per minute per account and per address before 429 (0: no limit). */
  rateLimitPerMinute: z.coerce.number().int().min(0),
  /**
   * YIGONG_CLOCK_CONTROL=1 (demo mode only): the server's clock can be moved forward through
   * POST /api/v1/dev/clock, so a browser test sees an unacknowledged critical value escalate.
   */
  clockControl: z.boolean(),
});
export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.YIGONG_DATA_DIR ?? './data');
  const parsed = schema.safeParse({
    mode: env.YIGONG_MODE ?? 'demo',
    host: env.HOST ?? '127.0.0.1',
    port: env.PORT ?? 3000,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    keyFile: env.YIGONG_KEY_FILE ?? resolve(dataDir, 'yigong-keys.txt'),
    keys: env.YIGONG_KEYS || undefined,
    sessionHours: env.YIGONG_SESSION_HOURS ?? 12,
    maxFailedLogins: env.YIGONG_MAX_FAILED_LOGINS ?? 5,
    lockMinutes: env.YIGONG_LOCK_MINUTES ?? 15,
    logLevel: env.YIGONG_LOG_LEVEL ?? 'info',
    webDist: env.YIGONG_WEB_DIST ?? new URL('../../../web/dist/', import.meta.url).pathname,
    ingestDir: env.YIGONG_INGEST_DIR ? resolve(env.YIGONG_INGEST_DIR) : undefined,
    ingestPollSeconds: env.YIGONG_INGEST_POLL_SECONDS ?? 10,
    trustedProxies: (env.YIGONG_TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    rateLimitPerMinute: env.YIGONG_RATE_LIMIT_PER_MINUTE ?? 1200,
    clockControl: env.YIGONG_CLOCK_CONTROL === '1',
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.mode === 'production' && !parsed.data.keys && !env.YIGONG_KEY_FILE) {
    throw new Error('Invalid configuration:\n  YIGONG_KEYS or YIGONG_KEY_FILE must be set in production mode');
  }
  if (parsed.data.mode === 'production' && parsed.data.clockControl) {
    throw new Error('Invalid configuration:\n  YIGONG_CLOCK_CONTROL is for demo mode and tests only');
  }
  return parsed.data;
}
