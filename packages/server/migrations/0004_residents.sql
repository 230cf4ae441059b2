create table household (
  community_id  uuid not null references community (community_id),
  id            uuid not null,
  address       text,
  grid_id       uuid,
  created_at    timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, grid_id) references grid (community_id, id)
);

-- Master patient index and health record (电子健康档案) header. The ID number is stored
-- encrypted (AES-256-GCM) with a keyed hash (HMAC-SHA256) for exact lookup; the region code and
-- last four characters are kept in clear because the masked form shows them anyway.
create table resident (
  community_id       uuid not null references community (community_id),
  id                 uuid not null,
  organization_id    uuid not null,
  grid_id            uuid,
  household_id       uuid,
  name               text not null,
  name_pinyin        text not null,
  name_initials      text not null,
  sex                text not null check (sex in ('male', 'female')),
  birth_date         date not null,
  id_number_enc      text not null,
  id_number_hash     text not null,
  id_region          text not null,
  id_tail            text not null,
  phone              text,
  address            text,
  insurance_scheme   text not null default 'urban_rural_resident'
                     check (insurance_scheme in ('urban_employee', 'urban_rural_resident', 'commercial', 'none')),
  flags              jsonb not null default '{}',
  status             text not null default 'active' check (status in ('active', 'transferred_out', 'merged', 'deceased')),
  merged_into        uuid,
  transferred_to     uuid,
  client_updated_at  timestamptz,
  created_by         uuid,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, organization_id) references organization (community_id, id),
  foreign key (community_id, grid_id) references grid (community_id, id),
  foreign key (community_id, household_id) references household (community_id, id)
);
-- One active record per ID number per community (a concurrent double create gives one row).
create unique index resident_id_number on resident (community_id, id_number_hash) where status = 'active';
create index resident_hash_any on resident (id_number_hash);
create index resident_org on resident (community_id, organization_id, id);
create index resident_name on resident (community_id, name text_pattern_ops);
create index resident_initials on resident (community_id, name_initials text_pattern_ops);
create index resident_phone on resident (community_id, phone text_pattern_ops);
create index resident_person on resident (community_id, name, birth_date, sex);

create table resident_problem (
  community_id  uuid not null,
  id            uuid not null,
  resident_id   uuid not null,
  icd10_code    text not null references icd10 (code),
  onset_date    date,
  resolved_date date,
  source        text not null default 'manual',
  recorded_by   uuid,
  created_at    timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id)
);
create index resident_problem_resident on resident_problem (community_id, resident_id);
create index resident_problem_code on resident_problem (community_id, icd10_code);

create table observation (
  community_id    uuid not null,
  id              uuid not null,
  resident_id     uuid not null,
  kind            text not null check (kind in ('blood_pressure', 'fasting_glucose', 'random_glucose', 'height', 'weight')),
  value           numeric not null,
  value2          numeric,
  unit            text not null,
  observed_at     timestamptz not null,
  organization_id uuid,
  recorded_by     uuid,
  client_recorded_at timestamptz,
  created_at      timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id),
  foreign key (community_id, organization_id) references organization (community_id, id)
);
create index observation_resident on observation (community_id, resident_id, observed_at);

-- Candidate duplicates (same name + birth date + sex, different ID number), resolved by an admin.
create table duplicate_candidate (
  community_id  uuid not null,
  resident_a    uuid not null,
  resident_b    uuid not null,
  status        text not null default 'open' check (status in ('open', 'linked', 'kept_apart')),
  created_at    timestamptz not null default now(),
  resolved_by   uuid,
  resolved_at   timestamptz,
  primary key (community_id, resident_a, resident_b),
  foreign key (community_id, resident_a) references resident (community_id, id),
  foreign key (community_id, resident_b) references resident (community_id, id),
  check (resident_a < resident_b)
);

-- 授权调阅: reading a record outside one's scope, with a reason and a time limit.
create table access_grant (
  community_id  uuid not null,
  id            uuid not null,
  resident_id   uuid not null,
  grantee_id    uuid not null,
  grantee_username text not null,
  reason        text not null,
  status        text not null check (status in ('pending', 'active', 'rejected', 'revoked')),
  requested_at  timestamptz not null default now(),
  expires_at    timestamptz not null,
  decided_by    uuid,
  decided_at    timestamptz,
  primary key (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id)
);
create index access_grant_grantee on access_grant (grantee_id, resident_id);

-- Audit of every write and every read of a resident's record, append-only, written in the same
-- transaction as the action.
create table audit_log (
  community_id    uuid not null references community (community_id),
  id              bigint generated always as identity,
  at              timestamptz not null default now(),
  actor_id        uuid,
  username        text,
  role            text,
  organization_id uuid,
  action          text not null,
  resource_type   text not null,
  resource_id     text,
  resident_id     uuid,
  purpose         text,
  details         jsonb,
  primary key (community_id, id)
);
create index audit_resident on audit_log (community_id, resident_id, at);
create index audit_actor on audit_log (community_id, actor_id, at);
create index audit_at on audit_log (community_id, at);

-- Append-only: updates and deletes are refused by the database itself.
create function audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit logs are append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_append_only();
create trigger platform_audit_append_only before update or delete on platform_audit_log
  for each row execute function audit_append_only();
