import { randomUUID } from 'node:crypto';
import { DomainError, can, hasPermission, scopeCommunity, scopeFilter, type Actor } from '@yigong/domain';
import type { GrantRequest, GrantView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { findResident } from './residents.repository.ts';
import * as repo from './grants.repository.ts';

export function activeGrant(sql: Sql, communityId: string, residentId: string, granteeId: string, now: Date): Promise<{ id: string; breakGlass: boolean } | null> {
  return repo.activeGrant(sql, communityId, residentId, granteeId, now);
}

/**
 * Requests access to a record outside one's scope (授权调阅). Within the actor's own community it
 * is a documented break-the-glass read: active at once, with a reason and a time limit, and every
 * read shows in the resident's access log. Across communities it waits for that community's
 * manager or an admin.
 */
export async function requestGrant(ctx: AppContext, actor: Actor, input: GrantRequest): Promise<GrantView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const r = await findResident(tx, input.communityId, input.residentId);
    if (!r || r.status !== 'active') throw new DomainError('NOT_FOUND', '居民档案不存在');
    authorize(actor, 'grant.request', { communityId: actor.scope.kind === 'region' ? r.community_id : actor.scope.communityId, regionCode: r.region_code });
    if (can(actor, 'resident.read', { communityId: r.community_id, organizationId: r.organization_id, regionCode: r.region_code })) {
      throw new DomainError('VALIDATION_FAILED', '该居民在您的管辖范围内，无需申请授权');
    }
    if (await repo.activeGrant(tx, r.community_id, r.id, actor.userId, now)) throw new DomainError('CONFLICT', '您已有该居民的有效授权');
    const sameCommunity = actor.scope.kind !== 'region' && actor.scope.communityId === r.community_id;
    const id = randomUUID();
    await repo.insertGrant(tx, {
      communityId: r.community_id, id, residentId: r.id, granteeId: actor.userId, granteeUsername: actor.username, reason: input.reason,
      status: sameCommunity ? 'active' : 'pending', now, expiresAt: new Date(now.getTime() + input.hours * 3_600_000), breakGlass: sameCommunity,
    });
    await recordAudit(tx, actor, {
      communityId: r.community_id, action: sameCommunity ? 'grant.break_glass' : 'grant.request', resourceType: 'access_grant', resourceId: id,
      residentId: r.id, purpose: input.reason, details: { hours: input.hours },
    });
    return (await repo.findGrant(tx, r.community_id, id))!;
  });
}

/**
 * A grant by id, read in the caller's community (one shard on Citus), or for a region scope in the
 * grant's. A grant lives in the resident's community while its grantee may work in another: the
 * grantee's own grants are found there too (to revoke them). Any other grant outside the caller's
 * community is not found.
 */
async function requireGrant(sql: Sql, actor: Actor, id: string) {
  const own = scopeCommunity(actor);
  const communityId = own ?? (await repo.grantCommunity(sql, id));
  let g = communityId ? await repo.findGrant(sql, communityId, id) : null;
  if (!g && own) {
    const theirs = await repo.grantCommunity(sql, id, actor.userId);
    if (theirs && theirs !== own) g = await repo.findGrant(sql, theirs, id);
  }
  if (!g) throw new DomainError('NOT_FOUND', '授权不存在');
  return g;
}

export async function decideGrant(ctx: AppContext, actor: Actor, id: string, decision: 'approve' | 'reject' | 'revoke'): Promise<GrantView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const g = await requireGrant(tx, actor, id);
    const ownRevoke = decision === 'revoke' && g.granteeId === actor.userId;
    if (!ownRevoke) authorize(actor, 'grant.approve', { communityId: g.communityId, regionCode: g.regionCode });
    const from = decision === 'revoke' ? ['active', 'pending'] : ['pending'];
    if (!from.includes(g.status)) throw new DomainError('CONFLICT', `授权当前状态为 ${g.status}，不能${decision === 'revoke' ? '撤销' : '审批'}`, { status: g.status });
    const status = decision === 'approve' ? 'active' : decision === 'reject' ? 'rejected' : 'revoked';
    // An approved grant runs for its requested length from the approval, not from the request.
    const expiresAt = decision === 'approve' ? new Date(now.getTime() + (Date.parse(g.expiresAt) - Date.parse(g.requestedAt))) : undefined;
    await repo.setGrantStatus(tx, g.communityId, id, status, actor.userId, now, expiresAt);
    await recordAudit(tx, actor, { communityId: g.communityId, action: `grant.${decision}`, resourceType: 'access_grant', resourceId: id, residentId: g.residentId });
    return (await repo.findGrant(tx, g.communityId, id))!;
  });
}

export function listGrants(ctx: AppContext, actor: Actor, status: string | null): Promise<GrantView[]> {
  const approvable = hasPermission(actor.role, 'grant.approve') ? scopeFilter(actor, 'grant.approve') : null;
  return repo.listGrants(ctx.db, actor.userId, approvable, status);
}
