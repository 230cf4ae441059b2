-- Reference (code) tables: no community_id; on Citus they become reference tables.
create table icd10 (
  code      text primary key,
  level     text not null check (level in ('category', 'subcategory')),
  chapter   text not null,
  name_zh   text not null,
  name_en   text not null
);

-- GB/T 2260 administrative divisions (province, city, county-level area, township-level street).
create table region (
  code        text primary key,
  name        text not null,
  level       text not null check (level in ('province', 'city', 'area', 'street')),
  parent_code text
);
create index region_parent on region (parent_code);

-- Which reference data sets are loaded, with their checksum (reloaded when the file changes).
create table reference_version (
  name       text primary key,
  checksum   text not null,
  rows       integer not null,
  loaded_at  timestamptz not null default now()
);
