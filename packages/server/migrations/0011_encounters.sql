-- Encounter feed (docs/domain/encounters.md) and the monthly aggregates behind the indicators (docs/domain/indicators.md).

-- Organisation codes: the feed names units by code (orgCode), unique within a community.
alter table organization add column code text;
create unique index organization_code on organization (community_id, code);

create table encounter (
  community_id      uuid not null references community (community_id),
  source            text not null,
  id                text not null,
  organization_id   uuid,
  org_code          text not null,
  out_of_county     boolean not null,
  resident_id       uuid,
  community_resident boolean not null,
  id_number_hash    text not null,
  type              text not null check (type in ('outpatient', 'emergency', 'inpatient')),
  start_date        date not null,
  end_date          date,
  period_month      date not null,
  department        text,
  diagnoses         jsonb not null,
  primary_icd3      text not null,
  procedures        jsonb not null default '[]',
  total_cost        bigint not null check (total_cost >= 0),
  fund_paid         bigint not null check (fund_paid >= 0),
  out_of_pocket     bigint not null check (out_of_pocket >= 0),
  referral_id       text,
  drg_code          text,
  drg_weight        numeric,
  -- What this encounter added to the aggregates; subtracted when a corrected version replaces it.
  contrib           jsonb not null,
  content_hash      text not null,
  ingested_at       timestamptz not null default now(),
  primary key (community_id, source, id),
  foreign key (community_id, organization_id) references organization (community_id, id),
  check (fund_paid + out_of_pocket <= total_cost),
  check (end_date is null or end_date >= start_date)
);
create index encounter_period on encounter (community_id, period_month, organization_id);
create index encounter_resident on encounter (community_id, resident_id);

-- Monthly counters per unit (organization_id null: out-of-county care), maintained in the ingest
-- transaction so the dashboard never scans raw encounters.
create table encounter_agg (
  community_id    uuid not null references community (community_id),
  month           date not null,
  unit_key        text not null,
  organization_id uuid,
  metric          text not null,
  value           bigint not null,
  primary key (community_id, month, unit_key, metric)
);

-- Out-of-county inpatient discharges of residents by primary diagnosis category (外转前十病种).
create table encounter_disease_agg (
  community_id  uuid not null references community (community_id),
  month         date not null,
  icd3          text not null,
  discharges    bigint not null,
  primary key (community_id, month, icd3)
);
