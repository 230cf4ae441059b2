-- Family-doctor teams, menu-style service packages, contracts and delivered services (家庭医生签约).
create table fd_team (
  community_id    uuid not null references community (community_id),
  id              uuid not null,
  organization_id uuid not null,
  name            text not null,
  active          boolean not null default true,
  created_at      timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, organization_id, name),
  foreign key (community_id, organization_id) references organization (community_id, id)
);

create table fd_team_member (
  community_id    uuid not null,
  team_id         uuid not null,
  practitioner_id uuid not null,
  role            text not null check (role in ('gp_lead', 'village_doctor', 'nurse', 'public_health', 'specialist', 'pharmacist')),
  primary key (community_id, team_id, practitioner_id),
  foreign key (community_id, team_id) references fd_team (community_id, id),
  foreign key (community_id, practitioner_id) references practitioner (community_id, id)
);

-- Money in fen (分): price = insurance fund + public-health fund + local finance + resident.
create table fd_package (
  community_id      uuid not null references community (community_id),
  id                uuid not null,
  code              text not null,
  name              text not null,
  population        text not null check (population in ('general', 'elderly', 'children', 'maternal', 'hypertension', 'diabetes', 'disabled', 'poverty', 'special_family_planning')),
  price_fen         integer not null check (price_fen >= 0),
  insurance_fen     integer not null check (insurance_fen >= 0),
  public_health_fen integer not null check (public_health_fen >= 0),
  finance_fen       integer not null check (finance_fen >= 0),
  resident_fen      integer not null check (resident_fen >= 0),
  active            boolean not null default true,
  primary key (community_id, id),
  unique (community_id, code),
  check (price_fen = insurance_fen + public_health_fen + finance_fen + resident_fen)
);

create table fd_package_item (
  community_id    uuid not null,
  id              uuid not null,
  package_id      uuid not null,
  code            text not null,
  name            text not null,
  times_per_year  integer not null check (times_per_year between 1 and 52),
  primary key (community_id, id),
  unique (community_id, package_id, code),
  foreign key (community_id, package_id) references fd_package (community_id, id)
);

create table fd_contract (
  community_id        uuid not null references community (community_id),
  id                  uuid not null,
  resident_id         uuid not null,
  team_id             uuid not null,
  organization_id     uuid not null,
  starts_on           date not null,
  ends_on             date not null,
  status              text not null default 'active' check (status in ('active', 'terminated', 'renewed')),
  terminated_on       date,
  termination_reason  text check (termination_reason in ('moved_out', 'lost_contact', 'refused', 'resident_request')),
  renewed_from        uuid,
  signed_by           uuid,
  created_at          timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id),
  foreign key (community_id, team_id) references fd_team (community_id, id),
  foreign key (community_id, organization_id) references organization (community_id, id),
  foreign key (community_id, renewed_from) references fd_contract (community_id, id),
  check (ends_on > starts_on)
);
-- One active contract per resident (a concurrent double signing gives one row).
create unique index fd_contract_one_active on fd_contract (community_id, resident_id) where status = 'active';
create index fd_contract_team on fd_contract (community_id, team_id, status);
create index fd_contract_by_id on fd_contract (id);

create table fd_contract_package (
  community_id  uuid not null,
  contract_id   uuid not null,
  package_id    uuid not null,
  primary key (community_id, contract_id, package_id),
  foreign key (community_id, contract_id) references fd_contract (community_id, id),
  foreign key (community_id, package_id) references fd_package (community_id, id)
);

create table fd_service (
  community_id  uuid not null,
  id            uuid not null,
  contract_id   uuid not null,
  item_id       uuid not null,
  delivered_on  date not null,
  note          text,
  recorded_by   uuid,
  created_at    timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, contract_id) references fd_contract (community_id, id),
  foreign key (community_id, item_id) references fd_package_item (community_id, id)
);
create index fd_service_contract on fd_service (community_id, contract_id, item_id);
