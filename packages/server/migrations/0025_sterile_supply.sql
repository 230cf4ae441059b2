-- Sterile supply (消毒供应中心, issue #13 item 6; docs/domain/sterile-supply.md): the community's
-- centre and pack catalogue, sterilisation batches with their cycle record, the packs each batch
-- made (one barcode each) with every event of their life, and the members' requests.
create table sterile_centre (
  community_id             uuid not null references community (community_id),
  id                       uuid not null,
  organization_id          uuid not null,
  name                     text not null,
  phone                    text,
  -- The sterile store is below 24 °C and 70 % RH (WS 310.1): cotton keeps 14 days, else 7.
  storage_meets_standard   boolean not null default true,
  created_at               timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, organization_id),
  foreign key (community_id, organization_id) references organization (community_id, id)
);

create table sterile_pack_type (
  community_id  uuid not null references community (community_id),
  code          text not null,
  name          text not null,
  wrap          text not null check (wrap in ('cotton', 'medical_paper_bag', 'crepe_paper', 'non_woven', 'paper_plastic_pouch', 'rigid_container')),
  contents      text not null default '',
  price_fen     bigint not null default 0 check (price_fen >= 0),
  centre_id     uuid not null,
  active        boolean not null default true,
  updated_at    timestamptz not null default now(),
  primary key (community_id, code),
  foreign key (community_id, centre_id) references sterile_centre (community_id, id)
);

create table sterile_batch (
  community_id        uuid not null references community (community_id),
  id                  uuid not null,
  centre_id           uuid not null,
  -- The batch's number that day at the centre (the barcode's 3 digits) and the day (Asia/Shanghai).
  sterilised_on       date not null,
  day_seq             integer not null check (day_seq between 1 and 999),
  sterilizer_code     text not null,
  cycle_no            integer not null check (cycle_no between 1 and 999999),
  method              text not null check (method in ('pressure_steam', 'low_temp_plasma', 'ethylene_oxide')),
  steam_cycle_type    text check (steam_cycle_type in ('pre_vacuum', 'gravity')),
  started_at          timestamptz not null,
  ended_at            timestamptz not null,
  temperature_c       numeric(5, 1) not null,
  exposure_minutes    numeric(6, 1) not null,
  pressure_kpa        numeric(6, 1),
  chemical_pass       boolean not null,
  biological_pass     boolean,
  bowie_dick_pass     boolean,
  implants            boolean not null,
  status              text not null check (status in ('held', 'released', 'recalled')),
  hold_reasons        jsonb not null default '[]',
  operator_id         uuid,
  operator_name       text not null,
  released_at         timestamptz,
  recalled_at         timestamptz,
  recall_reason       text,
  -- The batch whose failed biological indicator recalled this one.
  recalled_by         uuid,
  created_at          timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, centre_id, sterilised_on, day_seq),
  unique (community_id, sterilizer_code, cycle_no),
  foreign key (community_id, centre_id) references sterile_centre (community_id, id),
  check (ended_at > started_at)
);
create index sterile_batch_recent on sterile_batch (community_id, started_at desc);

create table sterile_request (
  community_id      uuid not null references community (community_id),
  id                uuid not null,
  centre_id         uuid not null,
  organization_id   uuid not null,
  requester_id      uuid,
  requester_name    text not null,
  status            text not null check (status in ('requested', 'partially_delivered', 'delivered', 'cancelled')),
  needed_by         date,
  note              text,
  lines             jsonb not null,
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  delivered_at      timestamptz,
  cancelled_at      timestamptz,
  primary key (community_id, id),
  foreign key (community_id, centre_id) references sterile_centre (community_id, id),
  foreign key (community_id, organization_id) references organization (community_id, id)
);
create index sterile_request_recent on sterile_request (community_id, created_at desc);

create table sterile_pack (
  community_id      uuid not null references community (community_id),
  barcode           text not null check (barcode ~ '^CS\d{14}$'),
  pack_type         text not null,
  batch_id          uuid not null,
  centre_id         uuid not null,
  status            text not null check (status in ('sterilised', 'released', 'delivered', 'used', 'returned', 'expired', 'recalled')),
  expires_on        date not null,
  -- Where it is: the unit it was delivered to (null: at the centre).
  organization_id   uuid,
  request_id        uuid,
  resident_id       uuid,
  used_at           timestamptz,
  updated_at        timestamptz not null,
  primary key (community_id, barcode),
  foreign key (community_id, batch_id) references sterile_batch (community_id, id),
  foreign key (community_id, pack_type) references sterile_pack_type (community_id, code)
);
create index sterile_pack_batch on sterile_pack (community_id, batch_id);
create index sterile_pack_stock on sterile_pack (community_id, status, pack_type, expires_on);
create index sterile_pack_holder on sterile_pack (community_id, organization_id, status);
create index sterile_pack_resident on sterile_pack (community_id, resident_id) where resident_id is not null;

create table sterile_pack_event (
  community_id     uuid not null,
  id               bigint generated always as identity,
  barcode          text not null,
  at               timestamptz not null,
  kind             text not null check (kind in ('sterilised', 'released', 'delivered', 'used', 'returned', 'expired', 'recalled')),
  batch_id         uuid,
  organization_id  uuid,
  resident_id      uuid,
  restocked        boolean,
  actor_id         uuid,
  username         text,
  comment          text,
  primary key (community_id, id),
  foreign key (community_id, barcode) references sterile_pack (community_id, barcode)
);
create index sterile_pack_event_pack on sterile_pack_event (community_id, barcode, at);
create trigger sterile_pack_event_append_only before update or delete on sterile_pack_event
  for each row execute function audit_append_only();
