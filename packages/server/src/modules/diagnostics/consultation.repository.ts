import type { ConsultationStatus } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

export interface ConsultationRow {
  community_id: string;
  id: string;
  resident_id: string;
  resident_name: string;
  requesting_organization_id: string;
  requesting_organization_name: string;
  requester_user_id: string;
  requester_name: string;
  consultant_organization_id: string;
  consultant_organization_name: string;
  consultant_department: string | null;
  consultant_user_id: string | null;
  consultant_name: string | null;
  urgency: 'routine' | 'urgent';
  question: string;
  status: ConsultationStatus;
  scheduled_at: Date | null;
  opinion: string | null;
  opinion_at: Date | null;
  reason: string | null;
  order_id: string | null;
  attachment_count: number;
  created_at: Date;
}

const SELECT = `
  select c.*, x.name as resident_name, ro.name as requesting_organization_name, co.name as consultant_organization_name,
         (select count(*)::int from consultation_attachment a where a.community_id = c.community_id and a.consultation_id = c.id) as attachment_count
    from consultation c
    join resident x on x.community_id = c.community_id and x.id = c.resident_id
    join organization ro on ro.community_id = c.community_id and ro.id = c.requesting_organization_id
    join organization co on co.community_id = c.community_id and co.id = c.consultant_organization_id`;

export async function findConsultation(sql: Sql, communityId: string, id: string, forUpdate = false): Promise<ConsultationRow | null> {
  if (forUpdate && !(await sql.query('select 1 from consultation where community_id = $1 and id = $2 for update', [communityId, id])).rowCount) return null;
  return (await sql.query<ConsultationRow>(`${SELECT} where c.community_id = $1 and c.id = $2`, [communityId, id])).rows[0] ?? null;
}

export async function consultationCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from consultation where id = $1', [id])).rows[0]?.community_id ?? null;
}

export interface ConsultationFilter {
  communityIds: readonly string[] | null;
  regionPrefix: string | null;
  /** Visible when the requesting or the consulting unit is one of these (null: the whole community). */
  organizationIds: readonly string[] | null;
  requestedBy: string | null;
  addressedTo: string | null;
  status: string | null;
  residentId: string | null;
  limit: number;
}

/** Open ones first (requested, scheduled, awaiting closing), then newest. */
export async function listConsultations(sql: Sql, f: ConsultationFilter): Promise<ConsultationRow[]> {
  return (await sql.query<ConsultationRow>(
    `${SELECT} join community cm on cm.community_id = c.community_id
      where ($1::uuid[] is null or c.community_id = any($1)) and ($8::text is null or cm.region_code like $8 || '%')
        and ($2::uuid[] is null or c.requesting_organization_id = any($2) or c.consultant_organization_id = any($2))
        and ($3::uuid is null or c.requesting_organization_id = $3) and ($4::uuid is null or c.consultant_organization_id = $4)
        and ($5::text is null or c.status = $5) and ($6::uuid is null or c.resident_id = $6)
      order by (c.status in ('requested', 'scheduled', 'opinion_given')) desc, (c.urgency = 'urgent') desc, c.created_at desc, c.id
      limit $7`,
    [f.communityIds, f.organizationIds, f.requestedBy, f.addressedTo, f.status, f.residentId, f.limit, f.regionPrefix],
  )).rows;
}

export async function insertConsultation(sql: Sql, c: { communityId: string; id: string; residentId: string; requestingOrganizationId: string; requesterUserId: string; requesterName: string; consultantOrganizationId: string; consultantDepartment: string | null; urgency: string; question: string; orderId: string | null; clientRecordedAt: string | null; now: Date }): Promise<void> {
  await sql.query(
    `insert into consultation (community_id, id, resident_id, requesting_organization_id, requester_user_id, requester_name, consultant_organization_id, consultant_department,
       urgency, question, status, order_id, client_recorded_at, created_at, updated_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'requested',$11,$12,$13,$13)`,
    [c.communityId, c.id, c.residentId, c.requestingOrganizationId, c.requesterUserId, c.requesterName, c.consultantOrganizationId, c.consultantDepartment, c.urgency, c.question, c.orderId, c.clientRecordedAt, c.now],
  );
}

type Settable = 'status' | 'scheduled_at' | 'consultant_user_id' | 'consultant_name' | 'opinion' | 'opinion_at' | 'reason' | 'closed_at';

export async function updateConsultation(sql: Sql, communityId: string, id: string, set: Partial<Record<Settable, unknown>>, now: Date): Promise<void> {
  const cols = Object.entries(set).filter(([, v]) => v !== undefined);
  await sql.query(
    `update consultation set ${cols.map(([k], i) => `${k} = $${i + 4}`).join(', ')}${cols.length ? ', ' : ''}updated_at = $3 where community_id = $1 and id = $2`,
    [communityId, id, now, ...cols.map(([, v]) => v)],
  );
}

export async function insertAttachments(sql: Sql, communityId: string, consultationId: string, files: readonly { id: string; name: string; mediaType: string; sha256: string; content: Uint8Array }[]): Promise<void> {
  for (const f of files) {
    await sql.query(
      'insert into consultation_attachment (community_id, id, consultation_id, name, media_type, size, sha256, content) values ($1,$2,$3,$4,$5,$6,$7,$8)',
      [communityId, f.id, consultationId, f.name, f.mediaType, f.content.byteLength, f.sha256, f.content],
    );
  }
}

export async function listAttachments(sql: Sql, communityId: string, consultationId: string): Promise<{ id: string; name: string; media_type: string; size: number }[]> {
  return (await sql.query<{ id: string; name: string; media_type: string; size: number }>(
    'select id, name, media_type, size from consultation_attachment where community_id = $1 and consultation_id = $2 order by name, id', [communityId, consultationId])).rows;
}

export async function attachmentContent(sql: Sql, communityId: string, consultationId: string, id: string): Promise<{ name: string; media_type: string; content: Uint8Array } | null> {
  return (await sql.query<{ name: string; media_type: string; content: Uint8Array }>(
    'select name, media_type, content from consultation_attachment where community_id = $1 and consultation_id = $2 and id = $3', [communityId, consultationId, id])).rows[0] ?? null;
}

export async function appendEvent(sql: Sql, e: { communityId: string; consultationId: string; at: Date; action: string; from: string | null; to: string; actorId: string | null; username: string | null; role: string | null; organizationId: string | null; comment: string | null }): Promise<void> {
  await sql.query(
    `insert into consultation_event (community_id, consultation_id, at, action, from_status, to_status, actor_id, username, role, organization_id, comment)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [e.communityId, e.consultationId, e.at, e.action, e.from, e.to, e.actorId, e.username, e.role, e.organizationId, e.comment],
  );
}

export async function listEvents(sql: Sql, communityId: string, consultationId: string): Promise<{ at: Date; action: string; from_status: string | null; to_status: string; username: string | null; role: string | null; organization_id: string | null; comment: string | null }[]> {
  return (await sql.query(
    'select at, action, from_status, to_status, username, role, organization_id, comment from consultation_event where community_id = $1 and consultation_id = $2 order by id',
    [communityId, consultationId])).rows as never;
}

/** Consultations answered (an opinion given) in [from, to), by requesting unit — the indicators. */
export async function answeredByMember(sql: Sql, communityId: string, from: Date, to: Date): Promise<{ organization_id: string; organization_name: string; answered: number }[]> {
  return (await sql.query(
    `select c.requesting_organization_id as organization_id, o.name as organization_name, count(*)::int as answered
       from consultation c join organization o on o.community_id = c.community_id and o.id = c.requesting_organization_id
      where c.community_id = $1 and c.opinion_at >= $2 and c.opinion_at < $3 group by c.requesting_organization_id, o.name`,
    [communityId, from, to])).rows as never;
}
