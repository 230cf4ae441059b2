import { DomainError, type Action, type Actor } from '@yigong/domain';
import type { AppContext } from '../../platform/context.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { cachedCommunityRegion } from '../org/index.ts';

/** Budgets, policies and settlements belong to a community as a whole: checks the caller may `action` on it. */
export async function authorizeCommunity(ctx: AppContext, actor: Actor, action: Action, communityId: string): Promise<void> {
  const region = await cachedCommunityRegion(ctx, communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  authorize(actor, action, { communityId, regionCode: region });
}
