import type { FastifyReply, FastifyRequest } from 'fastify';
import { requirePermission } from '../../platform/auth/authorize.ts';
import type { Actor } from '@yigong/domain';
import { subscribeCritical } from './critical-bus.ts';
import { audienceOf, concerns } from './critical-value.service.ts';

const HEARTBEAT_MS = 25_000;
/** The open streams, ended when the server closes (they would keep it from closing). */
const open = new Set<() => void>();

export function closeCriticalStreams(): void {
  for (const end of [...open]) end();
}

/**
 * GET /critical-values/stream: server-sent events for the caller — `event: critical` with
 * `{id, kind, stage}` whenever a critical value concerning the caller is raised, escalated or
 * acknowledged (the web then re-reads its list), a comment line every 25 s to keep proxies open.
 * The web reads it with fetch (the session is a bearer header, which EventSource cannot send).
 */
export function criticalValueStream(actor: Actor, req: FastifyRequest, reply: FastifyReply): void {
  requirePermission(actor, 'critical.ack');
  const audience = audienceOf(actor);
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.write(': connected\n\n');
  const unsubscribe = subscribeCritical((s) => {
    if (!audience || !concerns(audience, s)) return;
    res.write(`event: critical\ndata: ${JSON.stringify({ id: s.id, kind: s.kind, stage: s.stage })}\n\n`);
  });
  const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  beat.unref();
  const close = () => {
    clearInterval(beat);
    unsubscribe();
    open.delete(end);
  };
  const end = () => {
    close();
    res.end();
  };
  open.add(end);
  req.raw.on('close', close);
  res.on('error', close);
}
