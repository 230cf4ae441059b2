import type { Actor, Role, Scope } from '@yigong/domain';
import type { Sql } from '../db/database.ts';

export interface SessionRow {
  user_id: string;
  username: string;
  display_name: string;
  role: Role;
  scope_kind: Scope['kind'];
  community_id: string | null;
  organization_id: string | null;
  region_code: string | null;
  resident_id: string | null;
  expires_at: Date;
  org_ids: string[] | null;
}

/**
 * Resolves a session token hash to its account and, for organisation scope, the organisation's
 * subtree — in one round trip. Expired or revoked sessions and disabled accounts resolve to null.
 */
export async function findActiveSession(sql: Sql, tokenHash: string, now: Date): Promise<SessionRow | null> {
  const { rows } = await sql.query<SessionRow>(
    `with recursive s as (
       select u.id as user_id, u.username, u.display_name, u.role, u.scope_kind, u.community_id, u.organization_id,
              u.region_code, u.resident_id, se.expires_at
         from session se join app_user u on u.id = se.user_id
        where se.token_hash = $1 and se.revoked_at is null and se.expires_at > $2 and not u.disabled
     ), sub as (
       select o.community_id, o.id from organization o join s on o.community_id = s.community_id and o.id = s.organization_id
        where s.scope_kind = 'organization'
       union
       select o.community_id, o.id from organization o join sub on o.community_id = sub.community_id and o.parent_id = sub.id
     )
     select s.*, (select array_agg(id::text) from sub) as org_ids from s`,
    [tokenHash, now],
  );
  return rows[0] ?? null;
}

/** Stamps activity at most once a minute per session, so reads do not each cost a write. */
export async function touchSession(sql: Sql, tokenHash: string, now: Date): Promise<void> {
  await sql.query(`update session set last_seen_at = $2 where token_hash = $1 and last_seen_at < $2::timestamptz - interval '1 minute'`, [tokenHash, now]);
}

export function actorFromSession(r: SessionRow): Actor {
  const scope: Scope =
    r.scope_kind === 'region'
      ? { kind: 'region', regionCode: r.region_code! }
      : r.scope_kind === 'community'
        ? { kind: 'community', communityId: r.community_id! }
        : { kind: 'organization', communityId: r.community_id!, organizationId: r.organization_id! };
  return {
    userId: r.user_id,
    username: r.username,
    role: r.role,
    organizationId: r.organization_id,
    scope,
    organizationIds: r.org_ids ?? [],
    residentId: r.resident_id,
  };
}
