import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, type Actor } from '@yigong/domain';
import type { AppContext } from '../context.ts';
import { actorFromSession, findActiveSession } from './session.repository.ts';
import { SessionActivity, TOUCH_EVERY_MS } from './session-activity.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Queued session activity stamps (flushed every 30 s and on close). */
    sessionActivity: SessionActivity;
  }
  interface FastifyContextConfig {
    /** Route reachable without a session (health, login). */
    public?: boolean;
  }
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The caller, or 401: every non-public route starts here. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return req.actor;
}

/**
 * Resolves `Authorization: Bearer <token>` to an actor on every API request. Tokens are opaque;
 * only their SHA-256 is stored, so a database leak yields no usable session.
 */
export function installAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  const activity = new SessionActivity(ctx.db);
  app.decorate('sessionActivity', activity);
  app.addHook('onClose', async () => activity.flush());
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/v1/') && !req.url.startsWith('/fhir/')) return;
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header) : null;
    if (m) {
      const h = tokenHash(m[1]!);
      const now = ctx.clock.now();
      let row = ctx.sessions.get(h, now);
      if (!row) {
        row = await findActiveSession(ctx.db, h, now);
        if (row) ctx.sessions.set(h, row, now);
      }
      if (row) {
        req.actor = actorFromSession(row);
        activity.seen(h, row.last_seen_at, now);
        // The cached copy carries the queued stamp, so the next requests do not queue it again.
        if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) row.last_seen_at = now;
      }
    }
    if (!req.actor && !req.routeOptions.config?.public) {
      throw new DomainError('UNAUTHENTICATED', header ? '登录已失效，请重新登录' : '请先登录');
    }
  });
}
