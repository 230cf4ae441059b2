-- The centres' indicators by month (issue #13; docs/domain/diagnostics.md "Indicators", "Monthly
-- counts"): per community, month of ordering (Asia/Shanghai), ordering unit and modality, the
-- counts the indicators sum; and the histogram of report turnaround in whole minutes per month and
-- modality. Kept by every write of an order in its transaction (order.repository.ts), rebuilt
-- after bulk loads. A period's whole months read these rows; only its partial months read orders:
-- a year's indicators at county scale read ≈ 8 thousand rows instead of 300 thousand orders.
create table diagnostic_month_count (
  community_id              uuid not null references community (community_id),
  month                     date not null,
  ordering_organization_id  uuid not null,
  modality                  text not null,
  ordered                   integer not null default 0,
  checked                   integer not null default 0,
  rejected                  integer not null default 0,
  reported                  integer not null default 0,
  remote_reports            integer not null default 0,
  reported_late             integer not null default 0,
  critical                  integer not null default 0,
  primary key (community_id, month, ordering_organization_id, modality)
);

create table diagnostic_month_turnaround (
  community_id  uuid not null references community (community_id),
  month         date not null,
  modality      text not null,
  minutes       integer not null,
  orders        integer not null default 0,
  primary key (community_id, month, modality, minutes)
);

-- Orders still without a report past their due time are late as of the moment asked: the few
-- that are not reported are found through this index.
create index diagnostic_order_unreported on diagnostic_order (community_id, ordered_at) where reported_at is null and report_due_at is not null;

insert into diagnostic_month_count (community_id, month, ordering_organization_id, modality, ordered, checked, rejected, reported, remote_reports, reported_late, critical)
select community_id, date_trunc('month', ordered_at at time zone 'Asia/Shanghai')::date, ordering_organization_id, modality,
       count(*), count(*) filter (where accepted_at is not null or rejected_at is not null), count(*) filter (where status = 'rejected'),
       count(*) filter (where reported_at is not null), count(*) filter (where reported_at is not null and ordering_organization_id <> performing_organization_id),
       count(*) filter (where reported_at is not null and report_due_at is not null and reported_at > report_due_at), count(*) filter (where critical)
  from diagnostic_order group by 1, 2, 3, 4;

insert into diagnostic_month_turnaround (community_id, month, modality, minutes, orders)
select community_id, date_trunc('month', ordered_at at time zone 'Asia/Shanghai')::date, modality, floor(extract(epoch from (reported_at - resulted_at)) / 60)::int, count(*)
  from diagnostic_order where reported_at is not null and resulted_at is not null group by 1, 2, 3, 4;
