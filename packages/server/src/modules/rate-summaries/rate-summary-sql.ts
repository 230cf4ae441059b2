/**
 * SQL of the rate summaries (docs/domain/rate-summaries.md). Every statement filters on one
 * constant `community_id` ($1), so on Citus each routes to the community's shard group; nothing
 * runs in a trigger or a database function (Citus refuses both on distributed tables).
 */

/** One summarised thing's contribution: the days its counts change and by how much. */
export interface PointRow {
  key: string;
  organizationId: string | null;
  disease: string | null;
  days: string[];
  counts: number[][];
}

export interface RateSummaryKind {
  name: 'chronic' | 'signing';
  pointTable: string;
  deltaTable: string;
  keyColumn: string;
  /** Count columns, in the order of PointRow.counts. */
  countColumns: readonly string[];
  /** Whether points and deltas carry organization_id and disease (chronic) or not (signing). */
  byUnit: boolean;
  /** $1 community, $2 keys → key, [organizationId, disease,] days, one int[] per count column. */
  pointsSql: string;
  /** $1 community → the keys of every thing of the community (for a rebuild). */
  allKeysSql: string;
}

/*
 * docs/domain/chronic.md. Contribution of one enrolment as of day t, with Y the year of t: managed = enrolled
 * by t, not ended before Y, aged >= 35 at t; standard = managed and face-to-face follow-ups in Y
 * up to t >= required(Y); controlled = managed and the latest follow-up in Y up to t is
 * controlled. It can change only on the enrolment day, around the 35th birthday, on follow-up
 * days, on 1 January of a year with follow-ups and of the next one (the yearly reset), and on
 * 1 January after the end: the predicates are evaluated on those candidate days and differenced.
 */
export const CHRONIC: RateSummaryKind = {
  name: 'chronic',
  pointTable: 'chronic_rate_point',
  deltaTable: 'chronic_rate_delta',
  keyColumn: 'enrollment_id',
  countColumns: ['managed', 'standard', 'controlled'],
  byUnit: true,
  allKeysSql: 'select id as key from chronic_enrollment where community_id = $1 order by id',
  pointsSql: `
  with e as materialized (
    select e.id, e.disease, e.organization_id, e.enrolled_on, e.ended_on, r.birth_date as b
      from chronic_enrollment e join resident r on r.community_id = e.community_id and r.id = e.resident_id
     where e.community_id = $1 and e.id = any($2::uuid[])),
  ev as (
    -- follow-ups in the order the rates take "latest" (date, recording time, id), then the other candidate days
    select f.enrollment_id as id, f.date as t, row_number() over (partition by f.enrollment_id order by f.date, f.created_at, f.id) as seq,
           (f.way <> 'phone')::int as f2f, f.controlled as ctrl
      from chronic_follow_up f where f.community_id = $1 and f.enrollment_id in (select id from e)
    union all
    select e.id, c.t, 0, 0, null from e cross join lateral (
      select e.enrolled_on union all select (e.b + interval '35 years')::date + k from (values (0), (1)) k(k)
      union all select make_date(extract(year from e.ended_on)::int + 1, 1, 1) where e.ended_on is not null) c(t)
    union all
    select distinct f.enrollment_id, make_date(extract(year from f.date)::int + k, 1, 1), 0, 0, null::boolean
      from chronic_follow_up f, (values (0), (1)) k(k) where f.community_id = $1 and f.enrollment_id in (select id from e)),
  run as (
    select ev.*, sum(ev.f2f) over w as n, count(ev.ctrl) over w as g
      from ev window w as (partition by ev.id, extract(year from ev.t) order by ev.t, ev.seq rows unbounded preceding)),
  state as (
    -- the state at the end of each candidate day: all of the year's follow-ups up to and including it
    select distinct on (run.id, run.t) run.id, run.t, run.n, first_value(run.ctrl) over (partition by run.id, extract(year from run.t), run.g order by run.t, run.seq) as last_controlled
      from run order by run.id, run.t, run.seq desc),
  v as (
    select e.id, e.disease, e.organization_id, s.t,
           (e.enrolled_on <= s.t and (e.ended_on is null or e.ended_on >= y.y0) and e.b <= (s.t - interval '35 years')::date) as managed,
           s.n as f2f, s.last_controlled,
           case when greatest(e.enrolled_on, y.y0) = y.y0 and least(coalesce(e.ended_on, y.y1), y.y1) = y.y1 then 4
                else greatest(1, ceil(4 * ((extract(year from least(coalesce(e.ended_on, y.y1), y.y1)) - extract(year from greatest(e.enrolled_on, y.y0))) * 12
                     + extract(month from least(coalesce(e.ended_on, y.y1), y.y1)) - extract(month from greatest(e.enrolled_on, y.y0)) + 1) / 12.0)) end as required
      from state s join e on e.id = s.id
      cross join lateral (select make_date(extract(year from s.t)::int, 1, 1) as y0, make_date(extract(year from s.t)::int, 12, 31) as y1) y),
  d as (
    select v.id, v.disease, v.organization_id, v.t,
           v.m - lag(v.m, 1, 0) over w as dm, v.s - lag(v.s, 1, 0) over w as ds, v.c - lag(v.c, 1, 0) over w as dc
      from (select v.*, v.managed::int as m, (v.managed and v.f2f >= v.required)::int as s, (v.managed and coalesce(v.last_controlled, false))::int as c from v) v
    window w as (partition by v.id order by v.t))
  select d.id as key, d.organization_id::text as "organizationId", d.disease, array_agg(d.t::text order by d.t) as days,
         array_agg(d.dm::int order by d.t) as managed, array_agg(d.ds::int order by d.t) as standard, array_agg(d.dc::int order by d.t) as controlled
    from d where d.dm <> 0 or d.ds <> 0 or d.dc <> 0
   group by d.id, d.disease, d.organization_id`,
};

/*
 * docs/domain/indicators.md signing rates. Contribution of one active resident as of day t: counted when born
 * by t; signed when a contract is active on t; key population per `deriveKeyPopulationTags` as
 * of t. It changes only on the birth day, the 7th and 65th birthdays, the maternal window's ends
 * and the days a contract starts, ends or is terminated. Problems, flags and status enter as
 * they are now, as in the raw SQL.
 */
export const SIGNING: RateSummaryKind = {
  name: 'signing',
  pointTable: 'fd_signing_point',
  deltaTable: 'fd_signing_delta',
  keyColumn: 'resident_id',
  countColumns: ['residents', 'signed', 'key_population', 'key_signed'],
  byUnit: false,
  allKeysSql: 'select id as key from resident where community_id = $1 order by id',
  pointsSql: `
  with x as materialized (
    select r.id, r.birth_date as b, r.flags->>'pregnancyDueDate' as due, r.flags->>'deliveryDate' as delivered,
           (coalesce((r.flags->>'disabled')::boolean, false) or coalesce((r.flags->>'poverty')::boolean, false)
            or coalesce((r.flags->>'specialFamilyPlanning')::boolean, false)
            or exists (select 1 from resident_problem p where p.community_id = $1 and p.resident_id = r.id and p.resolved_date is null
                         and (substr(p.icd10_code, 1, 3) between 'I10' and 'I15' or substr(p.icd10_code, 1, 3) = 'E11'
                              or substr(p.icd10_code, 1, 3) between 'A15' and 'A19' or substr(p.icd10_code, 1, 3) in ('F20', 'F22', 'F25', 'F31', 'F06')
                              or substr(p.icd10_code, 1, 3) between 'F70' and 'F79'))) as k,
           c.c_from, c.c_to, c.c_term
      from resident r
      left join lateral (select array_agg(c.starts_on) as c_from, array_agg(c.ends_on) as c_to, array_agg(c.terminated_on) as c_term
                           from fd_contract c where c.community_id = $1 and c.resident_id = r.id) c on true
     where r.community_id = $1 and r.id = any($2::uuid[]) and r.status = 'active'),
  w as materialized (
    select x.id, c.t, (x.b <= c.t)::int as r,
           (x.b <= c.t and exists (select 1 from unnest(x.c_from, x.c_to, x.c_term) u(f, e, term) where u.f <= c.t and c.t < u.e and (u.term is null or u.term > c.t)))::int as s,
           (x.b <= c.t and coalesce(x.b <= (c.t - interval '65 years')::date or x.b > (c.t - interval '7 years')::date
                                    or (x.due >= to_char(c.t, 'YYYY-MM-DD') and x.delivered is null)
                                    or (x.delivered <= to_char(c.t, 'YYYY-MM-DD') and c.t <= yg_try_date(x.delivered) + 42) or x.k, false))::int as kp
      from x cross join lateral (
        select t from (
          select x.b
          union all select (x.b + make_interval(years => n))::date + k from unnest(array[7, 65]) n, (values (0), (1)) k(k) -- 29 February: 1 March
          union all select yg_try_date(x.due) + k from (values (0), (1)) k(k) where x.due is not null
          union all select yg_try_date(x.delivered) + k from (values (0), (43)) k(k) where x.delivered is not null
          union all select unnest(x.c_from) union all select unnest(x.c_to) union all select unnest(x.c_term)) t(t)
        where t is not null) c),
  d as (
    select w.id, w.t, w.r - lag(w.r, 1, 0) over o as dr, w.s - lag(w.s, 1, 0) over o as ds, w.kp - lag(w.kp, 1, 0) over o as dk,
           w.s * w.kp - lag(w.s * w.kp, 1, 0) over o as dks
      from w window o as (partition by w.id order by w.t))
  select d.id as key, array_agg(d.t::text order by d.t) as days, array_agg(d.dr::int order by d.t) as residents, array_agg(d.ds::int order by d.t) as signed,
         array_agg(d.dk::int order by d.t) as key_population, array_agg(d.dks::int order by d.t) as key_signed
    from d where d.dr <> 0 or d.ds <> 0 or d.dk <> 0 or d.dks <> 0 group by d.id`,
};
