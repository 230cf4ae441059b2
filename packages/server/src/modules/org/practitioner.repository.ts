import type { ScopeFilter } from '@yigong/domain';
import type { AssignmentInput, AssignmentView, PractitionerInput, PractitionerPatch, PractitionerView } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';
import { scopeWhere } from '../../platform/db/scope-where.ts';
import { updateByPatch } from '../../platform/db/patch-update.ts';

const SELECT = `
  select t.id, t.community_id as "communityId", t.organization_id as "organizationId", o.name as "organizationName",
         t.department_id as "departmentId", d.name as "departmentName", t.name, t.sex, t.title, t.specialty,
         t.licence_number as "licenceNumber", t.phone, t.active
    from practitioner t
    join organization o on o.community_id = t.community_id and o.id = t.organization_id
    left join department d on d.community_id = t.community_id and d.id = t.department_id`;

export async function listPractitioners(
  sql: Sql,
  f: ScopeFilter,
  q: { communityId?: string | undefined; organizationId?: string | undefined; title?: string | undefined; q?: string | undefined; limit: number; after: string | null },
): Promise<PractitionerView[]> {
  const w = scopeWhere(f, 1);
  return (await sql.query<PractitionerView>(
    `${SELECT} where ${w.sql} and ($3::uuid is null or t.community_id = $3) and ($4::uuid is null or t.organization_id = $4)
       and ($5::text is null or t.title = $5) and ($6::text is null or t.name like '%' || $6 || '%')
       and ($7::uuid is null or t.id > $7)
     order by t.id limit $8`,
    [...w.params, q.communityId ?? null, q.organizationId ?? null, q.title ?? null, q.q ?? null, q.after, q.limit],
  )).rows;
}

/** A practitioner by id in one community; with `f`, only when that community is within the caller's reachable ones. */
export async function findPractitioner(sql: Sql, communityId: string, id: string, f: ScopeFilter | null = null): Promise<PractitionerView | null> {
  const w = f ? scopeWhere(f, 3) : { sql: 'true', params: [] };
  return (await sql.query<PractitionerView>(`${SELECT} where t.community_id = $1 and t.id = $2 and ${w.sql}`, [communityId, id, ...w.params])).rows[0] ?? null;
}

/** Which community a practitioner belongs to, for callers whose scope spans several (region scope). No lock. */
export async function practitionerCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from practitioner where id = $1', [id])).rows[0]?.community_id ?? null;
}

export async function insertPractitioner(sql: Sql, id: string, p: PractitionerInput): Promise<void> {
  await sql.query(
    `insert into practitioner (community_id, id, organization_id, department_id, name, sex, title, specialty, licence_number, phone)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [p.communityId, id, p.organizationId, p.departmentId ?? null, p.name, p.sex ?? null, p.title, p.specialty ?? null, p.licenceNumber ?? null, p.phone ?? null],
  );
}

const COLUMNS: Record<string, string> = {
  organizationId: 'organization_id', departmentId: 'department_id', name: 'name', sex: 'sex', title: 'title',
  specialty: 'specialty', licenceNumber: 'licence_number', phone: 'phone', active: 'active',
};

export async function updatePractitioner(sql: Sql, communityId: string, id: string, patch: PractitionerPatch): Promise<void> {
  await updateByPatch(sql, 'practitioner', COLUMNS, { communityId, id }, patch);
}

export async function listAssignments(sql: Sql, communityId: string, practitionerId: string): Promise<AssignmentView[]> {
  return (await sql.query<AssignmentView>(
    `select a.id, a.practitioner_id as "practitionerId", a.organization_id as "organizationId", o.name as "organizationName", a.kind,
            a.starts_on::text as "startsOn", a.ends_on::text as "endsOn", a.note
       from assignment a join organization o on o.community_id = a.community_id and o.id = a.organization_id
      where a.community_id = $1 and a.practitioner_id = $2 order by a.starts_on desc`,
    [communityId, practitionerId],
  )).rows;
}

/** Open-ended or overlapping assignments of the same kind to the same unit. */
export async function overlappingAssignment(sql: Sql, communityId: string, practitionerId: string, a: AssignmentInput): Promise<boolean> {
  const { rowCount } = await sql.query(
    `select 1 from assignment where community_id = $1 and practitioner_id = $2 and organization_id = $3 and kind = $4
        and daterange(starts_on, ends_on, '[]') && daterange($5::date, $6::date, '[]')`,
    [communityId, practitionerId, a.organizationId, a.kind, a.startsOn, a.endsOn ?? null],
  );
  return rowCount > 0;
}

export async function insertAssignment(sql: Sql, communityId: string, id: string, practitionerId: string, a: AssignmentInput): Promise<void> {
  await sql.query(
    `insert into assignment (community_id, id, practitioner_id, organization_id, kind, starts_on, ends_on, note) values ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [communityId, id, practitionerId, a.organizationId, a.kind, a.startsOn, a.endsOn ?? null, a.note ?? null],
  );
}

/**
 * docs/domain/indicators.md `dispatched_senior_doctors`: practitioners of intermediate title or above whose
 * dispatch assignments to grassroots units total ≥ 183 days within the year.
 */
export async function dispatchedSeniorDoctors(sql: Sql, communityId: string, year: number): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `select count(*)::int as n from (
       select a.practitioner_id
         from assignment a
         join practitioner p on p.community_id = a.community_id and p.id = a.practitioner_id
         join organization o on o.community_id = a.community_id and o.id = a.organization_id
        where a.community_id = $1 and a.kind = 'dispatch' and p.title in ('attending_physician', 'associate_chief_physician', 'chief_physician')
          and o.kind in ('township_center', 'community_center', 'community_station', 'village_clinic')
          and a.starts_on <= make_date($2, 12, 31) and coalesce(a.ends_on, make_date($2, 12, 31)) >= make_date($2, 1, 1)
        group by a.practitioner_id
       having sum(least(coalesce(a.ends_on, make_date($2, 12, 31)), make_date($2, 12, 31)) - greatest(a.starts_on, make_date($2, 1, 1)) + 1) >= 183) x`,
    [communityId, year],
  );
  return rows[0]!.n;
}
