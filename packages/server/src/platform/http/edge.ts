import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { DomainError } from '@yigong/domain';
import type { Config } from '../config.ts';

/**
 * Browser-facing headers on every response (helmet): no MIME sniffing, no framing, a content
 * security policy for the web app (its own scripts only; Ant Design injects styles, ECharts draws
 * on canvas and exports blobs), and `Cache-Control: no-store` on every API answer, since most
 * carry personal data that no shared or browser cache may keep.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/fhir/')) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
  });
}

/**
 * Requests per minute: per account once signed in, per client address before (login, health).
 * An address is not limited as such when signed in: a township's staff share one NAT address.
 * Static files of the web app are not limited.
 * 429 RATE_LIMITED with Retry-After. `rateLimitPerMinute: 0` turns it off (benchmarks, tests).
 */
export async function installRateLimit(app: FastifyInstance, config: Pick<Config, 'rateLimitPerMinute'>): Promise<void> {
  if (config.rateLimitPerMinute === 0) return;
  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => (req.actor ? `account:${req.actor.userId}` : `address:${req.ip}`),
    // The API only: the web app's static files carry no session, so they would count against the
    // address, and a township behind one NAT address opening the app would be refused its own scripts.
    allowList: (req) => !req.url.startsWith('/api/') && !req.url.startsWith('/fhir/'),
    errorResponseBuilder: (req, context) =>
      new DomainError('RATE_LIMITED', `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`, { retryAfterSeconds: Math.ceil(context.ttl / 1000), limitPerMinute: context.max, by: req.actor ? 'account' : 'address' }),
  });
}
