import type { Modality } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

/**
 * The monthly counts behind the centres' indicators (migration 0026; docs/domain/diagnostics.md
 * "Monthly counts"): what one order contributes, the change of a write applied in its transaction,
 * the rebuild after bulk loads, and the reads of a period's whole months.
 */
export interface OrderFacts {
  community_id: string;
  ordered_at: Date;
  ordering_organization_id: string;
  performing_organization_id: string;
  modality: Modality;
  status: string;
  accepted_at: Date | null;
  rejected_at: Date | null;
  resulted_at: Date | null;
  report_due_at: Date | null;
  reported_at: Date | null;
  critical: boolean;
}
type Facts = OrderFacts;

const COUNTERS = ['ordered', 'checked', 'rejected', 'reported', 'remote_reports', 'reported_late', 'critical'] as const;
type Counter = (typeof COUNTERS)[number];

/** The first day (YYYY-MM-01) of the Asia/Shanghai month an instant falls in. */
export const shanghaiMonth = (d: Date) => `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7)}-01`;

/** What an order adds to its month's row — the same definitions as the SQL of the rebuild and of memberCounts. */
function contribution(o: Facts): Record<Counter, number> {
  const reported = o.reported_at !== null;
  return {
    ordered: 1,
    checked: o.accepted_at !== null || o.rejected_at !== null ? 1 : 0,
    rejected: o.status === 'rejected' ? 1 : 0,
    reported: reported ? 1 : 0,
    remote_reports: reported && o.ordering_organization_id !== o.performing_organization_id ? 1 : 0,
    reported_late: reported && o.report_due_at !== null && o.reported_at!.getTime() > o.report_due_at.getTime() ? 1 : 0,
    critical: o.critical ? 1 : 0,
  };
}

/** Whole minutes from data to signed report, or null while either is missing. */
const turnaround = (o: Facts) => (o.reported_at && o.resulted_at ? Math.floor((o.reported_at.getTime() - o.resulted_at.getTime()) / 60_000) : null);

/**
 * Applies one write of an order (`before` null: a new order) to its month's counts and turnaround
 * histogram, in the writer's transaction. The month, unit and modality of an order never change.
 */
export async function applyOrderChange(sql: Sql, before: Facts | null, after: Facts): Promise<void> {
  const a = contribution(after);
  const b = before ? contribution(before) : null;
  const delta = COUNTERS.map((c) => a[c] - (b ? b[c] : 0));
  const month = shanghaiMonth(after.ordered_at);
  if (delta.some((d) => d !== 0)) {
    await sql.query(
      `insert into diagnostic_month_count (community_id, month, ordering_organization_id, modality, ${COUNTERS.join(', ')})
       values ($1, $2, $3, $4, ${COUNTERS.map((_, i) => `$${i + 5}`).join(', ')})
       on conflict (community_id, month, ordering_organization_id, modality) do update set
         ${COUNTERS.map((c) => `${c} = diagnostic_month_count.${c} + excluded.${c}`).join(', ')}`,
      [after.community_id, month, after.ordering_organization_id, after.modality, ...delta]);
  }
  const was = before ? turnaround(before) : null;
  const now = turnaround(after);
  if (was === now) return;
  const changes = [...(was !== null ? [[was, -1]] : []), ...(now !== null ? [[now, 1]] : [])] as [number, number][];
  await sql.query(
    `insert into diagnostic_month_turnaround (community_id, month, modality, minutes, orders)
     select $1, $2, $3, x.minutes, x.orders from unnest($4::int[], $5::int[]) as x(minutes, orders)
     on conflict (community_id, month, modality, minutes) do update set orders = diagnostic_month_turnaround.orders + excluded.orders`,
    [after.community_id, month, after.modality, changes.map((c) => c[0]), changes.map((c) => c[1])]);
}

const COUNT_SELECT = `
  select date_trunc('month', ordered_at at time zone 'Asia/Shanghai')::date as month, ordering_organization_id, modality,
         count(*)::int as ordered, count(*) filter (where accepted_at is not null or rejected_at is not null)::int as checked,
         count(*) filter (where status = 'rejected')::int as rejected, count(*) filter (where reported_at is not null)::int as reported,
         count(*) filter (where reported_at is not null and ordering_organization_id <> performing_organization_id)::int as remote_reports,
         count(*) filter (where reported_at is not null and report_due_at is not null and reported_at > report_due_at)::int as reported_late,
         count(*) filter (where critical)::int as critical
    from diagnostic_order where community_id = $1 group by 1, 2, 3`;
const TURNAROUND_SELECT = `
  select date_trunc('month', ordered_at at time zone 'Asia/Shanghai')::date as month, modality, floor(extract(epoch from (reported_at - resulted_at)) / 60)::int as minutes, count(*)::int as orders
    from diagnostic_order where community_id = $1 and reported_at is not null and resulted_at is not null group by 1, 2, 3`;

/** Recounts a community's months from its orders (after a bulk load: the demo seed, a benchmark). */
export async function rebuildMonthCounts(sql: Sql, communityId: string): Promise<void> {
  await sql.query('delete from diagnostic_month_count where community_id = $1', [communityId]);
  await sql.query('delete from diagnostic_month_turnaround where community_id = $1', [communityId]);
  await sql.query(`insert into diagnostic_month_count (community_id, month, ordering_organization_id, modality, ${COUNTERS.join(', ')})
    select $1, month, ordering_organization_id, modality, ${COUNTERS.join(', ')} from (${COUNT_SELECT}) c`, [communityId]);
  await sql.query(`insert into diagnostic_month_turnaround (community_id, month, modality, minutes, orders) select $1, month, modality, minutes, orders from (${TURNAROUND_SELECT}) t`, [communityId]);
}

/** The kept rows and the rows recounted from the orders, both as text sorted (for the test that they agree). */
export async function keptAndRecounted(sql: Sql, communityId: string): Promise<{ kept: string[]; recounted: string[] }> {
  const text = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(r)).sort();
  const cols = `month::text as month, ordering_organization_id, modality, ${COUNTERS.join(', ')}`;
  const kept = await sql.query(`select ${cols} from diagnostic_month_count where community_id = $1 and ordered <> 0`, [communityId]);
  const recounted = await sql.query(`select ${cols} from (${COUNT_SELECT}) c`, [communityId]);
  const keptTat = await sql.query('select month::text as month, modality, minutes, orders from diagnostic_month_turnaround where community_id = $1 and orders <> 0', [communityId]);
  const recountedTat = await sql.query(`select month::text as month, modality, minutes, orders from (${TURNAROUND_SELECT}) t`, [communityId]);
  return { kept: [...text(kept.rows), ...text(keptTat.rows)], recounted: [...text(recounted.rows), ...text(recountedTat.rows)] };
}

export interface MonthCounts {
  organization_id: string;
  modality: Modality;
  ordered: number;
  checked: number;
  rejected: number;
  reported: number;
  remote_reports: number;
  reported_late: number;
  critical: number;
}

/** The counts of the months [fromMonth, toMonth) by unit and modality. */
export async function countsOfMonths(sql: Sql, communityId: string, fromMonth: string, toMonth: string): Promise<MonthCounts[]> {
  return (await sql.query<MonthCounts>(
    `select ordering_organization_id as organization_id, modality, ${COUNTERS.map((c) => `sum(${c})::int as ${c}`).join(', ')}
       from diagnostic_month_count where community_id = $1 and month >= $2::date and month < $3::date
      group by 1, 2 having sum(ordered) > 0`, [communityId, fromMonth, toMonth])).rows;
}

/** The turnaround histogram of the months [fromMonth, toMonth) by modality. */
export async function turnaroundOfMonths(sql: Sql, communityId: string, fromMonth: string, toMonth: string): Promise<{ modality: Modality; minutes: number; count: number }[]> {
  return (await sql.query<{ modality: Modality; minutes: number; count: number }>(
    `select modality, minutes, sum(orders)::int as count from diagnostic_month_turnaround where community_id = $1 and month >= $2::date and month < $3::date
      group by 1, 2 having sum(orders) > 0`, [communityId, fromMonth, toMonth])).rows;
}

/** Orders placed in [from, to) still without a report past their due time at `asOf`, by unit and modality. */
export async function unreportedLate(sql: Sql, communityId: string, from: Date, to: Date, asOf: Date): Promise<{ organization_id: string; modality: Modality; late: number }[]> {
  return (await sql.query<{ organization_id: string; modality: Modality; late: number }>(
    `select ordering_organization_id as organization_id, modality, count(*)::int as late from diagnostic_order
      where community_id = $1 and ordered_at >= $2 and ordered_at < $3 and reported_at is null and report_due_at is not null and report_due_at < $4
      group by 1, 2`, [communityId, from, to, asOf])).rows;
}
