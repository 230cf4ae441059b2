import type { ScopeFilter } from '@yigong/domain';
import type { CommunityView, OrganizationInput, OrganizationView, OrganizationPatch, GridInput, GridView, DepartmentInput } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';
import { updateByPatch } from '../../platform/db/patch-update.ts';
import { scopeWhere } from '../../platform/db/scope-where.ts';

const COMMUNITY_SELECT = `
  select c.community_id as id, c.kind, c.name, c.region_code as "regionCode", r.name as "regionName",
         c.lead_organization_id as "leadOrganizationId",
         (select count(*)::int from organization o where o.community_id = c.community_id) as "organizationCount",
         (select count(*)::int from resident x where x.community_id = c.community_id and x.status = 'active') as "residentCount"
    from community c left join region r on r.code = c.region_code`;

export async function listCommunities(sql: Sql, f: ScopeFilter): Promise<CommunityView[]> {
  const w = scopeWhere(f, 1, 'c');
  // Largest community first: the one a region-wide user most likely wants to open.
  return (await sql.query<CommunityView>(`${COMMUNITY_SELECT} where ${w.sql} order by "residentCount" desc, c.name`, w.params)).rows;
}

export async function findCommunity(sql: Sql, id: string): Promise<CommunityView | null> {
  return (await sql.query<CommunityView>(`${COMMUNITY_SELECT} where c.community_id = $1`, [id])).rows[0] ?? null;
}

/** The organisation view; `community` as in the resident view (a constant for by-id reads: Citus routes the counts to one shard). */
const orgSelect = (community = 't.community_id') => `
  select t.id, t.community_id as "communityId", t.code, t.kind, t.name, t.short_name as "shortName", t.level, t.parent_id as "parentId",
         t.grid_id as "gridId", g.name as "gridName", t.region_code as "regionCode", t.beds, t.second_plate_name as "secondPlateName",
         t.address, t.phone, t.active,
         (select count(*)::int from practitioner p where p.community_id = ${community} and p.organization_id = t.id and p.active) as "staffCount",
         (select count(*)::int from resident x where x.community_id = ${community} and x.organization_id = t.id and x.status = 'active') as "residentCount"
    from organization t left join grid g on g.community_id = t.community_id and g.id = t.grid_id`;

// Lead hospital first, then hospitals, centres, stations and clinics.
const KIND_ORDER = `array_position(array['lead_hospital','county_hospital','tcm_hospital','maternal_child_hospital','collaborating_hospital',
  'cdc','private_member','township_center','community_center','community_station','village_clinic']::text[], t.kind)`;

export async function listOrganizations(
  sql: Sql,
  f: ScopeFilter,
  q: { communityId?: string | undefined; kind?: string | undefined; parentId?: string | undefined; q?: string | undefined; limit: number; offset: number },
): Promise<OrganizationView[]> {
  // One community asked for: a plain equality on a constant, so Citus routes the list to one shard.
  const one = q.communityId !== undefined;
  const w = scopeWhere(f, 1, 't', one ? '$3' : undefined);
  const { rows } = await sql.query<OrganizationView>(
    `${orgSelect(one ? '$3' : undefined)} where ${w.sql}
       and ${one ? 't.community_id = $3' : '$3::uuid is null'} and ($4::text is null or t.kind = $4)
       and ($5::uuid is null or t.parent_id = $5) and ($6::text is null or t.name like '%' || $6 || '%')
     order by t.community_id, ${KIND_ORDER}, t.name limit $7 offset $8`,
    [...w.params, q.communityId ?? null, q.kind ?? null, q.parentId ?? null, q.q ?? null, q.limit, q.offset],
  );
  return rows;
}

/** An organisation by id in one community, when that community is within the caller's reachable ones. */
export async function findOrganization(sql: Sql, communityId: string, f: ScopeFilter, id: string): Promise<OrganizationView | null> {
  const w = scopeWhere(f, 3, 't', '$1');
  return (await sql.query<OrganizationView>(`${orgSelect('$1')} where t.community_id = $1 and t.id = $2 and ${w.sql}`, [communityId, id, ...w.params])).rows[0] ?? null;
}

/** Which community an organisation belongs to, for callers whose scope spans several (region scope). No lock. */
export async function organizationCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from organization where id = $1', [id])).rows[0]?.community_id ?? null;
}

/** A unit's identity without the counts: for validation and joins on hot paths. */
export async function findOrganizationRef(sql: Sql, communityId: string, id: string): Promise<{ id: string; communityId: string; kind: OrganizationView['kind']; name: string; parentId: string | null } | null> {
  return (await sql.query<{ id: string; communityId: string; kind: OrganizationView['kind']; name: string; parentId: string | null }>(
    'select id, community_id as "communityId", kind, name, parent_id as "parentId" from organization where community_id = $1 and id = $2', [communityId, id])).rows[0] ?? null;
}

/** Several units' identities in one statement, by id (absent ids are missing from the map). */
export async function findOrganizationRefs(sql: Sql, communityId: string, ids: readonly string[]): Promise<Map<string, { id: string; communityId: string; kind: OrganizationView['kind']; name: string; parentId: string | null }>> {
  const { rows } = await sql.query<{ id: string; communityId: string; kind: OrganizationView['kind']; name: string; parentId: string | null }>(
    'select id, community_id as "communityId", kind, name, parent_id as "parentId" from organization where community_id = $1 and id = any($2::uuid[])', [communityId, ids]);
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findOrganizationIn(sql: Sql, communityId: string, id: string): Promise<OrganizationView | null> {
  return (await sql.query<OrganizationView>(`${orgSelect('$1')} where t.community_id = $1 and t.id = $2`, [communityId, id])).rows[0] ?? null;
}

export async function insertOrganization(sql: Sql, id: string, o: OrganizationInput): Promise<void> {
  await sql.query(
    `insert into organization (community_id, id, kind, name, short_name, level, parent_id, grid_id, region_code, beds, second_plate_name, address, phone)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
    [o.communityId, id, o.kind, o.name, o.shortName ?? null, o.level ?? null, o.parentId ?? null, o.gridId ?? null, o.regionCode ?? null, o.beds, o.secondPlateName ?? null, o.address ?? null, o.phone ?? null],
  );
}

const ORG_COLUMNS: Record<string, string> = {
  kind: 'kind', name: 'name', shortName: 'short_name', level: 'level', parentId: 'parent_id', gridId: 'grid_id', regionCode: 'region_code',
  beds: 'beds', secondPlateName: 'second_plate_name', address: 'address', phone: 'phone', active: 'active',
};

export async function updateOrganization(sql: Sql, communityId: string, id: string, patch: OrganizationPatch): Promise<void> {
  await updateByPatch(sql, 'organization', ORG_COLUMNS, { communityId, id }, patch);
}

/** Ancestors of `id` (including itself), to refuse a parent that would make a cycle. */
export async function ancestorIds(sql: Sql, communityId: string, id: string): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `with recursive a as (select id, parent_id from organization where community_id = $1 and id = $2
       union select o.id, o.parent_id from organization o join a on o.community_id = $1 and o.id = a.parent_id)
     select id from a`,
    [communityId, id],
  );
  return rows.map((r) => r.id);
}

export async function listDepartments(sql: Sql, communityId: string, organizationId: string) {
  return (await sql.query<{ id: string; code: string; name: string }>(
    'select id, code, name from department where community_id = $1 and organization_id = $2 order by name', [communityId, organizationId])).rows;
}

export async function insertDepartment(sql: Sql, id: string, d: DepartmentInput): Promise<void> {
  await sql.query('insert into department (community_id, id, organization_id, code, name) values ($1,$2,$3,$4,$5)', [d.communityId, id, d.organizationId, d.code, d.name]);
}

export async function listGrids(sql: Sql, f: ScopeFilter, communityId: string | null) {
  const w = scopeWhere(f, 1);
  return (await sql.query<GridView>(
    `select t.id, t.community_id as "communityId", t.name, t.region_code as "regionCode", t.pooling_area as "poolingArea"
       from grid t where ${w.sql} and ($3::uuid is null or t.community_id = $3) order by t.name`, [...w.params, communityId])).rows;
}

export async function insertGrid(sql: Sql, id: string, g: GridInput): Promise<void> {
  await sql.query('insert into grid (community_id, id, name, region_code, pooling_area) values ($1,$2,$3,$4,$5)', [g.communityId, id, g.name, g.regionCode ?? null, g.poolingArea ?? null]);
}

export async function communityRegion(sql: Sql, communityId: string): Promise<string | null> {
  return (await sql.query<{ region_code: string }>('select region_code from community where community_id = $1', [communityId])).rows[0]?.region_code ?? null;
}

export async function regionName(sql: Sql, code: string): Promise<string | null> {
  return (await sql.query<{ name: string }>('select name from region where code = $1', [code])).rows[0]?.name ?? null;
}

/**
 * Gives every organisation without a code one (the encounter feed's `orgCode`): a kind prefix and
 * a number after the highest already used for that prefix in the community (LH001, TC003, VC017…).
 */
export async function assignOrganizationCodes(sql: Sql, communityId: string): Promise<void> {
  await sql.query(
    `with p as (
       select id, case kind when 'lead_hospital' then 'LH' when 'county_hospital' then 'CH' when 'tcm_hospital' then 'TCM'
         when 'maternal_child_hospital' then 'MCH' when 'township_center' then 'TC' when 'community_center' then 'CC'
         when 'community_station' then 'CS' when 'village_clinic' then 'VC' when 'collaborating_hospital' then 'CO' when 'cdc' then 'CDC' else 'PM' end as prefix, name
         from organization where community_id = $1 and code is null),
     used as (
       select regexp_replace(code, '[0-9]+$', '') as prefix, max(coalesce(nullif(regexp_replace(code, '^[A-Z]+', ''), ''), '0')::int) as n
         from organization where community_id = $1 and code ~ '^[A-Z]+[0-9]+$' group by 1),
     numbered as (
       select p.id, p.prefix || lpad((coalesce(u.n, 0) + row_number() over (partition by p.prefix order by p.name))::text, 3, '0') as code
         from p left join used u on u.prefix = p.prefix)
     update organization o set code = numbered.code from numbered where o.community_id = $1 and o.id = numbered.id`,
    [communityId],
  );
}

/** The unit and every unit below it (a township's figures include its village clinics). */
export async function organizationSubtree(sql: Sql, communityId: string, organizationId: string): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `with recursive t as (select id from organization where community_id = $1 and id = $2
       union select o.id from organization o join t on o.community_id = $1 and o.parent_id = t.id) select id from t`, [communityId, organizationId]);
  return rows.map((r) => r.id);
}

/** Every unit of a community, identity only (id, code, name, kind, parent). */
export async function listOrganizationRefs(sql: Sql, communityId: string): Promise<{ id: string; code: string | null; name: string; kind: string; parentId: string | null }[]> {
  return (await sql.query<{ id: string; code: string | null; name: string; kind: string; parentId: string | null }>(
    'select id, code, name, kind, parent_id as "parentId" from organization where community_id = $1', [communityId])).rows;
}
