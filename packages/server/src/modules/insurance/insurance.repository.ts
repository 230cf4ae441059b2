import type { ScopeFilter } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';
import { scopeWhere } from '../../platform/db/scope-where.ts';

// Storage of the insurance module (migration 0019). Every statement filters on community_id.

export interface StoredVersion<T> {
  version: number;
  body: T;
  reason: string;
  changedBy: string;
  changedAt: string;
}

type VersionTable = 'insurance_policy' | 'appraisal_scheme';
const BODY: Record<VersionTable, string> = {
  insurance_policy: 'params',
  appraisal_scheme: "jsonb_build_object('items', items, 'adjustments', adjustments)",
};

/** The current (highest) version of a community-year, or null. */
export async function currentVersion<T>(sql: Sql, table: VersionTable, communityId: string, year: number): Promise<StoredVersion<T> | null> {
  return (await sql.query<StoredVersion<T>>(
    `select version, ${BODY[table]} as body, reason, changed_by_username as "changedBy", changed_at as "changedAt"
       from ${table} where community_id = $1 and year = $2 order by version desc limit 1`, [communityId, year])).rows[0] ?? null;
}

/** Every version of a community-year, newest first. */
export async function versions<T>(sql: Sql, table: VersionTable, communityId: string, year: number): Promise<StoredVersion<T>[]> {
  return (await sql.query<StoredVersion<T>>(
    `select version, ${BODY[table]} as body, reason, changed_by_username as "changedBy", changed_at as "changedAt"
       from ${table} where community_id = $1 and year = $2 order by version desc`, [communityId, year])).rows;
}

/**
 * Appends the next version. The community-year's versions are serialised by the primary key: two
 * concurrent edits both read version n, one inserts n + 1, the other fails with a conflict.
 */
export async function insertPolicyVersion(sql: Sql, v: { communityId: string; year: number; version: number; params: unknown; reason: string; userId: string | null; username: string; at: Date }): Promise<{ changedAt: string }> {
  return (await sql.query<{ changedAt: string }>(
    `insert into insurance_policy (community_id, year, version, params, reason, changed_by, changed_by_username, changed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning changed_at as "changedAt"`,
    [v.communityId, v.year, v.version, JSON.stringify(v.params), v.reason, v.userId, v.username, v.at])).rows[0]!;
}

export async function insertSchemeVersion(sql: Sql, v: { communityId: string; year: number; version: number; items: unknown; adjustments: unknown; reason: string; userId: string | null; username: string; at: Date }): Promise<void> {
  await sql.query(
    `insert into appraisal_scheme (community_id, year, version, items, adjustments, reason, changed_by, changed_by_username, changed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [v.communityId, v.year, v.version, JSON.stringify(v.items), JSON.stringify(v.adjustments), v.reason, v.userId, v.username, v.at]);
}

/** Fund paid for the community's residents per month of a year (in county and all), from the monthly aggregates. */
export async function monthlyOutlay(sql: Sql, communityId: string, year: number): Promise<Map<string, { all: number; inCounty: number }>> {
  const { rows } = await sql.query<{ month: string; all: string; in_county: string }>(
    `select to_char(month, 'YYYY-MM') as month,
            coalesce(sum(value) filter (where metric = 'res_fund'), 0) as all,
            coalesce(sum(value) filter (where metric = 'res_fund_in'), 0) as in_county
       from encounter_agg
      where community_id = $1 and month >= make_date($2, 1, 1) and month < make_date($2 + 1, 1, 1) and metric in ('res_fund', 'res_fund_in')
      group by month`, [communityId, year]);
  return new Map(rows.map((r) => [r.month, { all: Number(r.all), inCounty: Number(r.in_county) }]));
}

/** Active residents managed by each unit of the community. */
export async function residentsPerUnit(sql: Sql, communityId: string): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ organization_id: string; n: string }>(
    `select organization_id, count(*) as n from resident where community_id = $1 and status = 'active' group by organization_id`, [communityId]);
  return new Map(rows.map((r) => [r.organization_id, Number(r.n)]));
}

/**
 * In-county inpatient encounters discharged in [from, to) at the community's units: the DIP cases.
 * One text of tab-separated lines (split in Node far faster than 100k-element arrays parse; the
 * feed refuses control characters, so no field holds a tab).
 */
export async function inpatientCases(sql: Sql, communityId: string, from: string, to: string): Promise<{ organizationIds: string[]; groups: string[]; costs: number[] }> {
  const { rows } = await sql.query<{ t: string | null }>(
    `select string_agg(concat_ws(E'\t', organization_id, primary_icd3, total_cost), E'\n') as t
       from encounter
      where community_id = $1 and type = 'inpatient' and not out_of_county and organization_id is not null
        and period_month >= $2::date and period_month < $3::date`, [communityId, from, to]);
  const out = { organizationIds: [] as string[], groups: [] as string[], costs: [] as number[] };
  for (const line of rows[0]?.t ? rows[0].t.split('\n') : []) {
    const [o, g, c] = line.split('\t') as [string, string, string];
    out.organizationIds.push(o);
    out.groups.push(g);
    out.costs.push(Number(c));
  }
  return out;
}

/** The same cases summed per primary category: what the disease scores of a reference year need. */
export async function inpatientGroupTotals(sql: Sql, communityId: string, from: string, to: string): Promise<{ group: string; cases: number; totalCost: number }[]> {
  return (await sql.query<{ group: string; cases: number; totalCost: number }>(
    `select primary_icd3 as group, count(*)::int as cases, sum(total_cost)::float8 as "totalCost"
       from encounter
      where community_id = $1 and type = 'inpatient' and not out_of_county and organization_id is not null
        and period_month >= $2::date and period_month < $3::date
      group by primary_icd3`, [communityId, from, to])).rows;
}

/** In-county inpatient encounters with a DRG discharged in [from, to) at the community's units (one text, as inpatientCases). */
export async function drgCases(sql: Sql, communityId: string, from: string, to: string): Promise<{ organizationIds: string[]; codes: string[]; weights: number[]; costs: number[] }> {
  const { rows } = await sql.query<{ t: string | null }>(
    `select string_agg(concat_ws(E'\t', organization_id, drg_code, drg_weight, total_cost), E'\n') as t
       from encounter
      where community_id = $1 and type = 'inpatient' and not out_of_county and organization_id is not null and drg_code is not null
        and period_month >= $2::date and period_month < $3::date`, [communityId, from, to]);
  const out = { organizationIds: [] as string[], codes: [] as string[], weights: [] as number[], costs: [] as number[] };
  for (const line of rows[0]?.t ? rows[0].t.split('\n') : []) {
    const [o, d, w, c] = line.split('\t') as [string, string, string, string];
    out.organizationIds.push(o);
    out.codes.push(d);
    out.weights.push(Number(w));
    out.costs.push(Number(c));
  }
  return out;
}

export interface SettlementRow {
  id: string;
  communityId: string;
  year: number;
  status: 'draft' | 'confirmed';
  policyVersion: number;
  scoreSource: 'request' | 'appraisal';
  result: Record<string, unknown>;
  preparedBy: string;
  preparedById: string | null;
  preparedAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

const SETTLEMENT_COLUMNS = `id, community_id as "communityId", year, status, policy_version as "policyVersion", score_source as "scoreSource", result,
  prepared_by_username as "preparedBy", prepared_by as "preparedById", prepared_at as "preparedAt", confirmed_by_username as "confirmedBy", confirmed_at as "confirmedAt"`;

/** Idempotent on the client's id: null when that id is taken (the caller compares). */
export async function insertSettlement(sql: Sql, s: { communityId: string; id: string; year: number; policyVersion: number; scoreSource: string; result: unknown; userId: string | null; username: string; at: Date }): Promise<SettlementRow | null> {
  return (await sql.query<SettlementRow>(
    `insert into insurance_settlement (community_id, id, year, status, policy_version, score_source, result, prepared_by, prepared_by_username, prepared_at)
     values ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9) on conflict (community_id, id) do nothing returning ${SETTLEMENT_COLUMNS}`,
    [s.communityId, s.id, s.year, s.policyVersion, s.scoreSource, JSON.stringify(s.result), s.userId, s.username, s.at])).rows[0] ?? null;
}

/**
 * The caller's scope on a community-level table aliased `t`: its communities or region; a unit's
 * account (organizationIds set) reaches no community-level record.
 */
function communityLevelScope(f: ScopeFilter, n: number): { sql: string; params: unknown[] } {
  const w = scopeWhere(f, n);
  return { sql: `${w.sql} and $${n + 2}::uuid[] is null`, params: [...w.params, f.organizationIds] };
}

/** A settlement by id inside the caller's scope, or null (out of scope reads as absent). */
export async function findSettlement(sql: Sql, f: ScopeFilter, id: string): Promise<SettlementRow | null> {
  const w = communityLevelScope(f, 2);
  return (await sql.query<SettlementRow>(
    `select ${SETTLEMENT_COLUMNS.replace(/^id,/, 't.id,')} from insurance_settlement t where t.id = $1 and ${w.sql}`, [id, ...w.params])).rows[0] ?? null;
}

/** The settlement locked for a change (its community already checked). */
export async function lockSettlement(sql: Sql, communityId: string, id: string): Promise<SettlementRow | null> {
  return (await sql.query<SettlementRow>(`select ${SETTLEMENT_COLUMNS} from insurance_settlement where community_id = $1 and id = $2 for update`, [communityId, id])).rows[0] ?? null;
}

export async function listSettlements(sql: Sql, communityId: string, year: number | null): Promise<SettlementRow[]> {
  return (await sql.query<SettlementRow>(
    `select ${SETTLEMENT_COLUMNS} from insurance_settlement where community_id = $1 and ($2::int is null or year = $2)
      order by year desc, prepared_at desc limit 200`, [communityId, year])).rows;
}

export async function confirmSettlement(sql: Sql, communityId: string, id: string, userId: string, username: string, at: Date): Promise<SettlementRow> {
  return (await sql.query<SettlementRow>(
    `update insurance_settlement set status = 'confirmed', confirmed_by = $3, confirmed_by_username = $4, confirmed_at = $5
      where community_id = $1 and id = $2 returning ${SETTLEMENT_COLUMNS}`, [communityId, id, userId, username, at])).rows[0]!;
}

export async function confirmedSettlementOf(sql: Sql, communityId: string, year: number): Promise<string | null> {
  return (await sql.query<{ id: string }>(`select id from insurance_settlement where community_id = $1 and year = $2 and status = 'confirmed'`, [communityId, year])).rows[0]?.id ?? null;
}

export interface ScenarioRow {
  id: string;
  communityId: string;
  year: number;
  name: string;
  changes: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}

const SCENARIO_COLUMNS = `id, community_id as "communityId", year, name, changes, created_by_username as "createdBy", created_at as "createdAt"`;

/** Idempotent on the client's id: a retry of the same scenario returns the stored one. */
export async function insertScenario(sql: Sql, s: { communityId: string; id: string; year: number; name: string; changes: unknown; userId: string | null; username: string; at: Date }): Promise<ScenarioRow | null> {
  return (await sql.query<ScenarioRow>(
    `insert into insurance_scenario (community_id, id, year, name, changes, created_by, created_by_username, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (community_id, id) do nothing returning ${SCENARIO_COLUMNS}`,
    [s.communityId, s.id, s.year, s.name, JSON.stringify(s.changes), s.userId, s.username, s.at])).rows[0] ?? null;
}

export async function findScenario(sql: Sql, f: ScopeFilter, id: string): Promise<ScenarioRow | null> {
  const w = communityLevelScope(f, 2);
  return (await sql.query<ScenarioRow>(`select ${SCENARIO_COLUMNS.replace(/^id,/, 't.id,')} from insurance_scenario t where t.id = $1 and ${w.sql}`, [id, ...w.params])).rows[0] ?? null;
}

export async function listScenarios(sql: Sql, communityId: string, year: number | null): Promise<ScenarioRow[]> {
  return (await sql.query<ScenarioRow>(
    `select ${SCENARIO_COLUMNS} from insurance_scenario where community_id = $1 and ($2::int is null or year = $2) order by created_at desc limit 200`, [communityId, year])).rows;
}
