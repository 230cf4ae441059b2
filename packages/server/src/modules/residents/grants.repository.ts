import type { GrantView } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';

const SELECT = `
  select g.id, g.community_id as "communityId", g.resident_id as "residentId", r.name as "residentName", g.grantee_id as "granteeId",
         g.grantee_username as "granteeUsername", g.reason, g.status, g.requested_at as "requestedAt", g.expires_at as "expiresAt"
    from access_grant g join resident r on r.community_id = g.community_id and r.id = g.resident_id`;

/** The grantee's active grant for a resident, if any (the latest, should there be several). */
export async function activeGrant(sql: Sql, communityId: string, residentId: string, granteeId: string, now: Date): Promise<{ id: string; breakGlass: boolean } | null> {
  return (await sql.query<{ id: string; breakGlass: boolean }>(
    `select id, break_glass as "breakGlass" from access_grant
      where community_id = $1 and resident_id = $2 and grantee_id = $3 and status = 'active' and expires_at > $4
      order by requested_at desc limit 1`,
    [communityId, residentId, granteeId, now],
  )).rows[0] ?? null;
}

export async function insertGrant(sql: Sql, g: { communityId: string; id: string; residentId: string; granteeId: string; granteeUsername: string; reason: string; status: string; now: Date; expiresAt: Date; breakGlass: boolean }): Promise<void> {
  await sql.query(
    `insert into access_grant (community_id, id, resident_id, grantee_id, grantee_username, reason, status, requested_at, expires_at, break_glass)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [g.communityId, g.id, g.residentId, g.granteeId, g.granteeUsername, g.reason, g.status, g.now, g.expiresAt, g.breakGlass],
  );
}

export async function findGrant(sql: Sql, communityId: string, id: string): Promise<(GrantView & { regionCode: string }) | null> {
  return (await sql.query<GrantView & { regionCode: string }>(
    `${SELECT.replace('from access_grant g', ', c.region_code as "regionCode" from access_grant g join community c on c.community_id = g.community_id')}
      where g.community_id = $1 and g.id = $2`, [communityId, id])).rows[0] ?? null;
}

/**
 * Which community a grant belongs to (the resident's), for callers whose scope spans several; with
 * `granteeId`, only a grant that user asked for (a grantee may work in another community). No lock.
 */
export async function grantCommunity(sql: Sql, id: string, granteeId: string | null = null): Promise<string | null> {
  return (await sql.query<{ community_id: string }>(
    'select community_id from access_grant where id = $1 and ($2::uuid is null or grantee_id = $2)', [id, granteeId])).rows[0]?.community_id ?? null;
}

export async function setGrantStatus(sql: Sql, communityId: string, id: string, status: string, by: string, now: Date, expiresAt?: Date): Promise<void> {
  await sql.query(
    `update access_grant set status = $3, decided_by = $4, decided_at = $5, expires_at = coalesce($6, expires_at) where community_id = $1 and id = $2`,
    [communityId, id, status, by, now, expiresAt ?? null],
  );
}

/** Grants the actor asked for, plus those in communities the actor may approve for. */
export async function listGrants(sql: Sql, granteeId: string, approvable: { communityIds: readonly string[] | null; regionPrefix: string | null } | null, status: string | null): Promise<GrantView[]> {
  return (await sql.query<GrantView>(
    `${SELECT} join community c on c.community_id = g.community_id
      where (g.grantee_id = $1 or ($2::boolean and ($3::uuid[] is null or g.community_id = any($3)) and ($4::text is null or c.region_code like $4 || '%')))
        and ($5::text is null or g.status = $5)
      order by g.requested_at desc limit 500`,
    [granteeId, approvable !== null, approvable?.communityIds ?? null, approvable?.regionPrefix ?? null, status],
  )).rows;
}
