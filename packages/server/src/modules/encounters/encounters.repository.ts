import type { Database, Sql } from '../../platform/db/database.ts';

export interface StoredEncounter {
  source: string;
  id: string;
  content_hash: string;
  contrib: Record<string, number>;
  period_month: string;
  unit_key: string;
  organization_id: string | null;
  disease: string | null;
}

/** The unit key of the aggregates: the organisation, or `out` for care outside the county. */
export function unitKey(organizationId: string | null): string {
  return organizationId ?? 'out';
}

export async function existing(sql: Sql, communityId: string, keys: readonly { source: string; id: string }[]): Promise<Map<string, StoredEncounter>> {
  if (!keys.length) return new Map();
  const { rows } = await sql.query<StoredEncounter>(
    `select e.source, e.id, e.content_hash, e.contrib, e.period_month::text as period_month, coalesce(e.organization_id::text, 'out') as unit_key, e.organization_id,
            case when e.out_of_county and e.community_resident and e.type = 'inpatient' then e.primary_icd3 end as disease
       from encounter e join unnest($2::text[], $3::text[]) k(source, id) on e.source = k.source and e.id = k.id
      where e.community_id = $1 for update of e`,
    [communityId, keys.map((k) => k.source), keys.map((k) => k.id)],
  );
  return new Map(rows.map((r) => [`${r.source}\u0000${r.id}`, r]));
}

export interface EncounterRow {
  communityId: string;
  source: string;
  id: string;
  organizationId: string | null;
  orgCode: string;
  outOfCounty: boolean;
  residentId: string | null;
  communityResident: boolean;
  idNumberHash: string;
  type: string;
  start: string;
  end: string | null;
  periodMonth: string;
  department: string | null;
  diagnoses: unknown;
  primaryIcd3: string;
  procedures: unknown;
  totalCost: number;
  fundPaid: number;
  outOfPocket: number;
  referralId: string | null;
  drgCode: string | null;
  drgWeight: number | null;
  contrib: Record<string, number>;
  contentHash: string;
}

/** Inserts or replaces (a corrected version) one encounter. */
export async function upsertEncounter(sql: Sql, e: EncounterRow): Promise<void> {
  await sql.query(
    `insert into encounter (community_id, source, id, organization_id, org_code, out_of_county, resident_id, community_resident, id_number_hash, type,
       start_date, end_date, period_month, department, diagnoses, primary_icd3, procedures, total_cost, fund_paid, out_of_pocket, referral_id, drg_code,
       drg_weight, contrib, content_hash)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25)
     on conflict (community_id, source, id) do update set organization_id = excluded.organization_id, org_code = excluded.org_code,
       out_of_county = excluded.out_of_county, resident_id = excluded.resident_id, community_resident = excluded.community_resident,
       id_number_hash = excluded.id_number_hash, type = excluded.type, start_date = excluded.start_date, end_date = excluded.end_date,
       period_month = excluded.period_month, department = excluded.department, diagnoses = excluded.diagnoses, primary_icd3 = excluded.primary_icd3,
       procedures = excluded.procedures, total_cost = excluded.total_cost, fund_paid = excluded.fund_paid, out_of_pocket = excluded.out_of_pocket,
       referral_id = excluded.referral_id, drg_code = excluded.drg_code, drg_weight = excluded.drg_weight, contrib = excluded.contrib,
       content_hash = excluded.content_hash, ingested_at = now()`,
    [e.communityId, e.source, e.id, e.organizationId, e.orgCode, e.outOfCounty, e.residentId, e.communityResident, e.idNumberHash, e.type, e.start,
      e.end, e.periodMonth, e.department, JSON.stringify(e.diagnoses), e.primaryIcd3, JSON.stringify(e.procedures), e.totalCost, e.fundPaid,
      e.outOfPocket, e.referralId, e.drgCode, e.drgWeight, JSON.stringify(e.contrib), e.contentHash],
  );
}

/** Adds deltas to the monthly counters (negative when a replaced version is taken out). */
export async function addToAggregates(sql: Sql, communityId: string, deltas: Map<string, number>): Promise<void> {
  const rows = [...deltas].filter(([, v]) => v !== 0).map(([k, v]) => [...k.split('|'), v] as [string, string, string, number]);
  if (!rows.length) return;
  await sql.query(
    `insert into encounter_agg (community_id, month, unit_key, organization_id, metric, value)
     select $1, m::date, u, case when u = 'out' then null else u::uuid end, k, v from unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) x(m, u, k, v)
     on conflict (community_id, month, unit_key, metric) do update set value = encounter_agg.value + excluded.value`,
    [communityId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
  );
}

export async function addToDiseases(sql: Sql, communityId: string, deltas: Map<string, number>): Promise<void> {
  const rows = [...deltas].filter(([, v]) => v !== 0).map(([k, v]) => [...k.split('|'), v] as [string, string, number]);
  if (!rows.length) return;
  await sql.query(
    `insert into encounter_disease_agg (community_id, month, icd3, discharges)
     select $1, m::date, c, v from unnest($2::text[], $3::text[], $4::bigint[]) x(m, c, v)
     on conflict (community_id, month, icd3) do update set discharges = encounter_disease_agg.discharges + excluded.discharges`,
    [communityId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
  );
}

/** Sums of the counters over months, for the community or one unit. */
export async function sumAggregates(sql: Sql, communityId: string, months: readonly string[], organizationId: string | null): Promise<Record<string, number>> {
  const { rows } = await sql.query<{ metric: string; value: number }>(
    `select metric, sum(value)::float8 as value from encounter_agg where community_id = $1 and month = any($2::date[]) and ($3::uuid is null or organization_id = $3) group by metric`,
    [communityId, months, organizationId],
  );
  return Object.fromEntries(rows.map((r) => [r.metric, Number(r.value)]));
}

export async function topDiseases(sql: Sql, communityId: string, months: readonly string[]) {
  return (await sql.query<{ icd3: string; name: string | null; count: number }>(
    `select d.icd3, i.name_zh as name, sum(d.discharges)::int as count from encounter_disease_agg d left join icd10 i on i.code = d.icd3
      where d.community_id = $1 and d.month = any($2::date[]) group by d.icd3, i.name_zh having sum(d.discharges) > 0 order by count desc, d.icd3 limit 10`,
    [communityId, months])).rows;
}

export async function organizationsByCode(sql: Sql, communityId: string): Promise<Map<string, { id: string; kind: string }>> {
  const { rows } = await sql.query<{ code: string; id: string; kind: string }>('select code, id, kind from organization where community_id = $1 and code is not null', [communityId]);
  return new Map(rows.map((r) => [r.code, { id: r.id, kind: r.kind }]));
}

export async function residentsByHash(sql: Sql, hashes: readonly string[]): Promise<Map<string, { id: string; community_id: string }>> {
  if (!hashes.length) return new Map();
  const { rows } = await sql.query<{ id_number_hash: string; id: string; community_id: string }>(
    `select id_number_hash, id, community_id from resident where id_number_hash = any($1::text[]) and status = 'active'`, [hashes]);
  return new Map(rows.map((r) => [r.id_number_hash, { id: r.id, community_id: r.community_id }]));
}

export async function knownCategories(sql: Sql): Promise<Set<string>> {
  return new Set((await sql.query<{ code: string }>(`select code from icd10 where level = 'category'`)).rows.map((r) => r.code));
}

const COPY_COLUMNS = ['community_id', 'source', 'id', 'organization_id', 'org_code', 'out_of_county', 'resident_id', 'community_resident', 'id_number_hash', 'type',
  'start_date', 'end_date', 'period_month', 'department', 'diagnoses', 'primary_icd3', 'procedures', 'total_cost', 'fund_paid', 'out_of_pocket', 'referral_id',
  'drg_code', 'drg_weight', 'contrib', 'content_hash'] as const;

/** Bulk load of new encounters (demo seed, benchmarks) with COPY; the caller adds their aggregates. */
export async function copyEncounters(db: Database, rows: Iterable<EncounterRow> | AsyncIterable<EncounterRow>): Promise<number> {
  async function* lines() {
    for await (const e of rows as AsyncIterable<EncounterRow>) {
      yield [e.communityId, e.source, e.id, e.organizationId, e.orgCode, e.outOfCounty, e.residentId, e.communityResident, e.idNumberHash, e.type, e.start, e.end,
        e.periodMonth, e.department, e.diagnoses, e.primaryIcd3, e.procedures, e.totalCost, e.fundPaid, e.outOfPocket, e.referralId, e.drgCode, e.drgWeight,
        e.contrib, e.contentHash] as const;
    }
  }
  return db.copyRows('encounter', COPY_COLUMNS, lines());
}

export async function clearAggregates(sql: Sql, communityId: string): Promise<void> {
  await sql.query('delete from encounter_agg where community_id = $1', [communityId]);
  await sql.query('delete from encounter_disease_agg where community_id = $1', [communityId]);
}

export interface StoredEncounterFacts {
  source: string;
  id: string;
  organization_id: string | null;
  org_code: string;
  out_of_county: boolean;
  community_resident: boolean;
  type: 'outpatient' | 'emergency' | 'inpatient';
  start_date: string;
  end_date: string | null;
  period_month: string;
  diagnoses: { code: string; primary: boolean }[];
  procedures: { code: string; grade?: number | null }[];
  total_cost: number;
  fund_paid: number;
  out_of_pocket: number;
  drg_code: string | null;
  drg_weight: string | null;
}

/** All stored encounters of a community, as the full recompute reads them. */
export async function allEncounters(sql: Sql, communityId: string): Promise<StoredEncounterFacts[]> {
  return (await sql.query<StoredEncounterFacts>(
    `select source, id, organization_id, org_code, out_of_county, community_resident, type, start_date::text, end_date::text, period_month::text, diagnoses, procedures,
            total_cost::float8 as total_cost, fund_paid::float8 as fund_paid, out_of_pocket::float8 as out_of_pocket, drg_code, drg_weight::text from encounter where community_id = $1`,
    [communityId])).rows;
}
