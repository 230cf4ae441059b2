-- Scheduling (号源 / 床位 / 医技预约) with reserved quotas for family-doctor referrals (docs/domain/referral.md).
create table resource (
  community_id    uuid not null references community (community_id),
  id              uuid not null,
  organization_id uuid not null,
  department_id   uuid,
  type            text not null check (type in ('clinic', 'bed', 'exam')),
  name            text not null,
  active          boolean not null default true,
  created_at      timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, organization_id, name),
  foreign key (community_id, organization_id) references organization (community_id, id),
  foreign key (community_id, department_id) references department (community_id, id)
);

-- Recurring availability: on these ISO weekdays (1 = Monday), from start to end, one slot of `capacity`.
create table availability_rule (
  community_id  uuid not null,
  id            uuid not null,
  resource_id   uuid not null,
  weekdays      int[] not null,
  start_time    time not null,
  end_time      time not null,
  capacity      integer not null check (capacity > 0),
  valid_from    date not null,
  valid_to      date,
  primary key (community_id, id),
  foreign key (community_id, resource_id) references resource (community_id, id),
  check (end_time > start_time)
);

-- One-off exceptions: a closed day (holiday, expert away) or a different capacity.
create table availability_exception (
  community_id  uuid not null,
  id            uuid not null,
  resource_id   uuid not null,
  on_date       date not null,
  capacity      integer check (capacity >= 0),
  note          text,
  primary key (community_id, id),
  unique (community_id, resource_id, on_date),
  foreign key (community_id, resource_id) references resource (community_id, id)
);

create table reservation_policy (
  community_id         uuid not null,
  organization_id      uuid not null,
  resource_type        text not null check (resource_type in ('clinic', 'bed', 'exam')),
  channel              text not null check (channel = 'family_doctor_referral'),
  share_pct            numeric not null check (share_pct >= 0 and share_pct <= 100),
  release_hours_before integer not null check (release_hours_before >= 0),
  updated_at           timestamptz not null default now(),
  primary key (community_id, organization_id, resource_type, channel),
  foreign key (community_id, organization_id) references organization (community_id, id)
);

create table slot (
  community_id    uuid not null,
  id              uuid not null,
  resource_id     uuid not null,
  starts_at       timestamptz not null,
  ends_at         timestamptz not null,
  capacity        integer not null check (capacity >= 0),
  reserved        integer not null check (reserved >= 0),
  booked_reserved integer not null default 0,
  booked_public   integer not null default 0,
  release_at      timestamptz not null,
  released_at     timestamptz,
  primary key (community_id, id),
  unique (community_id, resource_id, starts_at),
  foreign key (community_id, resource_id) references resource (community_id, id),
  -- The database itself refuses an over-booked slot, whatever the code does.
  check (reserved <= capacity),
  check (booked_reserved >= 0 and booked_reserved <= reserved),
  check (booked_public >= 0 and booked_reserved + booked_public <= capacity)
);
create index slot_resource_time on slot (community_id, resource_id, starts_at);
create index slot_release on slot (community_id, release_at) where released_at is null;

create table booking (
  community_id  uuid not null,
  id            uuid not null,
  slot_id       uuid not null,
  resident_id   uuid not null,
  channel       text not null check (channel in ('family_doctor_referral', 'public')),
  pool          text not null check (pool in ('reserved', 'public')),
  referral_id   uuid,
  status        text not null default 'booked' check (status in ('booked', 'cancelled')),
  created_by    uuid,
  created_at    timestamptz not null default now(),
  cancelled_at  timestamptz,
  primary key (community_id, id),
  foreign key (community_id, slot_id) references slot (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id)
);
create unique index booking_once on booking (community_id, slot_id, resident_id) where status = 'booked';
create index booking_slot on booking (community_id, slot_id);

create table waitlist_entry (
  community_id  uuid not null,
  id            uuid not null,
  slot_id       uuid not null,
  resident_id   uuid not null,
  channel       text not null check (channel in ('family_doctor_referral', 'public')),
  referral_id   uuid,
  status        text not null default 'waiting' check (status in ('waiting', 'booked', 'cancelled')),
  booking_id    uuid,
  created_at    timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, slot_id) references slot (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id)
);
create unique index waitlist_once on waitlist_entry (community_id, slot_id, resident_id) where status = 'waiting';
