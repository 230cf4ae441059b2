import type { ScopeFilter } from '@yigong/domain';
import type { ObservationView, ProblemView } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';
import { scopeWhere } from '../../platform/db/scope-where.ts';
import { updateByPatch } from '../../platform/db/patch-update.ts';

export interface ResidentRow {
  community_id: string;
  id: string;
  organization_id: string;
  organization_name: string;
  community_name: string;
  region_code: string;
  grid_id: string | null;
  grid_name: string | null;
  household_id: string | null;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  id_number_enc: string;
  id_number_hash: string;
  id_region: string;
  id_tail: string;
  phone: string | null;
  address: string | null;
  insurance_scheme: 'urban_employee' | 'urban_rural_resident' | 'commercial' | 'none';
  flags: Record<string, unknown>;
  status: 'active' | 'transferred_out' | 'merged' | 'deceased';
  problem_codes: string[] | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * The resident view; `community` is the SQL naming the community in the problems subquery: a
 * constant (`$1`) for by-id reads, because Citus routes a correlated subquery to one shard only
 * when it filters on a constant community_id.
 */
const select = (community = 't.community_id') => `
  select t.community_id, t.id, t.organization_id, o.name as organization_name, c.name as community_name, c.region_code,
         t.grid_id, g.name as grid_name, t.household_id, t.name, t.sex, t.birth_date::text as birth_date, t.id_number_enc,
         t.id_number_hash, t.id_region, t.id_tail, t.phone, t.address, t.insurance_scheme, t.flags, t.status,
         (select array_agg(p.icd10_code) from resident_problem p
           where p.community_id = ${community} and p.resident_id = t.id and p.resolved_date is null) as problem_codes,
         t.created_at, t.updated_at
    from resident t
    join community c on c.community_id = t.community_id
    join organization o on o.community_id = t.community_id and o.id = t.organization_id
    left join grid g on g.community_id = t.community_id and g.id = t.grid_id`;

export type SearchMode = { kind: 'hash'; hash: string } | { kind: 'phone'; prefix: string } | { kind: 'latin'; prefix: string } | { kind: 'name'; text: string } | { kind: 'all' };

/** Lists residents in scope, keyset-paginated on (name, id). */
export async function searchResidents(
  sql: Sql,
  f: ScopeFilter,
  q: { mode: SearchMode; communityId?: string | undefined; organizationId?: string | undefined; limit: number; after: { name: string; id: string } | null },
): Promise<ResidentRow[]> {
  const w = scopeWhere(f, 1);
  const params: unknown[] = [...w.params, f.organizationIds, q.communityId ?? null, q.organizationId ?? null, q.after?.name ?? null, q.after?.id ?? null, q.limit];
  let match = 'true';
  const m = q.mode;
  if (m.kind === 'hash') { params.push(m.hash); match = `t.id_number_hash = $${params.length}`; }
  if (m.kind === 'phone') { params.push(m.prefix); match = `t.phone like $${params.length} || '%'`; }
  if (m.kind === 'latin') { params.push(m.prefix); match = `(t.name_initials like $${params.length} || '%' or t.name_pinyin like $${params.length} || '%')`; }
  if (m.kind === 'name') { params.push(m.text); match = `(t.name like $${params.length} || '%' or (length($${params.length}) >= 2 and t.name like '%' || $${params.length} || '%'))`; }
  const { rows } = await sql.query<ResidentRow>(
    `${select()}
      where ${w.sql} and t.status = 'active'
        and ($3::uuid[] is null or t.organization_id = any($3))
        and ($4::uuid is null or t.community_id = $4) and ($5::uuid is null or t.organization_id = $5)
        and ($6::text is null or (t.name collate "C", t.id) > ($6 collate "C", $7::uuid))
        and ${match}
      order by t.name collate "C", t.id limit $8`,
    params,
  );
  return rows;
}

/** A resident's record in one community (a transferred id has a row in each community it passed through). */
export async function findResident(sql: Sql, communityId: string, id: string): Promise<ResidentRow | null> {
  return (await sql.query<ResidentRow>(`${select('$1')} where t.community_id = $1 and t.id = $2`, [communityId, id])).rows[0] ?? null;
}

/** Several residents of one community in one statement (lists that show both sides of a pair …). */
export async function findResidents(sql: Sql, communityId: string, ids: readonly string[]): Promise<Map<string, ResidentRow>> {
  if (!ids.length) return new Map();
  const { rows } = await sql.query<ResidentRow>(`${select('$1')} where t.community_id = $1 and t.id = any($2::uuid[])`, [communityId, [...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The community holding a resident id's current record (the active row first, then the latest
 * changed): for callers whose scope spans several communities, and for a record that left the
 * caller's community or is read under an access grant. No lock.
 */
export async function residentCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>(
    `select community_id from resident where id = $1 order by (status = 'active') desc, updated_at desc limit 1`, [id])).rows[0]?.community_id ?? null;
}

/** Active residents holding this ID-number hash, in any community. */
export async function findByIdHash(sql: Sql, hash: string): Promise<{ community_id: string; id: string; name: string; organization_id: string }[]> {
  return (await sql.query<{ community_id: string; id: string; name: string; organization_id: string }>(
    `select community_id, id, name, organization_id from resident where id_number_hash = $1 and status = 'active'`, [hash])).rows;
}

export interface NewResident {
  communityId: string;
  id: string;
  organizationId: string;
  gridId: string | null;
  householdId: string | null;
  name: string;
  namePinyin: string;
  nameInitials: string;
  sex: 'male' | 'female';
  birthDate: string;
  idNumberEnc: string;
  idNumberHash: string;
  idRegion: string;
  idTail: string;
  phone: string | null;
  address: string | null;
  insuranceScheme: string;
  flags: Record<string, unknown>;
  clientUpdatedAt: string | null;
  createdBy: string | null;
}

export async function insertResident(sql: Sql, r: NewResident): Promise<void> {
  await sql.query(
    `insert into resident (community_id, id, organization_id, grid_id, household_id, name, name_pinyin, name_initials, sex, birth_date,
       id_number_enc, id_number_hash, id_region, id_tail, phone, address, insurance_scheme, flags, client_updated_at, created_by)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)`,
    [r.communityId, r.id, r.organizationId, r.gridId, r.householdId, r.name, r.namePinyin, r.nameInitials, r.sex, r.birthDate,
      r.idNumberEnc, r.idNumberHash, r.idRegion, r.idTail, r.phone, r.address, r.insuranceScheme, JSON.stringify(r.flags), r.clientUpdatedAt, r.createdBy],
  );
}

const UPDATABLE: Record<string, string> = {
  name: 'name', namePinyin: 'name_pinyin', nameInitials: 'name_initials', phone: 'phone', address: 'address', organizationId: 'organization_id',
  gridId: 'grid_id', householdId: 'household_id', insuranceScheme: 'insurance_scheme', flags: 'flags',
};

export async function updateResident(sql: Sql, communityId: string, id: string, patch: Record<string, unknown>): Promise<void> {
  await updateByPatch(sql, 'resident', UPDATABLE, { communityId, id }, patch, ['flags']);
}

/** Same name + birth date + sex, another ID number: candidate duplicates (EMPI). */
export async function findPersonMatches(sql: Sql, communityId: string, p: { id: string; name: string; birthDate: string; sex: string; hash: string }): Promise<string[]> {
  return (await sql.query<{ id: string }>(
    `select id from resident where community_id = $1 and name = $2 and birth_date = $3 and sex = $4 and id_number_hash <> $5 and id <> $6 and status = 'active'`,
    [communityId, p.name, p.birthDate, p.sex, p.hash, p.id],
  )).rows.map((r) => r.id);
}

/** Opens a candidate pair unless it exists (a kept-apart decision is remembered). */
export async function openCandidate(sql: Sql, communityId: string, a: string, b: string): Promise<void> {
  await sql.query(`insert into duplicate_candidate (community_id, resident_a, resident_b) values ($1,$2,$3) on conflict do nothing`, [communityId, a, b]);
}

export async function listProblems(sql: Sql, communityId: string, residentId: string): Promise<ProblemView[]> {
  return (await sql.query<ProblemView>(
    `select p.id, p.icd10_code as code, i.name_zh as "nameZh", i.name_en as "nameEn", p.onset_date::text as "onsetDate", p.resolved_date::text as "resolvedDate"
       from resident_problem p join icd10 i on i.code = p.icd10_code
      where p.community_id = $1 and p.resident_id = $2 order by p.onset_date nulls last, p.icd10_code`, [communityId, residentId])).rows;
}

export async function insertProblem(sql: Sql, communityId: string, residentId: string, p: { id: string; code: string; onsetDate: string | null; recordedBy: string }): Promise<void> {
  await sql.query(`insert into resident_problem (community_id, id, resident_id, icd10_code, onset_date, recorded_by) values ($1,$2,$3,$4,$5,$6)`,
    [communityId, p.id, residentId, p.code, p.onsetDate, p.recordedBy]);
}

export async function icd10Exists(sql: Sql, code: string): Promise<{ name_zh: string } | null> {
  return (await sql.query<{ name_zh: string }>('select name_zh from icd10 where code = $1', [code])).rows[0] ?? null;
}

export async function listObservations(sql: Sql, communityId: string, residentId: string, limit = 500): Promise<ObservationView[]> {
  return (await sql.query<ObservationView>(
    `select id, kind, value::float8 as value, value2::float8 as value2, unit, observed_at as "observedAt", organization_id as "organizationId"
       from observation where community_id = $1 and resident_id = $2 order by observed_at desc limit $3`, [communityId, residentId, limit])).rows;
}

export async function insertObservation(
  sql: Sql,
  communityId: string,
  residentId: string,
  o: { id: string; kind: string; value: number; value2: number | null; unit: string; observedAt: string; organizationId: string | null; recordedBy: string; clientRecordedAt: string | null },
): Promise<void> {
  await sql.query(
    `insert into observation (community_id, id, resident_id, kind, value, value2, unit, observed_at, organization_id, recorded_by, client_recorded_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [communityId, o.id, residentId, o.kind, o.value, o.value2, o.unit, o.observedAt, o.organizationId, o.recordedBy, o.clientRecordedAt],
  );
}

export async function householdMembers(sql: Sql, communityId: string, householdId: string, exceptId: string) {
  return (await sql.query<{ id: string; name: string; sex: 'male' | 'female'; birthDate: string }>(
    `select id, name, sex, birth_date::text as "birthDate" from resident
      where community_id = $1 and household_id = $2 and id <> $3 and status = 'active' order by birth_date`, [communityId, householdId, exceptId])).rows;
}

/** Audit rows that describe the record's life (writes, transfers, merges) for the timeline. */
export async function recordEvents(sql: Sql, communityId: string, residentId: string) {
  return (await sql.query<{ at: Date; action: string; username: string | null; details: Record<string, unknown> | null }>(
    `select at, action, username, details from audit_log
      where community_id = $1 and resident_id = $2 and action in ('resident.create','resident.update','resident.transfer_in','resident.transfer_out','resident.merge')
      order by at desc limit 200`, [communityId, residentId])).rows;
}
