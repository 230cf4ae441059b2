import type { Rates } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';

type RatesQuery = { communityId: string; organizationIds: readonly string[] | null; year: number; asOf: string; minAge: number };
type RateRow = { organizationId: string; disease: 'hypertension' | 'diabetes'; managed: number; standard: number; controlled: number };

/** The minimum age baked into the summary's points (migrations/0014: the 35th birthday); `nphss-3` rates use it. */
export const SUMMARY_MIN_AGE = 35;

/**
 * docs/domain/chronic.md rates computed in the database for speed — the same definition as
 * `computeChronicRates` in packages/domain, and tested against it on the same data:
 * managed = enrolled by the as-of date, not ended before the year, aged ≥ `minAge` at the as-of
 * date; standard = face-to-face follow-ups in the year (up to as-of) ≥ required (4, or
 * ceil(4 × months managed / 12), at least 1); controlled = the latest follow-up in the year is controlled.
 * `organizationIds` null = the whole community. Answered from the summary (a few hundred rows)
 * whenever it applies — an as-of date inside the year, the summary's minimum age — else raw.
 */
export async function chronicRatesSql(sql: Sql, q: RatesQuery): Promise<Record<'hypertension' | 'diabetes', Rates>> {
  const out = { hypertension: empty(), diabetes: empty() };
  for (const r of await (summaryApplies(q) ? chronicRatesSummaryRows(sql, q, false) : chronicRatesRawRows(sql, q, false))) out[r.disease] = withRates(r);
  return out;
}

/** The same counts per managing unit, for the manager's table by unit. */
export async function chronicRatesByUnitSql(sql: Sql, q: Omit<RatesQuery, 'organizationIds'>): Promise<RateRow[]> {
  const all = { ...q, organizationIds: null };
  return summaryApplies(all) ? chronicRatesSummaryRows(sql, all, true) : chronicRatesRawRows(sql, all, true);
}

function summaryApplies(q: RatesQuery): boolean {
  return q.minAge === SUMMARY_MIN_AGE && q.asOf.slice(0, 4) === String(q.year);
}

/**
 * From `chronic_rate_delta` (migrations/0014): a count as of t is the sum of the deltas up to t —
 * year buckets before t's year, month buckets of the year before t's month, day buckets of t's
 * month up to t. Units whose sums are all zero (every enrolment ended) are not reported, as in raw.
 */
export async function chronicRatesSummaryRows(sql: Sql, q: RatesQuery, byUnit: boolean): Promise<RateRow[]> {
  const y0 = `${q.year}-01-01`;
  const m0 = `${q.asOf.slice(0, 7)}-01`;
  return (await sql.query<RateRow>(
    `select ${byUnit ? 'organization_id' : 'null::uuid'} as "organizationId", disease, sum(managed)::int as managed, sum(standard)::int as standard, sum(controlled)::int as controlled
       from chronic_rate_delta
      where community_id = $1 and ($2::uuid[] is null or organization_id = any($2))
        and ((grain = 'y' and bucket < $3::date) or (grain = 'm' and bucket >= $3::date and bucket < $4::date) or (grain = 'd' and bucket >= $4::date and bucket <= $5::date))
      group by 1, 2 having sum(managed) <> 0`,
    [q.communityId, q.organizationIds, y0, m0, q.asOf])).rows;
}

/** The raw aggregate over enrolments and follow-ups: the reference the summary is tested against, and the fallback. */
export async function chronicRatesRawRows(sql: Sql, q: RatesQuery, byUnit: boolean): Promise<RateRow[]> {
  const { rows } = await sql.query<RateRow>(
    `with bounds as (select make_date($3, 1, 1) as y0, make_date($3, 12, 31) as y1, $4::date as as_of),
     e as (
       select e.id, e.disease, e.organization_id,
              greatest(e.enrolled_on, b.y0) as m_from, least(coalesce(e.ended_on, b.y1), b.y1) as m_to, b.y0, b.y1
         from chronic_enrollment e
         join resident r on r.community_id = e.community_id and r.id = e.resident_id
         cross join bounds b
        where e.community_id = $1 and ($2::uuid[] is null or e.organization_id = any($2))
          and e.enrolled_on <= b.as_of and (e.ended_on is null or e.ended_on >= b.y0)
          and r.birth_date <= (b.as_of - make_interval(years => $5))::date
     ),
     f as (
       select f.enrollment_id, count(*) filter (where f.way <> 'phone') as f2f,
              (array_agg(f.controlled order by f.date desc, f.created_at desc, f.id desc))[1] as last_controlled
         from chronic_follow_up f cross join bounds b
        where f.community_id = $1 and f.enrollment_id in (select id from e) and f.date >= b.y0 and f.date <= least(b.as_of, b.y1)
        group by f.enrollment_id
     )
     select ${byUnit ? 'e.organization_id' : 'null::uuid'} as "organizationId", e.disease, count(*)::int as managed,
            count(*) filter (where coalesce(f.f2f, 0) >= case when e.m_from = e.y0 and e.m_to = e.y1 then 4
              else greatest(1, ceil(4 * ((extract(year from e.m_to) - extract(year from e.m_from)) * 12 + extract(month from e.m_to) - extract(month from e.m_from) + 1) / 12.0)) end)::int as standard,
            count(*) filter (where f.last_controlled)::int as controlled
       from e left join f on f.enrollment_id = e.id
      group by 1, e.disease`,
    [q.communityId, q.organizationIds, q.year, q.asOf, q.minAge],
  );
  return rows;
}

function empty(): Rates {
  return { managed: 0, standard: 0, controlled: 0, standardRate: null, controlRate: null };
}

export function withRates(r: { managed: number; standard: number; controlled: number }): Rates {
  return { managed: r.managed, standard: r.standard, controlled: r.controlled, standardRate: r.managed ? r.standard / r.managed : null, controlRate: r.managed ? r.controlled / r.managed : null };
}
