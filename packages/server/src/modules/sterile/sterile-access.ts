import { DomainError, type Actor } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';
import { requirePermission, requireCommunityPermission } from '../../platform/auth/authorize.ts';
import { findCentre, type CentreRow } from './centre.repository.ts';

/**
 * Who works for the centre (docs/domain/sterile-supply.md "Who does what"): clinicians and
 * managers of the centre's own unit, and the community's manager. A lead-hospital doctor whose
 * scope spans the community is the centre only when the lead hospital is their home unit.
 */
export function isCentreStaff(actor: Actor, centre: Pick<CentreRow, 'community_id' | 'organization_id'>): boolean {
  if (actor.role === 'manager' && actor.scope.kind === 'community' && actor.scope.communityId === centre.community_id) return true;
  return actor.organizationId === centre.organization_id && (actor.role === 'clinician' || actor.role === 'manager');
}

/** The community's centre, or 404 naming that there is none. */
export async function requireCentre(sql: Sql, communityId: string, forUpdate = false): Promise<CentreRow> {
  const c = await findCentre(sql, communityId, forUpdate);
  if (!c) throw new DomainError('NOT_FOUND', '本医共体尚未设置消毒供应中心');
  return c;
}

/** The centre's work needs `sterile.process` and a place at the centre. */
export function requireCentreStaff(actor: Actor, centre: CentreRow, what: string): void {
  requirePermission(actor, 'sterile.process');
  if (!isCentreStaff(actor, centre)) throw new DomainError('FORBIDDEN', `只有消毒供应中心（${centre.organization_name}）的人员可以${what}`);
}

/** Sterile supply is one community's work: a region-scoped account is refused (FORBIDDEN). */
export const sterileScope = (actor: Actor, action: 'sterile.read' | 'sterile.request' | 'sterile.process') => requireCommunityPermission(actor, action);
