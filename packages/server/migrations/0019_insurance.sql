-- Insurance and appraisal (issue #12; docs/domain/insurance.md): policy parameters and appraisal
-- schemes as versioned data per community and year, saved settlements (draft → confirmed by a
-- second person) and named what-if scenarios. Money is integer fen inside the JSON documents.
create table insurance_policy (
  community_id  uuid not null references community (community_id),
  year          integer not null check (year between 2000 and 2100),
  version       integer not null check (version >= 1),
  params        jsonb not null,
  reason        text not null,
  changed_by    uuid,
  changed_by_username text not null,
  changed_at    timestamptz not null default now(),
  primary key (community_id, year, version)
);

create table appraisal_scheme (
  community_id  uuid not null references community (community_id),
  year          integer not null check (year between 2000 and 2100),
  version       integer not null check (version >= 1),
  items         jsonb not null,
  adjustments   jsonb not null default '[]',
  reason        text not null,
  changed_by    uuid,
  changed_by_username text not null,
  changed_at    timestamptz not null default now(),
  primary key (community_id, year, version)
);

create table insurance_settlement (
  community_id    uuid not null references community (community_id),
  id              uuid not null,
  year            integer not null check (year between 2000 and 2100),
  status          text not null check (status in ('draft', 'confirmed')),
  policy_version  integer not null,
  score_source    text not null check (score_source in ('request', 'appraisal')),
  result          jsonb not null,
  prepared_by     uuid,
  prepared_by_username text not null,
  prepared_at     timestamptz not null default now(),
  confirmed_by    uuid,
  confirmed_by_username text,
  confirmed_at    timestamptz,
  primary key (community_id, id),
  foreign key (community_id, year, policy_version) references insurance_policy (community_id, year, version),
  check ((status = 'confirmed') = (confirmed_at is not null))
);
-- One confirmed settlement per community and year.
create unique index insurance_settlement_confirmed on insurance_settlement (community_id, year) where status = 'confirmed';
create index insurance_settlement_year on insurance_settlement (community_id, year, prepared_at);

create table insurance_scenario (
  community_id  uuid not null references community (community_id),
  id            uuid not null,
  year          integer not null check (year between 2000 and 2100),
  name          text not null,
  changes       jsonb not null,
  created_by    uuid,
  created_by_username text not null,
  created_at    timestamptz not null default now(),
  primary key (community_id, id)
);
create index insurance_scenario_year on insurance_scenario (community_id, year, created_at);
