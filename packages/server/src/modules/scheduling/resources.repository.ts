import type { AvailabilityRule, AvailabilityException } from '@yigong/domain';
import type { AvailabilityRuleInput, PolicyView, ResourceInput } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';

export interface ResourceRow {
  communityId: string;
  id: string;
  organizationId: string;
  organizationKind: string;
  departmentId: string | null;
  type: 'clinic' | 'bed' | 'exam';
  name: string;
  active: boolean;
}

const SELECT = `select r.community_id as "communityId", r.id, r.organization_id as "organizationId", o.kind as "organizationKind",
  r.department_id as "departmentId", r.type, r.name, r.active
  from resource r join organization o on o.community_id = r.community_id and o.id = r.organization_id`;

export async function listResources(sql: Sql, communityId: string, organizationId: string | null): Promise<ResourceRow[]> {
  return (await sql.query<ResourceRow>(`${SELECT} where r.community_id = $1 and ($2::uuid is null or r.organization_id = $2) order by r.type, r.name`, [communityId, organizationId])).rows;
}

export async function findResource(sql: Sql, communityId: string, id: string): Promise<ResourceRow | null> {
  return (await sql.query<ResourceRow>(`${SELECT} where r.community_id = $1 and r.id = $2`, [communityId, id])).rows[0] ?? null;
}

/** Which community a resource belongs to, for callers whose scope spans several (region scope). No lock. */
export async function resourceCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from resource where id = $1', [id])).rows[0]?.community_id ?? null;
}

export async function insertResource(sql: Sql, id: string, r: ResourceInput): Promise<void> {
  await sql.query(`insert into resource (community_id, id, organization_id, department_id, type, name) values ($1,$2,$3,$4,$5,$6)`,
    [r.communityId, id, r.organizationId, r.departmentId ?? null, r.type, r.name]);
}

export async function insertRule(sql: Sql, communityId: string, id: string, resourceId: string, r: AvailabilityRuleInput): Promise<void> {
  await sql.query(
    `insert into availability_rule (community_id, id, resource_id, weekdays, start_time, end_time, capacity, valid_from, valid_to) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [communityId, id, resourceId, r.weekdays, r.startTime, r.endTime, r.capacity, r.validFrom, r.validTo ?? null],
  );
}

export async function upsertException(sql: Sql, communityId: string, id: string, resourceId: string, e: { onDate: string; capacity: number | null; note?: string | null }): Promise<void> {
  await sql.query(
    `insert into availability_exception (community_id, id, resource_id, on_date, capacity, note) values ($1,$2,$3,$4,$5,$6)
     on conflict (community_id, resource_id, on_date) do update set capacity = excluded.capacity, note = excluded.note`,
    [communityId, id, resourceId, e.onDate, e.capacity, e.note ?? null],
  );
}

export async function rulesOf(sql: Sql, communityId: string, resourceId: string): Promise<AvailabilityRule[]> {
  return (await sql.query<AvailabilityRule>(
    `select weekdays, to_char(start_time, 'HH24:MI') as "startTime", to_char(end_time, 'HH24:MI') as "endTime", capacity,
            valid_from::text as "validFrom", valid_to::text as "validTo"
       from availability_rule where community_id = $1 and resource_id = $2`, [communityId, resourceId])).rows;
}

export async function exceptionsOf(sql: Sql, communityId: string, resourceId: string): Promise<AvailabilityException[]> {
  return (await sql.query<AvailabilityException>(
    `select on_date::text as "onDate", capacity from availability_exception where community_id = $1 and resource_id = $2`, [communityId, resourceId])).rows;
}

export async function policyFor(sql: Sql, communityId: string, organizationId: string, type: string): Promise<{ sharePct: number; releaseHoursBefore: number } | null> {
  return (await sql.query<{ sharePct: number; releaseHoursBefore: number }>(
    `select share_pct::float8 as "sharePct", release_hours_before as "releaseHoursBefore" from reservation_policy
      where community_id = $1 and organization_id = $2 and resource_type = $3 and channel = 'family_doctor_referral'`,
    [communityId, organizationId, type])).rows[0] ?? null;
}

export async function upsertPolicy(sql: Sql, p: { communityId: string; organizationId: string; resourceType: string; sharePct: number; releaseHoursBefore: number }): Promise<void> {
  await sql.query(
    `insert into reservation_policy (community_id, organization_id, resource_type, channel, share_pct, release_hours_before)
     values ($1,$2,$3,'family_doctor_referral',$4,$5)
     on conflict (community_id, organization_id, resource_type, channel) do update set share_pct = excluded.share_pct,
       release_hours_before = excluded.release_hours_before, updated_at = excluded.updated_at`,
    [p.communityId, p.organizationId, p.resourceType, p.sharePct, p.releaseHoursBefore],
  );
}

export async function listPolicies(sql: Sql, communityId: string) {
  return (await sql.query<PolicyView>(
    `select organization_id as "organizationId", resource_type as "resourceType", channel, share_pct::float8 as "sharePct", release_hours_before as "releaseHoursBefore"
       from reservation_policy where community_id = $1 order by organization_id, resource_type`, [communityId])).rows;
}

/** Inserts generated slots; existing (resource, start) pairs are kept as they are. */
export async function insertSlots(sql: Sql, communityId: string, resourceId: string, slots: { id: string; startsAt: Date; endsAt: Date; capacity: number; reserved: number; releaseAt: Date }[]): Promise<number> {
  if (!slots.length) return 0;
  const r = await sql.query(
    `insert into slot (community_id, id, resource_id, starts_at, ends_at, capacity, reserved, release_at)
     select $1, * from unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[], $8::timestamptz[])
     on conflict (community_id, resource_id, starts_at) do nothing`,
    [communityId, slots.map((s) => s.id), slots.map(() => resourceId), slots.map((s) => s.startsAt), slots.map((s) => s.endsAt),
      slots.map((s) => s.capacity), slots.map((s) => s.reserved), slots.map((s) => s.releaseAt)],
  );
  return r.rowCount;
}

export async function allActiveResources(sql: Sql): Promise<{ communityId: string; id: string }[]> {
  return (await sql.query<{ communityId: string; id: string }>(`select community_id as "communityId", id from resource where active`)).rows;
}
