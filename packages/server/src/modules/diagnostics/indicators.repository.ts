import type { Modality } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';
import { countsOfMonths, shanghaiMonth, turnaroundOfMonths, unreportedLate } from './month-counts.repository.ts';

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

/**
 * A period [start, end) as the whole Asia/Shanghai months inside it (read from the monthly
 * counts) and the partial stretches at its ends (read from the orders): docs/domain/diagnostics.md
 * "Monthly counts".
 */
export function splitByMonths(start: Date, end: Date): { months: [from: string, to: string] | null; edges: [Date, Date][] } {
  const monthStart = (m: string) => new Date(`${m}T00:00:00+08:00`);
  const nextMonth = (m: string) => {
    const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  };
  const first = shanghaiMonth(start);
  const firstWhole = monthStart(first).getTime() === start.getTime() ? first : nextMonth(first);
  const lastWholeEnd = shanghaiMonth(end);
  if (monthStart(firstWhole).getTime() >= monthStart(lastWholeEnd).getTime() || monthStart(firstWhole).getTime() >= end.getTime()) return { months: null, edges: [[start, end]] };
  const edges: [Date, Date][] = [];
  if (monthStart(firstWhole).getTime() > start.getTime()) edges.push([start, monthStart(firstWhole)]);
  if (end.getTime() > monthStart(lastWholeEnd).getTime()) edges.push([monthStart(lastWholeEnd), end]);
  return { months: [firstWhole, lastWholeEnd], edges };
}

/** The counts of the orders placed in [from, to), read from the orders (a period's partial months). */
async function countsOfOrders(sql: Sql, communityId: string, from: Date, to: Date, asOf: Date): Promise<Omit<MemberCounts, 'organization_name'>[]> {
  return (await sql.query<Omit<MemberCounts, 'organization_name'>>(
    `select o.ordering_organization_id as organization_id, o.modality,
            count(*)::int as ordered,
            count(*) filter (where o.accepted_at is not null or o.rejected_at is not null)::int as checked,
            count(*) filter (where o.status = 'rejected')::int as rejected,
            count(*) filter (where o.reported_at is not null)::int as reported,
            count(*) filter (where o.reported_at is not null and o.ordering_organization_id <> o.performing_organization_id)::int as remote_reports,
            count(*) filter (where o.report_due_at is not null and coalesce(o.reported_at, $4) > o.report_due_at)::int as late,
            count(*) filter (where o.critical)::int as critical
       from diagnostic_order o
      where o.community_id = $1 and o.ordered_at >= $2 and o.ordered_at < $3
      group by o.ordering_organization_id, o.modality`,
    [communityId, from, to, asOf],
  )).rows;
}

/**
 * Per ordering unit and modality, the counts of the orders placed in [from, to): the whole
 * months from the monthly counts (a report still missing past its due time is late as of
 * min(now, to), so those orders are counted live), the partial months from the orders.
 */
export async function memberCounts(sql: Sql, communityId: string, from: Date, to: Date, now: Date): Promise<MemberCounts[]> {
  const asOf = new Date(Math.min(now.getTime(), to.getTime()));
  const { months, edges } = splitByMonths(from, to);
  const [whole, open, ...partial] = await Promise.all([
    months ? countsOfMonths(sql, communityId, months[0], months[1]) : [],
    months ? unreportedLate(sql, communityId, new Date(`${months[0]}T00:00:00+08:00`), new Date(`${months[1]}T00:00:00+08:00`), asOf) : [],
    ...edges.map(([a, b]) => countsOfOrders(sql, communityId, a, b, asOf)),
  ]);
  const by = new Map<string, Omit<MemberCounts, 'organization_name'>>();
  const add = (r: Omit<MemberCounts, 'organization_name'>) => {
    const key = `${r.organization_id} ${r.modality}`;
    const m = by.get(key) ?? { organization_id: r.organization_id, modality: r.modality, ordered: 0, checked: 0, rejected: 0, reported: 0, remote_reports: 0, late: 0, critical: 0 };
    for (const k of ['ordered', 'checked', 'rejected', 'reported', 'remote_reports', 'late', 'critical'] as const) m[k] += r[k];
    by.set(key, m);
  };
  for (const w of whole) add({ ...w, late: w.reported_late });
  for (const u of open) {
    const m = by.get(`${u.organization_id} ${u.modality}`);
    if (m) m.late += u.late;
  }
  for (const rows of partial) rows.forEach(add);
  if (by.size === 0) return [];
  const names = new Map((await sql.query<{ id: string; name: string }>('select id, name from organization where community_id = $1 and id = any($2::uuid[])',
    [communityId, [...new Set([...by.values()].map((m) => m.organization_id))]])).rows.map((o) => [o.id, o.name]));
  return [...by.values()].map((m) => ({ ...m, organization_name: names.get(m.organization_id) ?? '' }))
    .sort((a, b) => (a.organization_name < b.organization_name ? -1 : a.organization_name > b.organization_name ? 1 : a.modality < b.modality ? -1 : a.modality > b.modality ? 1 : 0));
}

/**
 * Report turnaround (data arrival → signed report) in whole minutes, as a histogram per modality:
 * the percentiles are taken from it with the domain's nearest rank (percentileOfHistogram). Whole
 * months come from the monthly histogram, partial ones from the orders.
 */
export async function turnaroundHistogram(sql: Sql, communityId: string, from: Date, to: Date): Promise<{ modality: Modality; minutes: number; count: number }[]> {
  const { months, edges } = splitByMonths(from, to);
  const parts = await Promise.all([
    months ? turnaroundOfMonths(sql, communityId, months[0], months[1]) : [],
    ...edges.map(async ([a, b]) => (await sql.query<{ modality: Modality; minutes: number; count: number }>(
      `select modality, floor(extract(epoch from (reported_at - resulted_at)) / 60)::int as minutes, count(*)::int as count
         from diagnostic_order where community_id = $1 and ordered_at >= $2 and ordered_at < $3 and reported_at is not null and resulted_at is not null
        group by 1, 2`,
      [communityId, a, b])).rows),
  ]);
  return parts.flat();
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
