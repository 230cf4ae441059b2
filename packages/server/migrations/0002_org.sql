-- Tenancy (DESIGN.md): every tenant table has community_id leading its primary key and in every
-- foreign key between tenant tables, so the schema distributes by community on Citus.
create table community (
  community_id  uuid primary key,
  kind          text not null check (kind in ('county_community', 'urban_group')),
  name          text not null,
  region_code   text not null references region (code),
  lead_organization_id uuid,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

create table grid (
  community_id  uuid not null references community (community_id),
  id            uuid not null,
  name          text not null,
  region_code   text references region (code),
  pooling_area  text,
  created_at    timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, name)
);

create table organization (
  community_id      uuid not null references community (community_id),
  id                uuid not null,
  kind              text not null,
  name              text not null,
  short_name        text,
  level             text check (level in ('primary', 'secondary', 'tertiary')),
  parent_id         uuid,
  grid_id           uuid,
  region_code       text references region (code),
  beds              integer not null default 0 check (beds >= 0),
  second_plate_name text,
  address           text,
  phone             text,
  active            boolean not null default true,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, name),
  foreign key (community_id, parent_id) references organization (community_id, id),
  foreign key (community_id, grid_id) references grid (community_id, id),
  check (kind in ('lead_hospital', 'county_hospital', 'tcm_hospital', 'maternal_child_hospital', 'township_center',
    'community_center', 'community_station', 'village_clinic', 'collaborating_hospital', 'cdc', 'private_member'))
);
create index organization_parent on organization (community_id, parent_id);
create index organization_kind on organization (community_id, kind);

create table department (
  community_id    uuid not null,
  id              uuid not null,
  organization_id uuid not null,
  code            text not null,
  name            text not null,
  created_at      timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, organization_id, code),
  foreign key (community_id, organization_id) references organization (community_id, id)
);

create table practitioner (
  community_id    uuid not null,
  id              uuid not null,
  organization_id uuid not null,
  department_id   uuid,
  name            text not null,
  sex             text check (sex in ('male', 'female')),
  title           text not null,
  specialty       text,
  licence_number  text,
  phone           text,
  active          boolean not null default true,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, licence_number),
  foreign key (community_id, organization_id) references organization (community_id, id),
  foreign key (community_id, department_id) references department (community_id, id)
);
create index practitioner_org on practitioner (community_id, organization_id);

-- 县管乡用 (employed centrally, used at a member) and dispatch to the grassroots (下沉/驻点).
create table assignment (
  community_id    uuid not null,
  id              uuid not null,
  practitioner_id uuid not null,
  organization_id uuid not null,
  kind            text not null check (kind in ('county_managed_township_used', 'dispatch')),
  starts_on       date not null,
  ends_on         date,
  note            text,
  created_at      timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, practitioner_id) references practitioner (community_id, id),
  foreign key (community_id, organization_id) references organization (community_id, id),
  check (ends_on is null or ends_on >= starts_on)
);
