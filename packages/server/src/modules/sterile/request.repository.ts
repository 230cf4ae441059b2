import type { SterileRequestStatus } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

export interface RequestLineRow {
  packType: string;
  quantity: number;
  delivered: number;
}

export interface RequestRow {
  community_id: string;
  id: string;
  centre_id: string;
  centre_organization_id: string;
  organization_id: string;
  organization_name: string;
  requester_name: string;
  status: SterileRequestStatus;
  needed_by: string | null;
  note: string | null;
  lines: RequestLineRow[];
  created_at: Date;
  delivered_at: Date | null;
  cancelled_at: Date | null;
}

const SELECT = `
  select r.community_id, r.id, r.centre_id, c.organization_id as centre_organization_id, r.organization_id, o.name as organization_name, r.requester_name,
         r.status, r.needed_by::text as needed_by, r.note, r.lines, r.created_at, r.delivered_at, r.cancelled_at
    from sterile_request r
    join sterile_centre c on c.community_id = r.community_id and c.id = r.centre_id
    join organization o on o.community_id = r.community_id and o.id = r.organization_id`;

export async function findRequest(sql: Sql, communityId: string, id: string, forUpdate = false): Promise<RequestRow | null> {
  if (forUpdate && !(await sql.query('select 1 from sterile_request where community_id = $1 and id = $2 for update', [communityId, id])).rowCount) return null;
  return (await sql.query<RequestRow>(`${SELECT} where r.community_id = $1 and r.id = $2`, [communityId, id])).rows[0] ?? null;
}

export interface RequestFilter {
  communityId: string;
  /** Visible when asked by one of these units or addressed to a centre at one of them (null: the whole community). */
  organizationIds: readonly string[] | null;
  requestedBy: string | null;
  centreOrganizationId: string | null;
  status: string | null;
  limit: number;
}

/** Open ones first, the earliest needed first, then newest. */
export async function listRequests(sql: Sql, f: RequestFilter): Promise<RequestRow[]> {
  return (await sql.query<RequestRow>(
    `${SELECT} where r.community_id = $1 and ($2::uuid[] is null or r.organization_id = any($2) or c.organization_id = any($2))
        and ($3::uuid is null or r.organization_id = $3) and ($4::uuid is null or c.organization_id = $4) and ($5::text is null or r.status = $5)
      order by (r.status in ('requested', 'partially_delivered')) desc, r.needed_by nulls last, r.created_at desc, r.id limit $6`,
    [f.communityId, f.organizationIds, f.requestedBy, f.centreOrganizationId, f.status, f.limit])).rows;
}

export async function insertRequest(sql: Sql, r: { communityId: string; id: string; centreId: string; organizationId: string; requesterId: string | null; requesterName: string; neededBy: string | null; note: string | null; lines: RequestLineRow[]; now: Date }): Promise<void> {
  await sql.query(
    `insert into sterile_request (community_id, id, centre_id, organization_id, requester_id, requester_name, status, needed_by, note, lines, created_at, updated_at)
     values ($1,$2,$3,$4,$5,$6,'requested',$7,$8,$9,$10,$10)`,
    [r.communityId, r.id, r.centreId, r.organizationId, r.requesterId, r.requesterName, r.neededBy, r.note, JSON.stringify(r.lines), r.now]);
}

export async function updateRequest(sql: Sql, communityId: string, id: string, set: { status: SterileRequestStatus; lines?: RequestLineRow[]; deliveredAt?: Date; cancelledAt?: Date; note?: string | null }, now: Date): Promise<void> {
  await sql.query(
    `update sterile_request set status = $3, lines = coalesce($4::jsonb, lines), delivered_at = coalesce($5, delivered_at), cancelled_at = coalesce($6, cancelled_at),
            note = coalesce($7, note), updated_at = $8
      where community_id = $1 and id = $2`,
    [communityId, id, set.status, set.lines ? JSON.stringify(set.lines) : null, set.deliveredAt ?? null, set.cancelledAt ?? null, set.note ?? null, now]);
}
