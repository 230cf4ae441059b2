import type { Modality } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

/**
 * The counts behind the centres' indicators (docs/domain/diagnostics.md "Indicators") for the
 * orders placed in [from, to): the period's index on ordered_at serves every statement.
 */
export interface MemberCounts {
  organization_id: string;
  organization_name: string;
  modality: Modality;
  ordered: number;
  checked: number;
  rejected: number;
  reported: number;
  remote_reports: number;
  late: number;
  critical: number;
}

export async function memberCounts(sql: Sql, communityId: string, from: Date, to: Date, now: Date): Promise<MemberCounts[]> {
  return (await sql.query<MemberCounts>(
    // Grouped by unit id first (a hash aggregate of a few hundred groups), the names joined after:
    // grouping by the name as well sorted every order of the period (a year: 420 ms, on disk).
    `select c.*, g.name as organization_name from (
     select o.ordering_organization_id as organization_id, o.modality,
            count(*)::int as ordered,
            count(*) filter (where o.accepted_at is not null or o.rejected_at is not null)::int as checked,
            count(*) filter (where o.status = 'rejected')::int as rejected,
            count(*) filter (where o.reported_at is not null)::int as reported,
            count(*) filter (where o.reported_at is not null and o.ordering_organization_id <> o.performing_organization_id)::int as remote_reports,
            count(*) filter (where o.report_due_at is not null and coalesce(o.reported_at, $4) > o.report_due_at)::int as late,
            count(*) filter (where o.critical)::int as critical
       from diagnostic_order o
      where o.community_id = $1 and o.ordered_at >= $2 and o.ordered_at < $3
      group by o.ordering_organization_id, o.modality) c
     join organization g on g.community_id = $1 and g.id = c.organization_id
     order by g.name, c.modality`,
    [communityId, from, to, new Date(Math.min(now.getTime(), to.getTime()))],
  )).rows;
}

/**
 * Report turnaround (data arrival → signed report) in whole minutes, as a histogram per modality:
 * the percentiles are taken from it with the domain's nearest rank (percentileOfHistogram), so
 * the database groups instead of sorting a year of orders for percentile_disc.
 */
export async function turnaroundHistogram(sql: Sql, communityId: string, from: Date, to: Date): Promise<{ modality: Modality; minutes: number; count: number }[]> {
  return (await sql.query(
    `select modality, floor(extract(epoch from (reported_at - resulted_at)) / 60)::int as minutes, count(*)::int as count
       from diagnostic_order where community_id = $1 and ordered_at >= $2 and ordered_at < $3 and reported_at is not null and resulted_at is not null
      group by 1, 2`,
    [communityId, from, to],
  )).rows as never;
}

/** Turnaround minutes of each reported order, for the test that compares them with the domain's percentiles. */
export async function turnaroundMinutesOf(sql: Sql, communityId: string, from: Date, to: Date): Promise<{ modality: Modality; minutes: number }[]> {
  return (await sql.query(
    `select modality, floor(extract(epoch from (reported_at - resulted_at)) / 60)::int as minutes
       from diagnostic_order where community_id = $1 and ordered_at >= $2 and ordered_at < $3 and reported_at is not null and resulted_at is not null`,
    [communityId, from, to],
  )).rows as never;
}

export async function criticalTimes(sql: Sql, communityId: string, from: Date, to: Date): Promise<{ raised_at: Date; deadline_at: Date; acknowledged_at: Date | null; ordering_organization_id: string }[]> {
  return (await sql.query(
    'select raised_at, deadline_at, acknowledged_at, ordering_organization_id from critical_value where community_id = $1 and raised_at >= $2 and raised_at < $3',
    [communityId, from, to],
  )).rows as never;
}

export async function recognitionCounts(sql: Sql, communityId: string, from: Date, to: Date): Promise<{ organization_id: string; used: number; repeated: number; avoided_fen: number }[]> {
  return (await sql.query(
    `select organization_id, count(*) filter (where outcome = 'used')::int as used, count(*) filter (where outcome = 'repeated')::int as repeated,
            coalesce(sum(price_fen) filter (where outcome = 'used'), 0)::float8 as avoided_fen
       from recognition_event where community_id = $1 and at >= $2 and at < $3 group by organization_id`,
    [communityId, from, to],
  )).rows as never;
}
