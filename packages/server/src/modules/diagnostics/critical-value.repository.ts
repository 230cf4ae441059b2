import type { CriticalStage } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

export interface CriticalValueRow {
  community_id: string;
  id: string;
  order_id: string;
  resident_id: string;
  resident_name: string;
  item_code: string;
  item_name: string;
  ordering_organization_id: string;
  ordering_organization_name: string;
  ordering_user_id: string;
  ordering_username: string;
  source: 'result' | 'report';
  summary: string;
  raised_at: Date;
  deadline_at: Date;
  stage: CriticalStage;
  unit_head_at: Date | null;
  medical_department_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  ack_note: string | null;
}

const SELECT = `
  select v.*, x.name as resident_name, o.item_code, i.name as item_name, oo.name as ordering_organization_name, o.ordering_username
    from critical_value v
    join diagnostic_order o on o.community_id = v.community_id and o.id = v.order_id
    join diagnostic_item i on i.community_id = o.community_id and i.code = o.item_code
    join resident x on x.community_id = v.community_id and x.id = v.resident_id
    join organization oo on oo.community_id = v.community_id and oo.id = v.ordering_organization_id`;

/**
 * Raises a critical value unless the order already has one: a lab result beyond its critical
 * limits raises it at once, and the report that confirms it (or a re-sent result) raises nothing
 * new — one alert per order for the doctor to acknowledge.
 */
export async function insertCriticalValue(sql: Sql, v: { communityId: string; id: string; orderId: string; residentId: string; orderingOrganizationId: string; orderingUserId: string; source: 'result' | 'report'; summary: string; raisedAt: Date; deadlineAt: Date }): Promise<boolean> {
  const r = await sql.query(
    `insert into critical_value (community_id, id, order_id, resident_id, ordering_organization_id, ordering_user_id, source, summary, raised_at, deadline_at, stage)
     select $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'doctor'
      where not exists (select 1 from critical_value where community_id = $1 and order_id = $3)
     on conflict (community_id, order_id, source) do nothing`,
    [v.communityId, v.id, v.orderId, v.residentId, v.orderingOrganizationId, v.orderingUserId, v.source, v.summary, v.raisedAt, v.deadlineAt],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function findCriticalValue(sql: Sql, communityId: string, id: string, forUpdate = false): Promise<CriticalValueRow | null> {
  if (forUpdate && !(await sql.query('select 1 from critical_value where community_id = $1 and id = $2 for update', [communityId, id])).rowCount) return null;
  return (await sql.query<CriticalValueRow>(`${SELECT} where v.community_id = $1 and v.id = $2`, [communityId, id])).rows[0] ?? null;
}

export async function criticalValueCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from critical_value where id = $1', [id])).rows[0]?.community_id ?? null;
}

export async function criticalValuesOfOrder(sql: Sql, communityId: string, orderId: string): Promise<CriticalValueRow[]> {
  return (await sql.query<CriticalValueRow>(`${SELECT} where v.community_id = $1 and v.order_id = $2 order by v.raised_at`, [communityId, orderId])).rows;
}

/**
 * Who sees a critical value (docs/domain/diagnostics.md "Critical values"): the ordering doctor
 * always; from the first escalation the heads of the ordering unit (`unitHeadOf`: units the
 * caller heads); from the second the community's medical department (`medicalDepartmentOf`).
 */
export interface CriticalValueAudience {
  communityId: string;
  userId: string;
  unitHeadOf: readonly string[] | null;
  medicalDepartment: boolean;
  status: 'open' | 'acknowledged' | 'all';
  limit: number;
}

export async function listCriticalValues(sql: Sql, a: CriticalValueAudience): Promise<CriticalValueRow[]> {
  return (await sql.query<CriticalValueRow>(
    `${SELECT}
      where v.community_id = $1
        and (v.ordering_user_id = $2
             or ($3::uuid[] is not null and v.stage in ('unit_head', 'medical_department') and v.ordering_organization_id = any($3))
             or ($4 and v.stage = 'medical_department'))
        and ($5 = 'all' or ($5 = 'open') = (v.acknowledged_at is null))
      order by (v.acknowledged_at is null) desc, v.raised_at desc
      limit $6`,
    [a.communityId, a.userId, a.unitHeadOf, a.medicalDepartment, a.status, a.limit],
  )).rows;
}

/**
 * Open critical values whose next escalation is due by `now`, across communities (the minute job):
 * the window is the one the value was raised with (deadline − raised), so a later change of the
 * community's parameter does not move a value already raised.
 */
export async function dueForEscalation(sql: Sql, now: Date): Promise<Pick<CriticalValueRow, 'community_id' | 'id' | 'raised_at' | 'stage' | 'unit_head_at' | 'medical_department_at'>[]> {
  return (await sql.query(
    `select community_id, id, raised_at, stage, unit_head_at, medical_department_at from critical_value
      where acknowledged_at is null and stage <> 'medical_department'
        and deadline_at <= $1 and (stage = 'doctor' or deadline_at + (deadline_at - raised_at) <= $1)
      order by raised_at limit 500`,
    [now],
  )).rows as never;
}

export async function setStage(sql: Sql, communityId: string, id: string, stage: CriticalStage, unitHeadAt: Date | null, medicalDepartmentAt: Date | null): Promise<void> {
  await sql.query(
    `update critical_value set stage = $3, unit_head_at = coalesce(unit_head_at, $4), medical_department_at = coalesce(medical_department_at, $5)
      where community_id = $1 and id = $2 and acknowledged_at is null`,
    [communityId, id, stage, unitHeadAt, medicalDepartmentAt],
  );
}

export async function acknowledge(sql: Sql, communityId: string, id: string, by: { userId: string; name: string; note: string | null; at: Date }): Promise<void> {
  await sql.query(
    `update critical_value set acknowledged_at = $3, acknowledged_by = $4, acknowledged_by_name = $5, ack_note = $6
      where community_id = $1 and id = $2 and acknowledged_at is null`,
    [communityId, id, by.at, by.userId, by.name, by.note],
  );
}
