import { DomainError, type Actor } from '@yigong/domain';
import { requirePermission } from '../../platform/auth/authorize.ts';
import type { AuditEntry, AuditQuery } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import * as repo from './audit.repository.ts';

/** A plain date bound means the whole day in Asia/Shanghai. */
function bound(v: string | undefined, end: boolean): string | null {
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    // The day's start as PostgreSQL reads it: converted here, 0001-01-01 in Shanghai would be
    // written as year 0000 in UTC, which PostgreSQL has no name for (a 500, found by the fuzz suite).
    const start = `${v}T00:00:00+08:00`;
    return end ? new Date(Date.parse(start) + 86_400_000).toISOString() : start;
  }
  return v;
}

function cursorOf(c: string | undefined): { at: string; key: string } | null {
  if (!c) return null;
  const [at, key] = Buffer.from(c, 'base64url').toString().split('|');
  // Exactly what nextCursor holds (an ISO timestamp, not in year 0000, and a c/p-prefixed key): anything else is a 400, not a 500 from the cast.
  if (!at || !key || !/^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/.test(at) || Number.isNaN(Date.parse(at)) || !/^[a-z]\d{19}$/.test(key)) throw new DomainError('VALIDATION_FAILED', '分页游标无效', { field: 'cursor' });
  return { at, key };
}

/** Searches the audit trail: admins everywhere in their region, managers within their community. */
export async function searchAudit(ctx: AppContext, actor: Actor, q: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const f = requirePermission(actor, 'audit.read');
  let communityIds = f.communityIds;
  if (q.communityId) {
    if (communityIds && !communityIds.includes(q.communityId)) throw new DomainError('OUT_OF_SCOPE', '超出您的数据范围');
    communityIds = [q.communityId];
  }
  const rows = await repo.searchAudit(ctx.db, {
    communityIds, regionPrefix: f.regionPrefix, includePlatform: actor.role === 'admin' && !q.communityId,
    residentId: q.residentId ?? null, actorId: q.actorId ?? null, action: q.action ?? null,
    from: bound(q.from, false), to: bound(q.to, true), before: cursorOf(q.cursor), limit: q.limit + 1,
  });
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map(({ key: _key, ...e }) => ({ ...e, at: new Date(e.at).toISOString() })),
    nextCursor: more && last ? Buffer.from(`${new Date(last.at).toISOString()}|${last.key}`).toString('base64url') : null,
  };
}

/** A resident's access log (who read or changed the record), for those who may read it in scope. */
export async function residentAccessLog(ctx: AppContext, residentCommunityId: string, residentId: string): Promise<AuditEntry[]> {
  const rows = await repo.searchAudit(ctx.db, {
    communityIds: [residentCommunityId], regionPrefix: null, includePlatform: false, residentId, actorId: null, action: null,
    from: null, to: null, before: null, limit: 500,
  });
  return rows.map(({ key: _key, ...e }) => ({ ...e, at: new Date(e.at).toISOString() }));
}
