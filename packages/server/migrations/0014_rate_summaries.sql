-- Rate summaries for the dashboard: docs/domain/chronic.md rates and docs/domain/indicators.md signing rates in a few
-- milliseconds at county scale, for ANY as-of date, without changing a single count.
--
-- Idea. Each counted thing (a chronic enrolment, a resident) contributes to the rate counts a
-- step function of the as-of day t. We store, per thing, the days where its contribution changes
-- and by how much (its "points"), and per community the sum of all points per day, month and
-- year ("deltas"). A count as of t is the sum of the deltas up to t: the year buckets before t's
-- year, the month buckets of t's year before t's month, the day buckets of t's month up to t —
-- a few hundred rows instead of 100k enrolments or 500k residents.
--
-- Exactness. The points are computed by evaluating, at every candidate day, the very predicates
-- of the raw SQL in chronic-rates.repository.ts / signing-rates.repository.ts (which are tested
-- equal to the pure functions of packages/domain), and differencing. A candidate set that holds
-- every day where a predicate can change (extra candidates only give zero deltas) makes the
-- step function exact for every day. Tests compare summary, raw SQL and the pure functions.
--
-- Maintenance. Statement-level triggers recompute the points of the things a statement touched
-- (from the source rows, never incrementally from the change), in the same transaction, for every
-- write path: services, COPY of the seeds and bulk loaders, and the residents module's writes
-- (flags, problems, status, transfers, merges) that family-doctor does not own. A per-community
-- advisory lock serialises refreshes so two concurrent writers cannot both difference against the
-- same old points. `chronic_rates_rebuild` / `fd_signing_rebuild` derive everything from scratch.
-- On Citus the trigger functions touch only rows of the same community_id (colocated shards).

create function yg_try_date(s text) returns date language plpgsql immutable as $$
begin
  return s::date;
exception when others then
  return null; -- a malformed legacy flag must not fail the resident's write
end $$;

create function yg_rate_summary_lock(p_community uuid) returns void language sql as $$
  select pg_advisory_xact_lock(7314, hashtext(p_community::text));
$$;

-- ─── Chronic rates (docs/domain/chronic.md) ────────────────────────────────────────────────────────────────
-- Contribution of one enrolment as of day t, with Y the year of t: managed = enrolled by t, not
-- ended before Y, aged ≥ 35 at t; standard = managed and face-to-face follow-ups in Y up to t ≥
-- required(Y); controlled = managed and the latest follow-up in Y up to t is controlled. It
-- changes only on the enrolment day, around the 35th birthday, on follow-up days, on 1 January of
-- a year with follow-ups and of the next one (the yearly reset), and on 1 January after the end.
create table chronic_rate_point (
  community_id    uuid not null,
  enrollment_id   uuid not null,
  disease         text not null,
  organization_id uuid not null,
  days            date[] not null,
  managed         smallint[] not null,
  standard        smallint[] not null,
  controlled      smallint[] not null,
  primary key (community_id, enrollment_id)
);

-- Derived rows (rebuilt from the sources, no foreign keys to keep writes cheap).
create table chronic_rate_delta (
  community_id    uuid not null,
  grain           char(1) not null check (grain in ('y', 'm', 'd')),
  bucket          date not null,
  organization_id uuid not null,
  disease         text not null,
  managed         integer not null,
  standard        integer not null,
  controlled      integer not null,
  primary key (community_id, grain, bucket, organization_id, disease)
);

create function chronic_rate_points_of(p_community uuid, p_enrollments uuid[])
returns table (enrollment_id uuid, disease text, organization_id uuid, days date[], managed smallint[], standard smallint[], controlled smallint[])
language sql stable set work_mem = '64MB' as $$
  with e as materialized (
    select e.id, e.disease, e.organization_id, e.enrolled_on, e.ended_on, r.birth_date as b
      from chronic_enrollment e join resident r on r.community_id = e.community_id and r.id = e.resident_id
     where e.community_id = p_community and e.id = any(p_enrollments)),
  ev as (
    -- follow-ups in the order the rates take "latest" (date, recording time, id), then the other candidate days
    select f.enrollment_id as id, f.date as t, row_number() over (partition by f.enrollment_id order by f.date, f.created_at, f.id) as seq,
           (f.way <> 'phone')::int as f2f, f.controlled as ctrl
      from chronic_follow_up f where f.community_id = p_community and f.enrollment_id in (select id from e)
    union all
    select e.id, c.t, 0, 0, null from e cross join lateral (
      select e.enrolled_on union all select (e.b + interval '35 years')::date + k from (values (0), (1)) k(k)
      union all select make_date(extract(year from e.ended_on)::int + 1, 1, 1) where e.ended_on is not null) c(t)
    union all
    select distinct f.enrollment_id, make_date(extract(year from f.date)::int + k, 1, 1), 0, 0, null::boolean
      from chronic_follow_up f, (values (0), (1)) k(k) where f.community_id = p_community and f.enrollment_id in (select id from e)),
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
  select d.id, d.disease, d.organization_id, array_agg(d.t order by d.t),
         array_agg(d.dm::smallint order by d.t), array_agg(d.ds::smallint order by d.t), array_agg(d.dc::smallint order by d.t)
    from d where d.dm <> 0 or d.ds <> 0 or d.dc <> 0
   group by d.id, d.disease, d.organization_id
$$;

-- Recomputes the points of the enrolments and adds (new − old) to the day/month/year deltas.
create function chronic_rates_refresh(p_community uuid, p_enrollments uuid[]) returns void language plpgsql as $$
begin
  perform yg_rate_summary_lock(p_community);
  with old as (select * from chronic_rate_point p where p.community_id = p_community and p.enrollment_id = any(p_enrollments)),
  new as (select * from chronic_rate_points_of(p_community, p_enrollments)),
  put as (
    insert into chronic_rate_point (community_id, enrollment_id, disease, organization_id, days, managed, standard, controlled)
    select p_community, n.* from new n
    on conflict (community_id, enrollment_id) do update set disease = excluded.disease, organization_id = excluded.organization_id,
      days = excluded.days, managed = excluded.managed, standard = excluded.standard, controlled = excluded.controlled),
  gone as (
    delete from chronic_rate_point p where p.community_id = p_community and p.enrollment_id = any(p_enrollments)
       and not exists (select 1 from new n where n.enrollment_id = p.enrollment_id)),
  diff as (
    select o.organization_id, o.disease, u.t, -u.m as m, -u.s as s, -u.c as c from old o, unnest(o.days, o.managed, o.standard, o.controlled) u(t, m, s, c)
    union all
    select n.organization_id, n.disease, u.t, u.m, u.s, u.c from new n, unnest(n.days, n.managed, n.standard, n.controlled) u(t, m, s, c)),
  cells as (
    select g.grain, case g.grain when 'y' then make_date(extract(year from d.t)::int, 1, 1)
                                 when 'm' then make_date(extract(year from d.t)::int, extract(month from d.t)::int, 1) else d.t end as bucket,
           d.organization_id, d.disease, sum(d.m)::int as m, sum(d.s)::int as s, sum(d.c)::int as c
      from diff d cross join (values ('y'), ('m'), ('d')) g(grain)
     group by 1, 2, 3, 4 having sum(d.m) <> 0 or sum(d.s) <> 0 or sum(d.c) <> 0)
  insert into chronic_rate_delta (community_id, grain, bucket, organization_id, disease, managed, standard, controlled)
  select p_community, c.grain, c.bucket, c.organization_id, c.disease, c.m, c.s, c.c from cells c order by 1, 2, 3, 4, 5 -- one lock order for all writers
  on conflict (community_id, grain, bucket, organization_id, disease) do update set managed = chronic_rate_delta.managed + excluded.managed,
    standard = chronic_rate_delta.standard + excluded.standard, controlled = chronic_rate_delta.controlled + excluded.controlled;
end $$;

create function chronic_rates_rebuild(p_community uuid) returns void language plpgsql as $$
begin
  perform yg_rate_summary_lock(p_community);
  delete from chronic_rate_point where community_id = p_community;
  delete from chronic_rate_delta where community_id = p_community;
  perform chronic_rates_refresh(p_community, array(select id from chronic_enrollment where community_id = p_community));
end $$;

-- ─── Signing rates (docs/domain/indicators.md) ─────────────────────────────────────────────────────────────
-- Contribution of one active resident as of day t: counted when born by t; signed when a contract
-- is active on t; key population per the tags of `deriveKeyPopulationTags` as of t. It changes
-- only on the birth day, the 7th and 65th birthdays, the maternal window's ends and the days a
-- contract starts, ends or is terminated. Problems, flags and status enter as they are now, as
-- in the raw SQL.
create table fd_signing_point (
  community_id   uuid not null,
  resident_id    uuid not null,
  days           date[] not null,
  residents      smallint[] not null,
  signed         smallint[] not null,
  key_population smallint[] not null,
  key_signed     smallint[] not null,
  primary key (community_id, resident_id)
);

create table fd_signing_delta (
  community_id   uuid not null,
  grain          char(1) not null check (grain in ('y', 'm', 'd')),
  bucket         date not null,
  residents      integer not null,
  signed         integer not null,
  key_population integer not null,
  key_signed     integer not null,
  primary key (community_id, grain, bucket)
);

create function fd_signing_points_of(p_community uuid, p_residents uuid[])
returns table (resident_id uuid, days date[], residents smallint[], signed smallint[], key_population smallint[], key_signed smallint[])
language sql stable set work_mem = '64MB' as $$
  with x as materialized (
    select r.id, r.birth_date as b, r.flags->>'pregnancyDueDate' as due, r.flags->>'deliveryDate' as delivered,
           (coalesce((r.flags->>'disabled')::boolean, false) or coalesce((r.flags->>'poverty')::boolean, false)
            or coalesce((r.flags->>'specialFamilyPlanning')::boolean, false)
            or exists (select 1 from resident_problem p where p.community_id = r.community_id and p.resident_id = r.id and p.resolved_date is null
                         and (substr(p.icd10_code, 1, 3) between 'I10' and 'I15' or substr(p.icd10_code, 1, 3) = 'E11'
                              or substr(p.icd10_code, 1, 3) between 'A15' and 'A19' or substr(p.icd10_code, 1, 3) in ('F20', 'F22', 'F25', 'F31', 'F06')
                              or substr(p.icd10_code, 1, 3) between 'F70' and 'F79'))) as k,
           c.c_from, c.c_to, c.c_term
      from resident r
      left join lateral (select array_agg(c.starts_on) as c_from, array_agg(c.ends_on) as c_to, array_agg(c.terminated_on) as c_term
                           from fd_contract c where c.community_id = r.community_id and c.resident_id = r.id) c on true
     where r.community_id = p_community and r.id = any(p_residents) and r.status = 'active'),
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
  select d.id, array_agg(d.t order by d.t), array_agg(d.dr::smallint order by d.t), array_agg(d.ds::smallint order by d.t),
         array_agg(d.dk::smallint order by d.t), array_agg(d.dks::smallint order by d.t)
    from d where d.dr <> 0 or d.ds <> 0 or d.dk <> 0 or d.dks <> 0 group by d.id
$$;

create function fd_signing_refresh(p_community uuid, p_residents uuid[]) returns void language plpgsql as $$
begin
  perform yg_rate_summary_lock(p_community);
  with old as (select * from fd_signing_point p where p.community_id = p_community and p.resident_id = any(p_residents)),
  new as (select * from fd_signing_points_of(p_community, p_residents)),
  put as (
    insert into fd_signing_point (community_id, resident_id, days, residents, signed, key_population, key_signed)
    select p_community, n.* from new n
    on conflict (community_id, resident_id) do update set days = excluded.days, residents = excluded.residents, signed = excluded.signed,
      key_population = excluded.key_population, key_signed = excluded.key_signed),
  gone as (
    delete from fd_signing_point p where p.community_id = p_community and p.resident_id = any(p_residents)
       and not exists (select 1 from new n where n.resident_id = p.resident_id)),
  diff as (
    select u.t, -u.r as r, -u.s as s, -u.k as k, -u.ks as ks from old o, unnest(o.days, o.residents, o.signed, o.key_population, o.key_signed) u(t, r, s, k, ks)
    union all
    select u.t, u.r, u.s, u.k, u.ks from new n, unnest(n.days, n.residents, n.signed, n.key_population, n.key_signed) u(t, r, s, k, ks)),
  cells as (
    select g.grain, case g.grain when 'y' then make_date(extract(year from d.t)::int, 1, 1)
                                 when 'm' then make_date(extract(year from d.t)::int, extract(month from d.t)::int, 1) else d.t end as bucket,
           sum(d.r)::int as r, sum(d.s)::int as s, sum(d.k)::int as k, sum(d.ks)::int as ks
      from diff d cross join (values ('y'), ('m'), ('d')) g(grain)
     group by 1, 2 having sum(d.r) <> 0 or sum(d.s) <> 0 or sum(d.k) <> 0 or sum(d.ks) <> 0)
  insert into fd_signing_delta (community_id, grain, bucket, residents, signed, key_population, key_signed)
  select p_community, c.grain, c.bucket, c.r, c.s, c.k, c.ks from cells c order by 1, 2, 3
  on conflict (community_id, grain, bucket) do update set residents = fd_signing_delta.residents + excluded.residents,
    signed = fd_signing_delta.signed + excluded.signed, key_population = fd_signing_delta.key_population + excluded.key_population,
    key_signed = fd_signing_delta.key_signed + excluded.key_signed;
end $$;

create function fd_signing_rebuild(p_community uuid) returns void language plpgsql as $$
begin
  perform yg_rate_summary_lock(p_community);
  delete from fd_signing_point where community_id = p_community;
  delete from fd_signing_delta where community_id = p_community;
  perform fd_signing_refresh(p_community, array(select id from resident where community_id = p_community));
end $$;

-- ─── Triggers: every write path keeps the summaries in its own transaction ─────────────────────
-- Statement-level, so one COPY of 700k follow-ups is one set-based refresh, not 700k. Arguments:
-- the refresh function, the column naming the summarised thing, and for updates the columns the
-- rates read (a change elsewhere, e.g. next_due_date rewritten on every visit, refreshes nothing;
-- no list = any change). Rows before and after an update are both refreshed (a problem moved to
-- the surviving record of a merge changes two residents).
create function yg_summarise() returns trigger language plpgsql as $$
declare
  c record;
  q text;
  k text := quote_ident(TG_ARGV[1]);
  cols text := coalesce(TG_ARGV[2], '');
  changed text := format('(%s) is distinct from (%s)', regexp_replace(cols, '(\w+)', 'n.\1', 'g'), regexp_replace(cols, '(\w+)', 'o.\1', 'g'));
begin
  if TG_OP = 'INSERT' then
    q := format('select community_id, %s as k from new_rows', k);
  elsif TG_OP = 'DELETE' then
    q := format('select community_id, %s as k from old_rows', k);
  elsif cols = '' then
    q := format('select community_id, %1$s as k from new_rows union all select community_id, %1$s from old_rows', k);
  else
    q := format('select n.community_id, n.%1$s as k from new_rows n left join old_rows o on o.community_id = n.community_id and o.id = n.id where o.id is null or %2$s
                 union all select o.community_id, o.%1$s from old_rows o left join new_rows n on n.community_id = o.community_id and n.id = o.id where n.id is null or %2$s', k, changed);
  end if;
  for c in execute format('select community_id, array_agg(distinct k) as ids from (%s) x group by 1 order by 1', q) loop
    execute format('select %I($1, $2)', TG_ARGV[0]) using c.community_id, c.ids;
  end loop;
  return null;
end $$;

create trigger chronic_follow_up_summarise_ins after insert on chronic_follow_up referencing new table as new_rows
  for each statement execute function yg_summarise('chronic_rates_refresh', 'enrollment_id');
create trigger chronic_follow_up_summarise_upd after update on chronic_follow_up referencing old table as old_rows new table as new_rows
  for each statement execute function yg_summarise('chronic_rates_refresh', 'enrollment_id');
create trigger chronic_follow_up_summarise_del after delete on chronic_follow_up referencing old table as old_rows
  for each statement execute function yg_summarise('chronic_rates_refresh', 'enrollment_id');

create trigger chronic_enrollment_summarise_ins after insert on chronic_enrollment referencing new table as new_rows
  for each statement execute function yg_summarise('chronic_rates_refresh', 'id');
create trigger chronic_enrollment_summarise_upd after update on chronic_enrollment referencing old table as old_rows new table as new_rows
  for each statement execute function yg_summarise('chronic_rates_refresh', 'id', 'resident_id, disease, enrolled_on, ended_on, organization_id');
create trigger chronic_enrollment_summarise_del after delete on chronic_enrollment referencing old table as old_rows
  for each statement execute function yg_summarise('chronic_rates_refresh', 'id');

create trigger resident_summarise_ins after insert on resident referencing new table as new_rows
  for each statement execute function yg_summarise('fd_signing_refresh', 'id');
create trigger resident_summarise_upd after update on resident referencing old table as old_rows new table as new_rows
  for each statement execute function yg_summarise('fd_signing_refresh', 'id', 'status, birth_date, flags');
create trigger resident_summarise_del after delete on resident referencing old table as old_rows
  for each statement execute function yg_summarise('fd_signing_refresh', 'id');

-- The chronic rates read the patient's age: a corrected birth date refreshes their enrolments.
create function resident_birth_date_summarise() returns trigger language plpgsql as $$
declare c record;
begin
  for c in select e.community_id, array_agg(e.id) as ids
             from new_rows n join old_rows o on o.community_id = n.community_id and o.id = n.id and o.birth_date is distinct from n.birth_date
             join chronic_enrollment e on e.community_id = n.community_id and e.resident_id = n.id
            group by 1 order by 1 loop
    perform chronic_rates_refresh(c.community_id, c.ids);
  end loop;
  return null;
end $$;
create trigger resident_birth_date_summarise after update on resident referencing old table as old_rows new table as new_rows
  for each statement execute function resident_birth_date_summarise();

create trigger resident_problem_summarise_ins after insert on resident_problem referencing new table as new_rows
  for each statement execute function yg_summarise('fd_signing_refresh', 'resident_id');
create trigger resident_problem_summarise_upd after update on resident_problem referencing old table as old_rows new table as new_rows
  for each statement execute function yg_summarise('fd_signing_refresh', 'resident_id');
create trigger resident_problem_summarise_del after delete on resident_problem referencing old table as old_rows
  for each statement execute function yg_summarise('fd_signing_refresh', 'resident_id');

-- A contract's status alone (renewed) changes no rate; its dates and resident do.
create trigger fd_contract_summarise_ins after insert on fd_contract referencing new table as new_rows
  for each statement execute function yg_summarise('fd_signing_refresh', 'resident_id');
create trigger fd_contract_summarise_upd after update on fd_contract referencing old table as old_rows new table as new_rows
  for each statement execute function yg_summarise('fd_signing_refresh', 'resident_id', 'resident_id, starts_on, ends_on, terminated_on');
create trigger fd_contract_summarise_del after delete on fd_contract referencing old table as old_rows
  for each statement execute function yg_summarise('fd_signing_refresh', 'resident_id');

-- Data already stored (a demo data directory, a loaded county): derive the summaries once.
select chronic_rates_rebuild(community_id), fd_signing_rebuild(community_id) from community order by community_id;
