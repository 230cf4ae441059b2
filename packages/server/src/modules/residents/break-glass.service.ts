import { DomainError, type Actor } from '@yigong/domain';
import type { BreakGlassQuery, BreakGlassReviewRequest, BreakGlassView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { authorize, requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { communityRegion } from '../org/index.ts';
import { communityForId } from '../../platform/db/id-communities.ts';
import { grantCommunity } from './grants.repository.ts';
import * as repo from './break-glass.repository.ts';

/**
 * The review queue of break-the-glass reads (紧急调阅复核, docs/SECURITY.md "Break-glass review"):
 * every grant a doctor opened on the spot in their own community, with the reads made under it,
 * pending first, for the community's manager to mark reviewed (justified) or questioned.
 */
export async function listBreakGlass(ctx: AppContext, actor: Actor, q: BreakGlassQuery): Promise<{ items: BreakGlassView[]; counts: Record<'pending' | 'reviewed' | 'questioned', number> }> {
  requirePermission(actor, 'grant.review');
  authorize(actor, 'grant.review', { communityId: q.communityId, regionCode: await communityRegion(ctx.db, q.communityId) });
  const [items, counts] = await Promise.all([
    repo.listBreakGlass(ctx.db, q.communityId, q.outcome ?? null),
    repo.countBreakGlass(ctx.db, q.communityId),
  ]);
  return { items, counts };
}

/**
 * Records the review. Idempotent: the same outcome and note again answer as before; a different
 * one on a reviewed grant is a conflict (a review is not silently rewritten — it is audited once).
 */
export async function reviewBreakGlass(ctx: AppContext, actor: Actor, grantId: string, input: BreakGlassReviewRequest): Promise<BreakGlassView> {
  requirePermission(actor, 'grant.review');
  const communityId = await communityForId(actor, grantId, () => grantCommunity(ctx.db, grantId));
  if (!communityId) throw new DomainError('NOT_FOUND', '紧急调阅记录不存在');
  const regionCode = await communityRegion(ctx.db, communityId);
  authorize(actor, 'grant.review', { communityId, regionCode });
  await ctx.db.transaction(async (tx) => {
    const g = await repo.findBreakGlass(tx, communityId, grantId);
    if (!g) throw new DomainError('NOT_FOUND', '紧急调阅记录不存在');
    if (g.outcome) {
      if (g.outcome === input.outcome && (g.note ?? '') === input.note) return;
      throw new DomainError('CONFLICT', '该紧急调阅已复核', { outcome: g.outcome });
    }
    await repo.setReview(tx, communityId, grantId, { outcome: input.outcome, note: input.note, by: actor.userId, byUsername: actor.username, at: ctx.clock.now() });
    await recordAudit(tx, actor, {
      communityId, action: `grant.review_${input.outcome}`, resourceType: 'access_grant', resourceId: grantId, residentId: g.residentId,
      ...(input.note ? { details: { note: input.note } } : {}),
    });
  });
  return (await repo.listBreakGlass(ctx.db, communityId, null, grantId))[0]!;
}
