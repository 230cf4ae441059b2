import type { BreakGlassView } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';

const OUTCOME = `coalesce(g.review_outcome, 'pending')`;

/**
 * Break-the-glass grants of one community (one shard on Citus) with the reads audited under each
 * (read-audit.ts writes `details.grantId`), pending first, then newest; or the one `grantId`.
 */
export async function listBreakGlass(sql: Sql, communityId: string, outcome: string | null, grantId: string | null = null): Promise<BreakGlassView[]> {
  return (await sql.query<BreakGlassView>(
    `select g.id, g.community_id as "communityId", g.resident_id as "residentId", r.name as "residentName", o.name as "organizationName",
            g.grantee_id as "granteeId", g.grantee_username as "granteeUsername", g.reason, g.status, g.requested_at as "requestedAt", g.expires_at as "expiresAt",
            count(a.id)::int as reads, max(a.at) as "lastReadAt", ${OUTCOME} as outcome, g.review_note as note,
            g.reviewed_by_username as "reviewedBy", g.reviewed_at as "reviewedAt"
       from access_grant g
       join resident r on r.community_id = g.community_id and r.id = g.resident_id
       join organization o on o.community_id = r.community_id and o.id = r.organization_id
       left join audit_log a on a.community_id = g.community_id and a.resident_id = g.resident_id and a.actor_id = g.grantee_id
                            and a.details->>'grantId' = g.id::text
      where g.community_id = $1 and g.break_glass
        and ($2::text is null or ${OUTCOME} = $2) and ($3::uuid is null or g.id = $3)
      group by g.community_id, g.id, r.name, o.name
      order by (g.review_outcome is null) desc, g.requested_at desc
      limit 500`,
    [communityId, outcome, grantId],
  )).rows;
}

export async function countBreakGlass(sql: Sql, communityId: string): Promise<Record<'pending' | 'reviewed' | 'questioned', number>> {
  const { rows } = await sql.query<{ outcome: 'pending' | 'reviewed' | 'questioned'; n: number }>(
    `select ${OUTCOME} as outcome, count(*)::int as n
       from access_grant g
      where g.community_id = $1 and g.break_glass
      group by 1`,
    [communityId],
  );
  const counts = { pending: 0, reviewed: 0, questioned: 0 };
  for (const r of rows) counts[r.outcome] = r.n;
  return counts;
}

export async function findBreakGlass(sql: Sql, communityId: string, grantId: string): Promise<{ residentId: string; outcome: string | null; note: string | null } | null> {
  return (await sql.query<{ residentId: string; outcome: string | null; note: string | null }>(
    `select resident_id as "residentId", review_outcome as outcome, review_note as note
       from access_grant where community_id = $1 and id = $2 and break_glass for update`,
    [communityId, grantId],
  )).rows[0] ?? null;
}

export async function setReview(sql: Sql, communityId: string, grantId: string, r: { outcome: string; note: string; by: string; byUsername: string; at: Date }): Promise<void> {
  await sql.query(
    `update access_grant set review_outcome = $3, review_note = $4, reviewed_by = $5, reviewed_by_username = $6, reviewed_at = $7
      where community_id = $1 and id = $2`,
    [communityId, grantId, r.outcome, r.note || null, r.by, r.byUsername, r.at],
  );
}
