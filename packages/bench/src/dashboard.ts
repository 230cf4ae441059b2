import type { Sql } from '../../server/src/platform/db/database.ts';
import { monthsUpTo } from '../../server/src/seed/seed-encounters.ts';
import type { BenchSession } from './bench-app.ts';
import { percentile, timed } from './load.ts';

/** The dashboard of one community as a manager opens it: its requests by name, and the periods they ask for. */
export interface Dashboard {
  communityId: string;
  requests: Record<string, string>;
  /** Last month (YYYY-MM), last year (YYYY) and this quarter (YYYY-Qn). */
  prev: string;
  lastYear: string;
  quarter: string;
}

/** The dashboard's requests (cards by month, quarter and year, the lead hospital's cards, the 12-month trend, the unit ranking). */
export async function dashboardOf(db: Sql, communityId: string, asOf: string): Promise<Dashboard> {
  const prev = monthsUpTo(asOf, 2)[0]!;
  const lastYear = String(Number(asOf.slice(0, 4)) - 1);
  const quarter = `${asOf.slice(0, 4)}-Q${Math.ceil(Number(asOf.slice(5, 7)) / 3)}`;
  const lead = (await db.query<{ id: string }>(`select id from organization where community_id = $1 and kind = 'lead_hospital'`, [communityId])).rows[0]!.id;
  const trend = monthsUpTo(asOf, 12);
  const requests = {
    'cards, community, month': `/indicators?communityId=${communityId}&period=${prev}`,
    'cards, community, quarter': `/indicators?communityId=${communityId}&period=${quarter}`,
    'cards, community, last year': `/indicators?communityId=${communityId}&period=${lastYear}`,
    'cards, lead hospital, month': `/indicators?communityId=${communityId}&organizationId=${lead}&period=${prev}`,
    '12-month trend (series)': `/indicators/series?communityId=${communityId}&from=${trend[0]}&to=${trend.at(-1)}`,
    'unit ranking, last year (by-unit)': `/indicators/by-unit?communityId=${communityId}&period=${lastYear}`,
  };
  return { communityId, requests, prev, lastYear, quarter };
}

/** The baseline: one plain GROUP BY over the raw encounters for the figures the cards show. */
export function groupByBaseline(db: Sql, communityId: string, from: string, span: string): Promise<unknown> {
  return db.query(
    `select organization_id, count(*) filter (where type = 'inpatient') as ip, sum(greatest(end_date - start_date, 1)) filter (where type = 'inpatient') as los,
            sum(total_cost) filter (where type = 'inpatient') as ip_cost, count(*) filter (where type <> 'inpatient') as op, sum(total_cost) filter (where type <> 'inpatient') as op_cost,
            sum(fund_paid) as fund, count(*) filter (where community_resident) as res, count(*) filter (where community_resident and not out_of_county) as res_in,
            count(*) filter (where community_resident and type = 'inpatient') as res_ip, count(*) filter (where community_resident and type = 'inpatient' and out_of_county) as res_ip_out,
            sum(out_of_pocket) filter (where community_resident) as oop, sum(total_cost) filter (where community_resident) as res_cost, sum(drg_weight) as drg
       from encounter where community_id = $1 and period_month >= $2::date and period_month < ($2::date + $3::interval) group by organization_id`, [communityId, from, span]);
}

/** Latencies (ms) collected over rounds: per request, all requests, whole page loads, and the GROUP BY baseline. */
export interface DashboardTimings {
  byRequest: Record<string, number[]>;
  all: number[];
  page: number[];
  bare: number[];
}

export function emptyTimings(d: Dashboard): DashboardTimings {
  return { byRequest: Object.fromEntries(Object.keys(d.requests).map((k) => [k, []])), all: [], page: [], bare: [] };
}

/**
 * One round: every request in turn, the GROUP BY baseline for a month and for last year, and a
 * whole dashboard load as the browser makes it (cards, trend and ranking at once).
 */
export async function timeDashboardRound(session: BenchSession, db: Sql, d: Dashboard, t: DashboardTimings): Promise<void> {
  for (const [k, path] of Object.entries(d.requests)) {
    const [, ms] = await timed(() => session.get(path));
    t.byRequest[k]!.push(ms);
    t.all.push(ms);
  }
  t.bare.push((await timed(() => groupByBaseline(db, d.communityId, `${d.prev}-01`, '1 month')))[1]);
  t.bare.push((await timed(() => groupByBaseline(db, d.communityId, `${d.lastYear}-01-01`, '1 year')))[1]);
  const page = ['cards, community, month', '12-month trend (series)', 'unit ranking, last year (by-unit)'].map((k) => d.requests[k]!);
  t.page.push((await timed(() => Promise.all(page.map((path) => session.get(path)))))[1]);
}

/** "p50 x ms, p95 y ms". */
export function p50p95(xs: readonly number[]): string {
  return `p50 ${percentile(xs, 0.5).toFixed(1)} ms, p95 ${percentile(xs, 0.95).toFixed(1)} ms`;
}
