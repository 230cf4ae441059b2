import type { SummaryCell } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';
import type { PointRow, RateSummaryKind } from './rate-summary-sql.ts';

/** Serialises summary writers of one community (two writers must not difference against the same old points). */
export async function lockCommunitySummaries(sql: Sql, communityId: string): Promise<void> {
  await sql.query('select pg_advisory_xact_lock(7314, hashtext($1))', [communityId]);
}

function toPoint(kind: RateSummaryKind, r: Record<string, unknown>): PointRow {
  return {
    key: r.key as string,
    organizationId: kind.byUnit ? (r.organizationId as string) : null,
    disease: kind.byUnit ? (r.disease as string) : null,
    days: r.days as string[],
    counts: kind.countColumns.map((c) => r[c] as number[]),
  };
}

/** The stored points of these things. */
export async function storedPoints(sql: Sql, kind: RateSummaryKind, communityId: string, keys: readonly string[]): Promise<PointRow[]> {
  const unit = kind.byUnit ? 'organization_id::text as "organizationId", disease,' : '';
  const { rows } = await sql.query<Record<string, unknown>>(
    `select ${kind.keyColumn} as key, ${unit} days::text[] as days, ${kind.countColumns.map((c) => `${c}::int[] as ${c}`).join(', ')}
       from ${kind.pointTable} where community_id = $1 and ${kind.keyColumn} = any($2::uuid[])`, [communityId, keys]);
  return rows.map((r) => toPoint(kind, r));
}

/** The points of these things derived from their source rows now. */
export async function derivedPoints(sql: Sql, kind: RateSummaryKind, communityId: string, keys: readonly string[]): Promise<PointRow[]> {
  const { rows } = await sql.query<Record<string, unknown>>(kind.pointsSql, [communityId, keys]);
  return rows.map((r) => toPoint(kind, r));
}

/** Stores the points (replacing those of the same things). */
export async function putPoints(sql: Sql, kind: RateSummaryKind, communityId: string, points: readonly PointRow[]): Promise<void> {
  if (points.length === 0) return;
  const unit = kind.byUnit ? ['organization_id uuid', 'disease text'] : [];
  const cols = [`${kind.keyColumn} uuid`, ...unit, 'days date[]', ...kind.countColumns.map((c) => `${c} smallint[]`)];
  const names = cols.map((c) => c.split(' ')[0]!);
  const json = points.map((p) => ({
    [kind.keyColumn]: p.key,
    ...(kind.byUnit ? { organization_id: p.organizationId, disease: p.disease } : {}),
    days: p.days,
    ...Object.fromEntries(kind.countColumns.map((c, i) => [c, p.counts[i]])),
  }));
  await sql.query(
    `insert into ${kind.pointTable} (community_id, ${names.join(', ')})
     select $1, ${names.map((n) => `x.${n}`).join(', ')} from json_to_recordset($2::json) as x(${cols.join(', ')})
     on conflict (community_id, ${kind.keyColumn}) do update set ${names.slice(1).map((n) => `${n} = excluded.${n}`).join(', ')}`,
    [communityId, JSON.stringify(json)]);
}

export async function deletePoints(sql: Sql, kind: RateSummaryKind, communityId: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql.query(`delete from ${kind.pointTable} where community_id = $1 and ${kind.keyColumn} = any($2::uuid[])`, [communityId, keys]);
}

/** Adds the changes to the day/month/year cells in key order (one lock order for all writers). */
export async function addCellChanges(sql: Sql, kind: RateSummaryKind, communityId: string, cells: readonly SummaryCell[]): Promise<void> {
  if (cells.length === 0) return;
  const unit = kind.byUnit ? ['organization_id uuid', 'disease text'] : [];
  const cols = ['grain char(1)', 'bucket date', ...unit, ...kind.countColumns.map((c) => `${c} integer`)];
  const names = cols.map((c) => c.split(' ')[0]!);
  const json = cells.map((c) => ({
    grain: c.grain, bucket: c.bucket,
    ...(kind.byUnit ? { organization_id: c.organizationId, disease: c.disease } : {}),
    ...Object.fromEntries(kind.countColumns.map((n, i) => [n, c.counts[i]])),
  }));
  await sql.query(
    `insert into ${kind.deltaTable} (community_id, ${names.join(', ')})
     select $1, ${names.map((n) => `x.${n}`).join(', ')} from json_to_recordset($2::json) as x(${cols.join(', ')}) order by ${names.slice(0, 2 + unit.length).map((n) => `x.${n}`).join(', ')}
     on conflict (community_id, ${names.slice(0, 2 + unit.length).join(', ')}) do update set
       ${kind.countColumns.map((c) => `${c} = ${kind.deltaTable}.${c} + excluded.${c}`).join(', ')}`,
    [communityId, JSON.stringify(json)]);
}

/** Drops the whole summary of a community (before a rebuild). */
export async function clearSummary(sql: Sql, kind: RateSummaryKind, communityId: string): Promise<void> {
  await sql.query(`delete from ${kind.pointTable} where community_id = $1`, [communityId]);
  await sql.query(`delete from ${kind.deltaTable} where community_id = $1`, [communityId]);
}

export async function allKeys(sql: Sql, kind: RateSummaryKind, communityId: string): Promise<string[]> {
  return (await sql.query<{ key: string }>(kind.allKeysSql, [communityId])).rows.map((r) => r.key);
}

/** The chronic enrolments of these residents (a corrected birth date moves their 35th birthday). */
export async function enrollmentsOfResidents(sql: Sql, communityId: string, residentIds: readonly string[]): Promise<string[]> {
  return (await sql.query<{ id: string }>('select id from chronic_enrollment where community_id = $1 and resident_id = any($2::uuid[])', [communityId, residentIds])).rows.map((r) => r.id);
}
