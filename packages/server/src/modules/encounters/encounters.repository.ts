import { copyTextLine, type CopyChunk, type Database, type Sql, type Tx } from '../../platform/db/database.ts';
import { copyIntoTable } from '../../platform/db/bulk-load.ts';
import type { AggregateDeltas, Contribution } from './aggregate-deltas.ts';

/** The stored version of an encounter, as a re-send compares against it. */
export interface StoredEncounter {
  contentHash: string;
  contribution: Contribution;
}

/**
 * Serialises ingests of one (community, source) for the rest of the transaction, so two batches
 * carrying the same new key cannot both count it. Different sources ingest in parallel.
 */
export async function lockSource(sql: Sql, communityId: string, source: string): Promise<void> {
  await sql.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`encounter:${communityId}:${source}`]);
}

/** Stored versions of the given keys, locked for the transaction; keyed `source\0id`. */
export async function existing(sql: Sql, communityId: string, keys: readonly { source: string; id: string }[]): Promise<Map<string, StoredEncounter>> {
  if (!keys.length) return new Map();
  const { rows } = await sql.query<{ source: string; id: string; content_hash: string; contrib: Record<string, number>; period_month: string; organization_id: string | null; disease: string | null }>(
    // One primary-key probe per key (a plain join lets the planner scan the community's rows: 70 ms a chunk at 30k residents).
    `select e.* from unnest($2::text[], $3::text[]) k(source, id) cross join lateral (
       select e.source, e.id, e.content_hash, e.contrib, e.period_month::text as period_month, e.organization_id,
              case when e.out_of_county and e.community_resident and e.type = 'inpatient' then e.primary_icd3 end as disease
         from encounter e where e.community_id = $1 and e.source = k.source and e.id = k.id for update) e`,
    [communityId, keys.map((k) => k.source), keys.map((k) => k.id)],
  );
  return new Map(rows.map((r) => [`${r.source}\u0000${r.id}`, { contentHash: r.content_hash, contribution: { contrib: r.contrib, periodMonth: r.period_month, organizationId: r.organization_id, disease: r.disease } }]));
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

const UPSERT_TYPES = ['text', 'text', 'uuid', 'text', 'boolean', 'uuid', 'boolean', 'text', 'text', 'date', 'date', 'date', 'text', 'json', 'text', 'json',
  'bigint', 'bigint', 'bigint', 'text', 'text', 'numeric', 'json', 'text'] as const;

/** Inserts new encounters and replaces corrected versions, many in one statement (one key once). */
export async function upsertEncounters(sql: Sql, communityId: string, rows: readonly EncounterRow[]): Promise<void> {
  if (!rows.length) return;
  const cols = COPY_COLUMNS.slice(1);
  const arrays = cols.map(() => [] as unknown[]);
  for (const e of rows) {
    [e.source, e.id, e.organizationId, e.orgCode, e.outOfCounty, e.residentId, e.communityResident, e.idNumberHash, e.type, e.start, e.end, e.periodMonth,
      e.department, JSON.stringify(e.diagnoses), e.primaryIcd3, JSON.stringify(e.procedures), e.totalCost, e.fundPaid, e.outOfPocket, e.referralId, e.drgCode,
      e.drgWeight, JSON.stringify(e.contrib), e.contentHash].forEach((v, i) => arrays[i]!.push(v));
  }
  const update = cols.filter((c) => c !== 'source' && c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ');
  await sql.query(
    `insert into encounter (community_id, ${cols.join(', ')})
     select $1, * from unnest(${UPSERT_TYPES.map((t, i) => `$${i + 2}::${t}[]`).join(', ')})
     on conflict (community_id, source, id) do update set ${update}, ingested_at = excluded.ingested_at`,
    [communityId, ...arrays],
  );
}

/**
 * COPYs encounters that do not exist yet straight into `encounter` (issue #11 item 1: the fastest
 * path PostgreSQL has). Only for keys the caller probed absent while holding their source's lock
 * (`lockSource`), so no other writer can have added them; a key that exists anyway fails the
 * COPY and with it the whole batch — never a row twice.
 */
export function copyEncounterLines(tx: Tx, lines: readonly string[]): Promise<number> {
  return lines.length ? tx.copyLines('encounter', COPY_COLUMNS, lines) : Promise.resolve(0);
}

/** One encounter as a COPY line for copyEncounterLines. */
export function encounterCopyLine(e: EncounterRow): string {
  return copyTextLine(copyValues(e));
}

/** Writes a batch's deltas, in key order so concurrent batches lock aggregate rows alike (no deadlock). */
export async function applyDeltas(sql: Sql, communityId: string, d: AggregateDeltas): Promise<void> {
  await addToAggregates(sql, communityId, new Map([...d.counters].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  await addToDiseases(sql, communityId, new Map([...d.diseases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** Adds deltas to the monthly counters (negative when a replaced version is taken out). */
async function addToAggregates(sql: Sql, communityId: string, deltas: Map<string, number>): Promise<void> {
  const rows = [...deltas].filter(([, v]) => v !== 0).map(([k, v]) => [...k.split('|'), v] as [string, string, string, number]);
  if (!rows.length) return;
  await sql.query(
    `insert into encounter_agg (community_id, month, unit_key, organization_id, metric, value)
     select $1, m::date, u, case when u = 'out' then null else u::uuid end, k, v from unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) x(m, u, k, v)
     on conflict (community_id, month, unit_key, metric) do update set value = encounter_agg.value + excluded.value`,
    [communityId, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
  );
}

async function addToDiseases(sql: Sql, communityId: string, deltas: Map<string, number>): Promise<void> {
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

/** The same sums month by month (the trend), keyed by the month's first day. */
export async function sumAggregatesByMonth(sql: Sql, communityId: string, months: readonly string[], organizationId: string | null): Promise<Map<string, Record<string, number>>> {
  const { rows } = await sql.query<{ month: string; metric: string; value: number }>(
    `select month::text as month, metric, sum(value)::float8 as value from encounter_agg
      where community_id = $1 and month = any($2::date[]) and ($3::uuid is null or organization_id = $3) group by month, metric`,
    [communityId, months, organizationId],
  );
  return groupSums(rows.map((r) => [r.month, r.metric, Number(r.value)]));
}

/** The same sums per in-county unit (the ranking of member units). */
export async function sumAggregatesByUnit(sql: Sql, communityId: string, months: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const { rows } = await sql.query<{ organization_id: string; metric: string; value: number }>(
    `select organization_id, metric, sum(value)::float8 as value from encounter_agg
      where community_id = $1 and month = any($2::date[]) and organization_id is not null group by organization_id, metric`,
    [communityId, months],
  );
  return groupSums(rows.map((r) => [r.organization_id, r.metric, Number(r.value)]));
}

function groupSums(rows: readonly [string, string, number][]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const [k, metric, v] of rows) {
    const m = out.get(k) ?? {};
    m[metric] = v;
    out.set(k, m);
  }
  return out;
}

/** Did any out-of-county (insurance) data arrive for these months? (docs/domain/indicators.md "Out-of-county data") */
export async function hasOutOfCountyData(sql: Sql, communityId: string, months: readonly string[]): Promise<boolean> {
  const { rows } = await sql.query<{ n: number }>(
    `select coalesce(sum(value), 0)::float8 as n from encounter_agg where community_id = $1 and month = any($2::date[]) and unit_key = 'out' and metric = 'out_county'`,
    [communityId, months],
  );
  return Number(rows[0]?.n ?? 0) > 0;
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

/** One encounter's values in COPY_COLUMNS order. */
function copyValues(e: EncounterRow): readonly unknown[] {
  return [e.communityId, e.source, e.id, e.organizationId, e.orgCode, e.outOfCounty, e.residentId, e.communityResident, e.idNumberHash, e.type, e.start, e.end,
    e.periodMonth, e.department, e.diagnoses, e.primaryIcd3, e.procedures, e.totalCost, e.fundPaid, e.outOfPocket, e.referralId, e.drgCode, e.drgWeight,
    e.contrib, e.contentHash];
}

/** Bulk load of new encounters (demo seed, benchmarks), encoded by `encounterCopyLine`; the caller adds their aggregates. */
export function copyEncounterChunks(db: Database, chunks: AsyncIterable<CopyChunk> | Iterable<CopyChunk>): Promise<number> {
  return copyIntoTable(db, 'encounter', COPY_COLUMNS, chunks);
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

/**
 * One page of a community's stored encounters in key order, after (source, id): the full
 * recompute reads them page by page, so memory stays flat at any size.
 */
export async function encounterPage(sql: Sql, communityId: string, after: { source: string; id: string } | null, limit: number): Promise<StoredEncounterFacts[]> {
  return (await sql.query<StoredEncounterFacts>(
    `select source, id, organization_id, org_code, out_of_county, community_resident, type, start_date::text, end_date::text, period_month::text, diagnoses, procedures,
            total_cost::float8 as total_cost, fund_paid::float8 as fund_paid, out_of_pocket::float8 as out_of_pocket, drg_code, drg_weight::text
       from encounter where community_id = $1 and ($2::text is null or (source, id) > ($2, $3)) order by source, id limit $4`,
    [communityId, after?.source ?? null, after?.id ?? null, limit])).rows;
}
