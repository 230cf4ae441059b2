import type { AuditEntry } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';

export interface AuditFilter {
  communityIds: readonly string[] | null;
  regionPrefix: string | null;
  /** Include community-less events (logins, accounts): admins only, and not with a resident filter. */
  includePlatform: boolean;
  residentId: string | null;
  actorId: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
  /** Keyset cursor: rows strictly older than (at, key). */
  before: { at: string; key: string } | null;
  limit: number;
}

/** Community audit rows and (for admins) platform rows, newest first. */
export async function searchAudit(sql: Sql, f: AuditFilter): Promise<(AuditEntry & { key: string })[]> {
  const { rows } = await sql.query<AuditEntry & { key: string }>(
    `select * from (
       select a.id::text, a.at, a.community_id as "communityId", a.actor_id as "actorId", a.username, a.role, a.organization_id as "organizationId",
              a.action, a.resource_type as "resourceType", a.resource_id as "resourceId", a.resident_id as "residentId", a.purpose, a.details,
              'c' || lpad(a.id::text, 19, '0') as key,
              (select r.name from resident r where r.community_id = a.community_id and r.id = a.resident_id limit 1) as "residentName",
              (select o.name from organization o where o.community_id = a.community_id and o.id = a.organization_id) as "organizationName"
         from audit_log a join community c on c.community_id = a.community_id
        where ($1::uuid[] is null or a.community_id = any($1)) and ($2::text is null or c.region_code like $2 || '%')
          and ($4::uuid is null or a.resident_id = $4)
       union all
       select p.id::text, p.at, null, p.actor_id, p.username, p.role, p.organization_id, p.action, p.resource_type, p.resource_id, null, p.purpose, p.details,
              'p' || lpad(p.id::text, 19, '0'), null, null
         from platform_audit_log p
        where $3::boolean and $4::uuid is null
     ) x
     where ($5::uuid is null or x."actorId" = $5) and ($6::text is null or x.action like $6 || '%')
       and ($7::timestamptz is null or x.at >= $7) and ($8::timestamptz is null or x.at < $8)
       and ($9::timestamptz is null or (x.at, x.key) < ($9, $10::text))
     order by x.at desc, x.key desc limit $11`,
    [f.communityIds, f.regionPrefix, f.includePlatform, f.residentId, f.actorId, f.action, f.from, f.to, f.before?.at ?? null, f.before?.key ?? null, f.limit],
  );
  return rows;
}
