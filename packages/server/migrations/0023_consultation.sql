-- Remote consultation (远程会诊, issue #13; docs/domain/consultation.md): a member unit asks a
-- consulting unit (usually the lead hospital) a question about a resident, with attachments;
-- the consultant schedules a session, writes an opinion; the requester closes it.
create table consultation (
  community_id               uuid not null references community (community_id),
  id                         uuid not null,
  resident_id                uuid not null,
  requesting_organization_id uuid not null,
  requester_user_id          uuid not null,
  requester_name             text not null,
  consultant_organization_id uuid not null,
  consultant_department      text,
  urgency                    text not null check (urgency in ('routine', 'urgent')),
  question                   text not null,
  status                     text not null check (status in ('requested', 'scheduled', 'opinion_given', 'closed', 'declined', 'cancelled')),
  scheduled_at               timestamptz,
  consultant_user_id         uuid,
  consultant_name            text,
  opinion                    text,
  opinion_at                 timestamptz,
  reason                     text,
  closed_at                  timestamptz,
  order_id                   uuid,
  client_recorded_at         timestamptz,
  created_at                 timestamptz not null,
  updated_at                 timestamptz not null,
  primary key (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id),
  foreign key (community_id, requesting_organization_id) references organization (community_id, id),
  foreign key (community_id, consultant_organization_id) references organization (community_id, id),
  foreign key (community_id, order_id) references diagnostic_order (community_id, id),
  check ((status = 'opinion_given' or status = 'closed') = (opinion is not null))
);
create index consultation_consultant on consultation (community_id, consultant_organization_id, status, created_at desc);
create index consultation_requesting on consultation (community_id, requesting_organization_id, created_at desc);
create index consultation_resident on consultation (community_id, resident_id);

create table consultation_attachment (
  community_id    uuid not null,
  id              uuid not null,
  consultation_id uuid not null,
  name            text not null,
  media_type      text not null,
  size            integer not null check (size > 0),
  sha256          text not null,
  content         bytea not null,
  primary key (community_id, id),
  foreign key (community_id, consultation_id) references consultation (community_id, id)
);
create index consultation_attachment_of on consultation_attachment (community_id, consultation_id);

create table consultation_event (
  community_id    uuid not null,
  id              bigint generated always as identity,
  consultation_id uuid not null,
  at              timestamptz not null,
  action          text not null,
  from_status     text,
  to_status       text not null,
  actor_id        uuid,
  username        text,
  role            text,
  organization_id uuid,
  comment         text,
  primary key (community_id, id),
  foreign key (community_id, consultation_id) references consultation (community_id, id)
);
create index consultation_event_of on consultation_event (community_id, consultation_id, id);
create trigger consultation_event_append_only before update or delete on consultation_event
  for each row execute function audit_append_only();
