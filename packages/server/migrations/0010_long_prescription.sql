-- Long prescriptions (长处方, 8–12 weeks) for stable hypertension and diabetes patients (docs/domain/chronic.md, policy text 000).
create table long_prescription (
  community_id    uuid not null,
  id              uuid not null,
  enrollment_id   uuid not null,
  resident_id     uuid not null,
  organization_id uuid not null,
  weeks           integer not null check (weeks between 1 and 12),
  medicines       jsonb not null,
  issued_on       date not null,
  issued_by       uuid,
  created_at      timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, enrollment_id) references chronic_enrollment (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id),
  foreign key (community_id, organization_id) references organization (community_id, id)
);
create index long_prescription_enrollment on long_prescription (community_id, enrollment_id, issued_on);
