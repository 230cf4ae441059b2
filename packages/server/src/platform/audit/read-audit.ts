import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { scopeCommunity } from '@yigong/domain';
import type { AppContext } from '../context.ts';
import { recordAudit } from './audit.ts';

/**
 * What a GET route reads about identified residents (docs/SECURITY.md "Audit by construction").
 * Every GET route of the API declares one; the app refuses to start otherwise, and a test walks
 * the OpenAPI description to check that no route returning resident data says `none`.
 * - `record`: one resident's data (a record, a referral, a contract). The service notes each
 *   resident it opened (requireResidentAccess does it for every read); the framework writes one
 *   audit row per resident before the body leaves, and a 2xx that noted none is refused (500).
 * - `list`: a page of residents (search, worklists): one row per request with the filter names
 *   (never their values, which may hold an ID number or a name) and the number of items.
 *   `reads.listInService` when the service writes a richer row itself in its own transaction
 *   (the encounter drill-down names the residents it showed): the framework then adds none.
 * - `none`: no identified resident (aggregates, the directory, reference data, one's own account).
 */
export type ReadDeclaration =
  | { reads: 'record'; action: string; resourceType: string }
  | { reads: 'list'; action: string; resourceType: string; writtenBy?: 'service' }
  | { reads: 'none'; why: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: ReadDeclaration;
  }
  interface FastifyRequest {
    residentReads: ResidentRead[] | null;
    listedItems: number | null;
    /** What a `record` route that serves two kinds of record read this time (`auditReadAs`). */
    readAuditAs: { action: string; resourceType: string } | null;
  }
  interface FastifyInstance {
    /** Each API route's read declaration, by `METHOD /path/{param}` as in the OpenAPI document. */
    readDeclarations: Map<string, ReadDeclaration | null>;
  }
}

/** How the caller came to see the record: its own scope, an access grant, its own account, or as a party to a referral. */
export type ReadAccess = 'scope' | 'grant' | 'own' | 'party';

export interface ResidentRead {
  communityId: string;
  residentId: string;
  access: ReadAccess;
  /** The record read when it is not the resident (a referral, a contract). */
  resourceId?: string;
  grantId?: string;
  /** The grant was a break-the-glass read in one's own community (listed for the manager's review). */
  breakGlass?: boolean;
}

const current = new AsyncLocalStorage<ResidentRead[]>();

/**
 * Notes that the current request opened a resident's data. Outside a `record` route (a write
 * checking access, a job) it does nothing: writes are audited by their services in their transaction.
 */
export function noteResidentRead(read: ResidentRead): void {
  current.getStore()?.push(read);
}

/**
 * For a `record` route that serves two kinds of record (FHIR `ServiceRequest/{id}`: a referral or a
 * diagnostic order): names the kind this request read, so its audit rows carry that action and
 * resource type instead of the route's declared ones.
 */
export function auditReadAs(req: FastifyRequest, action: string, resourceType: string): void {
  req.readAuditAs = { action, resourceType };
}

/** `GET /api/v1/residents/:id` → `GET /api/v1/residents/{id}` (the OpenAPI key). */
export function routeKey(method: string, url: string): string {
  return `${method} ${url.replace(/:(\w+)/g, '{$1}')}`;
}

function purposeOf(req: FastifyRequest, read: ResidentRead): string {
  const q = (req.query as { purpose?: unknown } | null)?.purpose;
  const header = req.headers['x-purpose'];
  const given = typeof q === 'string' ? q : typeof header === 'string' ? safeDecode(header) : null;
  return (given?.slice(0, 100) || null) ?? (read.access === 'grant' ? 'access_grant' : 'care');
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export function installReadAudit(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('residentReads', null);
  app.decorateRequest('listedItems', null);
  app.decorateRequest('readAuditAs', null);
  app.decorate('readDeclarations', new Map<string, ReadDeclaration | null>());
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/v1/') && !url.startsWith('/fhir/')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const declared = route.config?.audit ?? null;
      if (method === 'GET' && !declared && !route.config?.public && !route.schema?.hide) {
        throw new Error(`GET ${url} declares no read audit (config.audit): every read of resident data is audited by construction`);
      }
      app.readDeclarations.set(routeKey(method, url), declared);
    }
  });
  // The handler runs inside the request's store, however deep the service that notes the read.
  app.addHook('preHandler', (req, _reply, done) => {
    if (req.routeOptions.config.audit?.reads !== 'record') return done();
    const reads: ResidentRead[] = [];
    req.residentReads = reads;
    current.run(reads, done);
  });
  app.addHook('preSerialization', async (req, _reply, payload) => {
    if (req.routeOptions.config.audit?.reads === 'list') {
      const items = (payload as { items?: unknown; entry?: unknown } | null);
      const list = Array.isArray(items?.items) ? items.items : Array.isArray(items?.entry) ? items.entry : null;
      req.listedItems = list ? list.length : null;
    }
    return payload;
  });
  // Before the body leaves: a read that cannot be audited is not answered (fail closed).
  app.addHook('onSend', async (req, reply, payload) => {
    const decl = req.routeOptions.config.audit;
    if (!decl || decl.reads === 'none' || reply.statusCode >= 300 || !req.actor) return payload;
    const actor = req.actor;
    if (decl.reads === 'list') {
      if (decl.writtenBy === 'service') return payload;
      const communityId = scopeCommunity(actor) ?? (typeof (req.query as { communityId?: unknown }).communityId === 'string' ? (req.query as { communityId: string }).communityId : null);
      await recordAudit(ctx.db, actor, {
        communityId, action: decl.action, resourceType: decl.resourceType,
        details: { filters: Object.keys((req.query as object | null) ?? {}).sort(), items: req.listedItems },
      });
      return payload;
    }
    const reads = dedupe(req.residentReads ?? []);
    if (reads.length === 0) throw new Error(`${routeKey(req.method, req.routeOptions.url ?? '')} answered without noting the resident it read`);
    const { action, resourceType } = req.readAuditAs ?? decl;
    await ctx.db.transaction(async (tx) => {
      for (const r of reads) {
        await recordAudit(tx, actor, {
          communityId: r.communityId, action: r.access === 'grant' ? `${action}_granted` : action, resourceType,
          resourceId: r.resourceId ?? (req.params as { id?: string }).id ?? r.residentId, residentId: r.residentId, purpose: purposeOf(req, r),
          details: { access: r.access, ...(r.grantId ? { grantId: r.grantId } : {}), ...(r.breakGlass ? { breakGlass: true } : {}) },
        });
      }
    });
    return payload;
  });
}

/**
 * One row per resident: a route that opens a referral and then the resident's record (the slip)
 * read one thing. The grant is kept when either note has it (the reviewer must see it), and the
 * record's own id when one was noted.
 */
function dedupe(reads: ResidentRead[]): ResidentRead[] {
  const by = new Map<string, ResidentRead>();
  for (const r of reads) {
    const key = `${r.communityId}/${r.residentId}`;
    const seen = by.get(key);
    if (!seen) by.set(key, r);
    else by.set(key, { ...(r.access === 'grant' ? r : seen), resourceId: seen.resourceId ?? r.resourceId });
  }
  return [...by.values()];
}

/** Route config shorthands: `config: reads.record('chronic.read', 'chronic_enrollment')`. */
export const reads = {
  record: (action: string, resourceType: string) => ({ audit: { reads: 'record', action, resourceType } as ReadDeclaration }),
  list: (action: string, resourceType: string) => ({ audit: { reads: 'list', action, resourceType } as ReadDeclaration }),
  listInService: (action: string, resourceType: string) => ({ audit: { reads: 'list', action, resourceType, writtenBy: 'service' } as ReadDeclaration }),
  none: (why: string) => ({ audit: { reads: 'none', why } as ReadDeclaration }),
};
