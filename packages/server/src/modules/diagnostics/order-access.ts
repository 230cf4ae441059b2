import { DomainError, type Actor, type OrderSide } from '@yigong/domain';
import { communityForId } from '../../platform/db/id-communities.ts';
import { requirePermission } from '../../platform/auth/authorize.ts';
import { noteResidentRead } from '../../platform/audit/read-audit.ts';
import type { Sql } from '../../platform/db/database.ts';
import * as repo from './order.repository.ts';

/**
 * The caller's sides of an order (docs/domain/diagnostics.md "Order states"): the ordering unit
 * (its own home unit — a lead-hospital doctor whose scope spans the community is not the village
 * clinic) and the performing centre (its reading doctors and clinicians at the centre's unit).
 * A community manager acts for the ordering side (it may cancel, as the coordinator).
 */
export function sidesOf(actor: Actor, o: Pick<repo.OrderRow, 'community_id' | 'ordering_organization_id' | 'performing_organization_id'>): OrderSide[] {
  const sides: OrderSide[] = [];
  if (actor.organizationId === o.ordering_organization_id) sides.push('orderer');
  else if (actor.role === 'manager' && actor.scope.kind === 'community' && actor.scope.communityId === o.community_id) sides.push('orderer');
  if (actor.organizationId === o.performing_organization_id && (actor.role === 'reader' || actor.role === 'clinician')) sides.push('centre');
  return sides;
}

/**
 * An order the actor may see — its ordering or performing unit inside the actor's scope — or 404
 * (never fetch-then-403: an id outside scope does not exist for the caller). The resident's data
 * is noted as read for the route's audit.
 */
export async function requireOrder(sql: Sql, actor: Actor, id: string, forUpdate = false): Promise<repo.OrderRow> {
  const f = requirePermission(actor, 'diagnostics.read');
  const communityId = await communityForId(actor, id, () => repo.orderCommunity(sql, id));
  const o = communityId ? await repo.findOrder(sql, communityId, id, forUpdate) : null;
  const visible = !!o && (f.communityIds === null || f.communityIds.includes(o.community_id))
    && (f.organizationIds === null || f.organizationIds.includes(o.ordering_organization_id) || f.organizationIds.includes(o.performing_organization_id));
  if (!o || !visible) throw new DomainError('NOT_FOUND', '检查单不存在或不在您的范围内');
  noteResidentRead({ communityId: o.community_id, residentId: o.resident_id, resourceId: o.id, access: f.organizationIds === null ? 'scope' : 'party' });
  return o;
}
