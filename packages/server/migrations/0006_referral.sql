-- Two-way referral (双向转诊, docs/domain/referral.md).
create table referral_catalogue (
  community_id  uuid not null references community (community_id),
  id            uuid not null,
  level         text not null check (level in ('grassroots', 'county')),
  code_from     text not null,
  code_to       text not null,
  rule          text not null check (rule in ('refer_up', 'may_treat', 'down_when_stable')),
  note          text,
  updated_at    timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, level, code_from, code_to)
);

create table referral (
  community_id          uuid not null references community (community_id),
  id                    uuid not null,
  resident_id           uuid not null,
  direction             text not null check (direction in ('up', 'down', 'out')),
  status                text not null check (status in ('draft', 'submitted', 'accepted', 'scheduled', 'arrived', 'completed', 'rejected', 'redirected', 'cancelled')),
  priority              text not null check (priority in ('routine', 'urgent', 'green_channel')),
  from_organization_id  uuid not null,
  from_department       text,
  to_organization_id    uuid not null,
  to_department         text,
  external_hospital     text,
  reason                text not null,
  diagnoses             jsonb not null,
  history               text,
  treatment             text,
  catalogue_rule        text,
  catalogue_matched     boolean not null default false,
  catalogue_range       text,
  deadline_at           timestamptz not null,
  escalated_at          timestamptz,
  pickup_code           text not null,
  slot_id               uuid,
  booking_id            uuid,
  outcome               jsonb,
  reject_reason         text,
  parent_referral_id    uuid,
  redirected_to         uuid,
  sender_id             uuid not null,
  sender_name           text,
  client_recorded_at    timestamptz,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, pickup_code),
  foreign key (community_id, resident_id) references resident (community_id, id),
  foreign key (community_id, from_organization_id) references organization (community_id, id),
  foreign key (community_id, to_organization_id) references organization (community_id, id),
  foreign key (community_id, parent_referral_id) references referral (community_id, id),
  foreign key (community_id, slot_id) references slot (community_id, id)
);
create index referral_to on referral (community_id, to_organization_id, status);
create index referral_from on referral (community_id, from_organization_id, status);
create index referral_resident on referral (community_id, resident_id);
create index referral_open_deadline on referral (community_id, deadline_at) where status in ('submitted', 'accepted');

-- Append-only history: who, when, from which organisation, with a comment.
create table referral_event (
  community_id    uuid not null,
  id              bigint generated always as identity,
  referral_id     uuid not null,
  at              timestamptz not null,
  action          text not null,
  from_status     text,
  to_status       text not null,
  actor_id        uuid,
  username        text,
  role            text,
  organization_id uuid,
  comment         text,
  details         jsonb,
  primary key (community_id, id),
  foreign key (community_id, referral_id) references referral (community_id, id)
);
create index referral_event_referral on referral_event (community_id, referral_id, id);
create trigger referral_event_append_only before update or delete on referral_event
  for each row execute function audit_append_only();

alter table booking add foreign key (community_id, referral_id) references referral (community_id, id);
alter table waitlist_entry add foreign key (community_id, referral_id) references referral (community_id, id);
