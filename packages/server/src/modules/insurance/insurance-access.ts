import { DomainError, type Action, type Actor } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { communityRegion } from '../org/index.ts';

/** Budgets, policies and settlements belong to a community as a whole: checks the caller may `action` on it. */
export async function authorizeCommunity(sql: Sql, actor: Actor, action: Action, communityId: string): Promise<void> {
  const region = await communityRegion(sql, communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  authorize(actor, action, { communityId, regionCode: region });
}
