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
  last_seen_at: Date;
  org_ids: string[] | null;
}

/**
 * Resolves a session token hash to its account and, for organisation scope, the organisation's
 * subtree. Expired or revoked sessions and disabled accounts resolve to null. The subtree is a
 * second query with the community as a constant: Citus plans a recursive query on a distributed
 * table only when it filters on `community_id`.
 */
export async function findActiveSession(sql: Sql, tokenHash: string, now: Date): Promise<SessionRow | null> {
  const { rows } = await sql.query<SessionRow>(
    `select u.id as user_id, u.username, u.display_name, u.role, u.scope_kind, u.community_id, u.organization_id,
            u.region_code, u.resident_id, se.expires_at, se.last_seen_at, null::text[] as org_ids
       from session se join app_user u on u.id = se.user_id
      where se.token_hash = $1 and se.revoked_at is null and se.expires_at > $2 and not u.disabled`,
    [tokenHash, now],
  );
  const row = rows[0];
  if (!row || row.scope_kind !== 'organization' || !row.community_id || !row.organization_id) return row ?? null;
  const sub = await sql.query<{ id: string }>(
    `with recursive sub as (
       select o.id from organization o where o.community_id = $1 and o.id = $2
       union
       select o.id from organization o join sub on o.community_id = $1 and o.parent_id = sub.id
     )
     select id::text as id from sub`,
    [row.community_id, row.organization_id],
  );
  return { ...row, org_ids: sub.rows.map((r) => r.id) };
}

/** Stamps many sessions' activity in one statement; a stamp never moves back. */
export async function touchSessions(sql: Sql, tokenHashes: readonly string[], at: readonly Date[]): Promise<void> {
  await sql.query(
    `update session s set last_seen_at = t.at
       from unnest($1::text[], $2::timestamptz[]) as t(token_hash, at)
      where s.token_hash = t.token_hash and s.last_seen_at < t.at`,
    [tokenHashes, at],
  );
}

export function actorFromSession(r: Omit<SessionRow, 'last_seen_at'>): Actor {
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
