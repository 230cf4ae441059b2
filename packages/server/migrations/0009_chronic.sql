-- Hypertension and type-2 diabetes registries and follow-ups (docs/domain/chronic.md).
create table chronic_enrollment (
  community_id    uuid not null references community (community_id),
  id              uuid not null,
  resident_id     uuid not null,
  disease         text not null check (disease in ('hypertension', 'diabetes')),
  enrolled_on     date not null,
  organization_id uuid not null,
  doctor_id       uuid,
  ended_on        date,
  end_reason      text check (end_reason in ('died', 'moved', 'transferred', 'other')),
  risk_level      text,
  grade           text,
  next_due_date   date,
  last_classification text,
  created_at      timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id),
  foreign key (community_id, organization_id) references organization (community_id, id),
  check (ended_on is null or ended_on >= enrolled_on)
);
create unique index chronic_enrollment_one_open on chronic_enrollment (community_id, resident_id, disease) where ended_on is null;
create index chronic_enrollment_org on chronic_enrollment (community_id, organization_id, disease);
create index chronic_enrollment_due on chronic_enrollment (community_id, next_due_date) where ended_on is null;
create index chronic_enrollment_by_id on chronic_enrollment (id);

create table chronic_follow_up (
  community_id          uuid not null,
  id                    uuid not null,
  enrollment_id         uuid not null,
  resident_id           uuid not null,
  date                  date not null,
  way                   text not null check (way in ('clinic', 'home', 'phone')),
  sbp                   integer,
  dbp                   integer,
  fasting_glucose       numeric(4, 1),
  heart_rate            integer,
  temperature           numeric(3, 1),
  weight                numeric(5, 1),
  symptoms              text[] not null default '{}',
  adverse_reaction      boolean not null,
  complication          boolean not null,
  pregnant_or_lactating boolean,
  classification        text not null check (classification in ('satisfactory', 'unsatisfactory', 'adverse_reaction', 'complication')),
  controlled            boolean not null,
  next_step             text not null check (next_step in ('routine', 'recheck_2w', 'referral_2w', 'urgent_referral')),
  next_due_date         date not null,
  urgent_reasons        text[] not null default '{}',
  rule_set              text not null,
  organization_id       uuid,
  referral_id           uuid,
  recorded_by           uuid,
  client_recorded_at    timestamptz,
  created_at            timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, enrollment_id) references chronic_enrollment (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id)
);
create index chronic_follow_up_enrollment on chronic_follow_up (community_id, enrollment_id, date);

-- Calls about overdue follow-ups, with their outcome (docs/domain/chronic.md "Overdue list").
create table chronic_call (
  community_id  uuid not null,
  id            uuid not null,
  enrollment_id uuid not null,
  called_on     date not null,
  outcome       text not null check (outcome in ('agreed_visit', 'remind_later', 'moved', 'died')),
  note          text,
  recorded_by   uuid,
  created_at    timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, enrollment_id) references chronic_enrollment (community_id, id)
);
