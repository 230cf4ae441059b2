import type { EncounterType, Metric } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

/** Which stored encounters a list covers: one community (and maybe one unit), a month range, maybe counters. */
export interface EncounterListFilter {
  communityId: string;
  organizationId: string | null;
  /** First days of the first and last month, inclusive. */
  fromMonth: string;
  toMonth: string;
  /** Rows whose contributions have any of these counters > 0; every row when empty. */
  metrics: readonly Metric[];
}

export interface EncounterListRow {
  source: string;
  id: string;
  type: EncounterType;
  start_date: string;
  end_date: string | null;
  period_month: string;
  out_of_county: boolean;
  organization_id: string | null;
  organization_name: string;
  diagnosis_code: string;
  diagnosis_name: string | null;
  total_cost: number;
  fund_paid: number;
  out_of_pocket: number;
  drg_weight: number | null;
  contrib: Record<string, number>;
  community_resident: boolean;
  resident_id: string | null;
  resident_name: string | null;
  /** The resident's managing unit (for the read decision), when a community resident. */
  resident_organization_id: string | null;
}

/**
 * The WHERE clause of a list. It matches the indexes of migration 0015: equality on the community
 * (and unit), a range on the period month; the counter test is the same as `contributesTo`.
 */
function where(f: EncounterListFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [f.communityId, f.fromMonth, f.toMonth];
  let sql = 'e.community_id = $1 and e.period_month between $2::date and $3::date';
  if (f.organizationId) {
    params.push(f.organizationId);
    sql += ` and e.organization_id = $${params.length}`;
  }
  if (f.metrics.length) {
    const tests = f.metrics.map((m) => {
      params.push(m);
      return `(e.contrib ->> $${params.length}::text)::bigint > 0`;
    });
    sql += ` and (${tests.join(' or ')})`;
  }
  return { sql, params };
}

/** How many encounters the list holds and the sum of their contributions to the named counters. */
export async function countEncounters(sql: Sql, f: EncounterListFilter): Promise<{ total: number; sum: number }> {
  const w = where(f);
  const first = w.params.length + 1;
  const contribution = f.metrics.length ? f.metrics.map((_, i) => `coalesce((e.contrib ->> $${first + i}::text)::bigint, 0)`).join(' + ') : '0';
  const { rows } = await sql.query<{ total: number; sum: number }>(
    `select count(*)::float8 as total, coalesce(sum(${contribution}), 0)::float8 as sum from encounter e where ${w.sql}`,
    [...w.params, ...f.metrics],
  );
  return { total: Number(rows[0]?.total ?? 0), sum: Number(rows[0]?.sum ?? 0) };
}

/**
 * One page, newest first (period month, then visit or admission date; ties by key for stable
 * pages), with the unit's name, the primary diagnosis and its ICD-10 name, and the resident's name
 * when the patient is a resident of this community (same tenant: the join keeps `community_id`).
 */
export async function listEncounters(sql: Sql, f: EncounterListFilter, page: { limit: number; offset: number }): Promise<EncounterListRow[]> {
  const w = where(f);
  const n = w.params.length;
  const { rows } = await sql.query<EncounterListRow>(
    `with page as (
       select e.* from encounter e where ${w.sql}
        order by e.period_month desc, e.start_date desc, e.source desc, e.id desc
        limit $${n + 1} offset $${n + 2})
     select e.source, e.id, e.type, e.start_date::text as start_date, e.end_date::text as end_date, e.period_month::text as period_month,
            e.out_of_county, e.organization_id, coalesce(o.name, e.org_code) as organization_name,
            coalesce(p.code, e.primary_icd3) as diagnosis_code, coalesce(full_code.name_zh, category.name_zh) as diagnosis_name,
            e.total_cost::float8 as total_cost, e.fund_paid::float8 as fund_paid, e.out_of_pocket::float8 as out_of_pocket,
            e.drg_weight::float8 as drg_weight, e.contrib, e.community_resident, e.resident_id,
            r.name as resident_name, r.organization_id as resident_organization_id
       from page e
       -- $1 is the community: the constant lets Citus route the joins to the page's shard.
       left join organization o on o.community_id = $1 and o.id = e.organization_id
       left join resident r on e.community_resident and r.community_id = $1 and r.id = e.resident_id
       left join lateral (select d ->> 'code' as code from json_array_elements(e.diagnoses) d where (d ->> 'primary')::boolean limit 1) p on true
       left join icd10 full_code on full_code.code = p.code
       left join icd10 category on category.code = e.primary_icd3
      order by e.period_month desc, e.start_date desc, e.source desc, e.id desc`,
    [...w.params, page.limit, page.offset],
  );
  return rows;
}
