import { DomainError, candidatePair, scopeCommunity, scopeFilter, type Actor } from '@yigong/domain';
import type { CandidateView, ResolveCandidateRequest, TransferRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { communityRegion, findOrganizationRef } from '../org/index.ts';
import * as repo from './residents.repository.ts';
import * as moves from './record-moves.repository.ts';
import { refreshSigningRates } from '../rate-summaries/index.ts';
import { requireResidentAccess } from './residents.service.ts';
import { toListItem } from './resident-view.ts';

/**
 * Moves a resident's record to another community (迁移, 一人一档一属地): the source community's
 * manager (or an admin) hands it over; both communities get an audit row.
 */
export async function transferResident(ctx: AppContext, actor: Actor, id: string, input: TransferRequest) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireResidentAccess(tx, actor, id, 'resident.transfer', ctx.clock.now());
    if (row.status !== 'active') throw new DomainError('CONFLICT', '档案已迁出或合并');
    if (input.toCommunityId === row.community_id) throw new DomainError('VALIDATION_FAILED', '目标医共体与当前相同，请修改管理机构即可', { field: 'toCommunityId' });
    const region = await communityRegion(tx, input.toCommunityId);
    if (!region) throw new DomainError('VALIDATION_FAILED', '目标医共体不存在', { field: 'toCommunityId' });
    if (!(await findOrganizationRef(tx, input.toCommunityId, input.toOrganizationId))) throw new DomainError('VALIDATION_FAILED', '目标机构不属于目标医共体', { field: 'toOrganizationId' });
    const clash = (await repo.findByIdHash(tx, row.id_number_hash)).find((h) => h.community_id === input.toCommunityId);
    if (clash) throw new DomainError('RESIDENT_EXISTS', '目标医共体已有该居民的档案', { residentId: clash.id, communityId: input.toCommunityId });
    await moves.copyRecordToCommunity(tx, row.community_id, input.toCommunityId, id, input.toOrganizationId);
    await refreshSigningRates(tx, row.community_id, [id]);
    await refreshSigningRates(tx, input.toCommunityId, [id]);
    const details = { from: row.community_id, to: input.toCommunityId, toOrganizationId: input.toOrganizationId, reason: input.reason };
    await recordAudit(tx, actor, { communityId: row.community_id, action: 'resident.transfer_out', resourceType: 'resident', resourceId: id, residentId: id, purpose: input.reason, details });
    await recordAudit(tx, actor, { communityId: input.toCommunityId, action: 'resident.transfer_in', resourceType: 'resident', resourceId: id, residentId: id, purpose: input.reason, details });
    return { id, communityId: input.toCommunityId, organizationId: input.toOrganizationId, status: 'active' as const, previousCommunityId: row.community_id };
  });
}

export async function listCandidates(ctx: AppContext, actor: Actor, status: 'open' | 'linked' | 'kept_apart'): Promise<CandidateView[]> {
  const f = scopeFilter(actor, 'resident.candidates');
  if (f.communityIds && !f.communityIds.length) throw new DomainError('FORBIDDEN', '当前角色无权处理重复档案');
  const rows = await moves.listCandidates(ctx.db, f.communityIds, f.regionPrefix, status);
  const today = businessDate(ctx.clock);
  // Both sides of every pair, one statement per community (not per pair).
  const residents = new Map<string, Map<string, repo.ResidentRow>>();
  for (const communityId of new Set(rows.map((c) => c.community_id))) {
    const pairs = rows.filter((c) => c.community_id === communityId);
    residents.set(communityId, await repo.findResidents(ctx.db, communityId, pairs.flatMap((c) => [c.resident_a, c.resident_b])));
  }
  const out: CandidateView[] = [];
  for (const c of rows) {
    const a = residents.get(c.community_id)?.get(c.resident_a);
    const b = residents.get(c.community_id)?.get(c.resident_b);
    if (!a || !b) continue;
    out.push({ communityId: c.community_id, status: c.status, createdAt: c.created_at.toISOString(), a: toListItem(a, actor, ctx.cipher, today), b: toListItem(b, actor, ctx.cipher, today) });
  }
  return out;
}

/** Resolves a candidate pair: link (merge into the survivor) or keep apart (remembered). */
export async function resolveCandidate(ctx: AppContext, actor: Actor, input: ResolveCandidateRequest) {
  const [a, b] = candidatePair(input.residentA, input.residentB);
  return ctx.db.transaction(async (tx) => {
    const communityId = scopeCommunity(actor) ?? (await moves.candidateCommunity(tx, a, b));
    const c = communityId ? await moves.findCandidate(tx, communityId, a, b) : null;
    if (!c) throw new DomainError('NOT_FOUND', '没有这对疑似重复档案');
    authorize(actor, 'resident.candidates', { communityId: c.community_id, regionCode: await communityRegion(tx, c.community_id) });
    if (c.status !== 'open') throw new DomainError('CONFLICT', '该对档案已处理', { status: c.status });
    if (input.resolution === 'linked') {
      const survivor = input.survivorId ?? a;
      if (survivor !== a && survivor !== b) throw new DomainError('VALIDATION_FAILED', '保留的档案须是这对中的一份', { field: 'survivorId' });
      const loser = survivor === a ? b : a;
      await moves.mergeResident(tx, c.community_id, survivor, loser);
      await refreshSigningRates(tx, c.community_id, [survivor, loser]);
      await recordAudit(tx, actor, { communityId: c.community_id, action: 'resident.merge', resourceType: 'resident', resourceId: survivor, residentId: survivor, details: { merged: loser } });
      await recordAudit(tx, actor, { communityId: c.community_id, action: 'resident.merge', resourceType: 'resident', resourceId: loser, residentId: loser, details: { into: survivor } });
    } else {
      await recordAudit(tx, actor, { communityId: c.community_id, action: 'resident.keep_apart', resourceType: 'duplicate_candidate', resourceId: `${a}:${b}`, residentId: a, details: { other: b } });
    }
    await moves.resolveCandidate(tx, c, input.resolution, actor.userId);
    return { residentA: a, residentB: b, status: input.resolution };
  });
}
