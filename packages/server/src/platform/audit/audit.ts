import type { Actor } from '@yigong/domain';
import type { Sql } from '../db/database.ts';

export interface AuditEvent {
  /** null for events without a community (logins, account administration). */
  communityId: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  residentId?: string | null;
  purpose?: string | null;
  details?: unknown;
}

/** Who did it; an anonymous event (a failed login) names only the attempted username. */
export type AuditActor = Pick<Actor, 'userId' | 'username' | 'role' | 'organizationId'> | { userId: null; username: string; role: null; organizationId: null };

/**
 * Appends an audit row in the caller's transaction (STYLE.md: every meaningful write appends its
 * audit row in the same transaction; a rolled-back action leaves no audit row and vice versa).
 */
export async function recordAudit(tx: Sql, actor: AuditActor, e: AuditEvent): Promise<void> {
  const common = [actor.userId, actor.username, actor.role, actor.organizationId, e.action, e.resourceType, e.resourceId ?? null];
  if (e.communityId) {
    await tx.query(
      `insert into audit_log (community_id, actor_id, username, role, organization_id, action, resource_type, resource_id, resident_id, purpose, details)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [e.communityId, ...common, e.residentId ?? null, e.purpose ?? null, e.details === undefined ? null : JSON.stringify(e.details)],
    );
  } else {
    await tx.query(
      `insert into platform_audit_log (actor_id, username, role, organization_id, action, resource_type, resource_id, purpose, details)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [...common, e.purpose ?? null, e.details === undefined ? null : JSON.stringify(e.details)],
    );
  }
}
