-- Shared diagnostic centres (资源共享中心, issue #13; docs/domain/diagnostics.md): the centres of
-- the lead hospital, their service catalogue and reading rota, orders from any member with their
-- status history, results (lab observations, ECG waveforms, DICOM and other files), signed and
-- versioned reports, critical values (危急值) with their escalation, and mutual recognition (结果互认).
create table diagnostic_centre (
  community_id    uuid not null references community (community_id),
  id              uuid not null,
  organization_id uuid not null,
  modality        text not null check (modality in ('imaging', 'ecg', 'lab', 'pathology')),
  name            text not null,
  phone           text,
  active          boolean not null default true,
  created_at      timestamptz not null default now(),
  primary key (community_id, id),
  unique (community_id, organization_id, modality),
  foreign key (community_id, organization_id) references organization (community_id, id)
);

-- The community's parameters of the centres: minutes to acknowledge a critical value (default 30).
create table diagnostic_setting (
  community_id          uuid not null references community (community_id),
  critical_ack_minutes  integer not null default 30 check (critical_ack_minutes between 1 and 1440),
  updated_at            timestamptz not null default now(),
  primary key (community_id)
);

-- The service catalogue (服务目录) of the community's centres, edited by the community.
create table diagnostic_item (
  community_id     uuid not null references community (community_id),
  code             text not null,
  name             text not null,
  modality         text not null check (modality in ('imaging', 'ecg', 'lab', 'pathology')),
  centre_id        uuid not null,
  routine_minutes  integer not null check (routine_minutes > 0),
  urgent_minutes   integer not null check (urgent_minutes > 0 and urgent_minutes <= routine_minutes),
  validity_days    integer not null check (validity_days between 0 and 365),
  price_fen        bigint not null check (price_fen >= 0),
  -- Units that recognise a result of this item: null = every member unit of the community.
  recognised_by    uuid[],
  analytes         jsonb not null default '[]',
  template         jsonb not null default '{}',
  active           boolean not null default true,
  updated_at       timestamptz not null default now(),
  primary key (community_id, code),
  foreign key (community_id, centre_id) references diagnostic_centre (community_id, id)
);

-- The reading rota (排班): who reads at a centre, when.
create table diagnostic_rota (
  community_id  uuid not null references community (community_id),
  id            uuid not null,
  centre_id     uuid not null,
  user_id       uuid,
  reader_name   text not null,
  starts_at     timestamptz not null,
  ends_at       timestamptz not null,
  created_at    timestamptz not null default now(),
  primary key (community_id, id),
  foreign key (community_id, centre_id) references diagnostic_centre (community_id, id),
  check (ends_at > starts_at)
);
create index diagnostic_rota_time on diagnostic_rota (community_id, centre_id, starts_at);

create table diagnostic_order (
  community_id              uuid not null references community (community_id),
  id                        uuid not null,
  resident_id               uuid not null,
  item_code                 text not null,
  modality                  text not null check (modality in ('imaging', 'ecg', 'lab', 'pathology')),
  centre_id                 uuid not null,
  performing_organization_id uuid not null,
  priority                  text not null check (priority in ('routine', 'urgent')),
  status                    text not null check (status in ('ordered', 'accepted', 'rejected', 'resulted', 'reported', 'acknowledged', 'cancelled')),
  reason                    text not null,
  ordering_organization_id  uuid not null,
  ordering_user_id          uuid not null,
  ordering_username         text not null,
  -- A repeat inside a recognised result's validity window names that result and why (结果互认).
  recognised_order_id       uuid,
  repeat_reason             text,
  reject_reason             text,
  cancel_reason             text,
  reader_user_id            uuid,
  reader_name               text,
  critical                  boolean not null default false,
  report_version            integer not null default 0,
  report_conclusion         text,
  ordered_at                timestamptz not null,
  accepted_at               timestamptz,
  rejected_at               timestamptz,
  resulted_at               timestamptz,
  report_due_at             timestamptz,
  reported_at               timestamptz,
  acknowledged_at           timestamptz,
  cancelled_at              timestamptz,
  client_recorded_at        timestamptz,
  updated_at                timestamptz not null,
  primary key (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id),
  foreign key (community_id, item_code) references diagnostic_item (community_id, code),
  foreign key (community_id, centre_id) references diagnostic_centre (community_id, id),
  foreign key (community_id, ordering_organization_id) references organization (community_id, id),
  foreign key (community_id, performing_organization_id) references organization (community_id, id),
  foreign key (community_id, recognised_order_id) references diagnostic_order (community_id, id),
  check ((status = 'rejected') = (reject_reason is not null))
);
-- The centre's worklist: its open orders.
create index diagnostic_order_worklist on diagnostic_order (community_id, centre_id, status, priority, ordered_at)
  where status in ('ordered', 'accepted', 'resulted');
-- The ordering unit's orders, newest first.
create index diagnostic_order_ordering on diagnostic_order (community_id, ordering_organization_id, ordered_at desc);
-- Mutual recognition: a resident's signed results of an item, newest first.
create index diagnostic_order_recognition on diagnostic_order (community_id, resident_id, item_code, reported_at desc)
  where status in ('reported', 'acknowledged');
-- Indicators over a period.
create index diagnostic_order_period on diagnostic_order (community_id, ordered_at);

-- Append-only status history.
create table diagnostic_order_event (
  community_id    uuid not null,
  id              bigint generated always as identity,
  order_id        uuid not null,
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
  foreign key (community_id, order_id) references diagnostic_order (community_id, id)
);
create index diagnostic_order_event_order on diagnostic_order_event (community_id, order_id, id);
create trigger diagnostic_order_event_append_only before update or delete on diagnostic_order_event
  for each row execute function audit_append_only();

-- Lab results: one row per analyte, the interpretation flag stored as computed (HL7 table 0078).
create table diagnostic_observation (
  community_id  uuid not null,
  order_id      uuid not null,
  seq           integer not null,
  code          text not null,
  name          text,
  value_num     double precision,
  value_text    text,
  unit          text,
  low           double precision,
  high          double precision,
  critical_low  double precision,
  critical_high double precision,
  flag          text check (flag in ('N', 'L', 'H', 'LL', 'HH')),
  recorded_at   timestamptz not null,
  primary key (community_id, order_id, seq),
  foreign key (community_id, order_id) references diagnostic_order (community_id, id),
  check ((value_num is null) <> (value_text is null))
);

-- A resting ECG: the samples of every lead (microvolts) at one sampling rate.
create table diagnostic_waveform (
  community_id  uuid not null,
  order_id      uuid not null,
  sampling_rate integer not null check (sampling_rate between 100 and 2000),
  leads         jsonb not null,
  samples       integer not null,
  heart_rate    integer,
  recorded_at   timestamptz not null,
  primary key (community_id, order_id),
  foreign key (community_id, order_id) references diagnostic_order (community_id, id)
);

-- Study files (DICOM, pathology images); the parsed tags beside the bytes.
create table diagnostic_file (
  community_id  uuid not null,
  id            uuid not null,
  order_id      uuid not null,
  kind          text not null check (kind in ('dicom', 'image')),
  media_type    text not null,
  name          text not null,
  size          integer not null check (size > 0),
  sha256        text not null,
  tags          jsonb not null default '{}',
  content       bytea not null,
  recorded_at   timestamptz not null,
  primary key (community_id, id),
  unique (community_id, order_id, sha256),
  foreign key (community_id, order_id) references diagnostic_order (community_id, id)
);

-- Reports: version 1 is the signed report, later versions amendments with their reason.
create table diagnostic_report (
  community_id   uuid not null,
  order_id       uuid not null,
  version        integer not null check (version >= 1),
  findings       text not null,
  conclusion     text not null,
  critical       boolean not null,
  signed_by      uuid,
  signed_by_name text not null,
  signed_at      timestamptz not null,
  amend_reason   text,
  primary key (community_id, order_id, version),
  foreign key (community_id, order_id) references diagnostic_order (community_id, id),
  check ((version = 1) = (amend_reason is null))
);
create trigger diagnostic_report_append_only before update or delete on diagnostic_report
  for each row execute function audit_append_only();

-- Critical values (危急值): raised for the ordering doctor, escalated when not acknowledged in time.
create table critical_value (
  community_id              uuid not null,
  id                        uuid not null,
  order_id                  uuid not null,
  resident_id               uuid not null,
  ordering_organization_id  uuid not null,
  ordering_user_id          uuid not null,
  source                    text not null check (source in ('result', 'report')),
  summary                   text not null,
  raised_at                 timestamptz not null,
  deadline_at               timestamptz not null,
  stage                     text not null check (stage in ('doctor', 'unit_head', 'medical_department')),
  unit_head_at              timestamptz,
  medical_department_at     timestamptz,
  acknowledged_at           timestamptz,
  acknowledged_by           uuid,
  acknowledged_by_name      text,
  ack_note                  text,
  primary key (community_id, id),
  unique (community_id, order_id, source),
  foreign key (community_id, order_id) references diagnostic_order (community_id, id),
  foreign key (community_id, resident_id) references resident (community_id, id),
  foreign key (community_id, ordering_organization_id) references organization (community_id, id)
);
create index critical_value_open on critical_value (community_id, deadline_at) where acknowledged_at is null;
create index critical_value_orderer on critical_value (community_id, ordering_user_id, raised_at desc);
create index critical_value_period on critical_value (community_id, raised_at);

-- Mutual recognition outcomes: a recognised result used instead of a new order, or repeated with a reason.
create table recognition_event (
  community_id         uuid not null,
  id                   uuid not null,
  resident_id          uuid not null,
  item_code            text not null,
  recognised_order_id  uuid not null,
  organization_id      uuid not null,
  user_id              uuid,
  outcome              text not null check (outcome in ('used', 'repeated')),
  new_order_id         uuid,
  price_fen            bigint not null check (price_fen >= 0),
  at                   timestamptz not null,
  primary key (community_id, id),
  foreign key (community_id, recognised_order_id) references diagnostic_order (community_id, id),
  foreign key (community_id, organization_id) references organization (community_id, id),
  check ((outcome = 'repeated') = (new_order_id is not null))
);
create index recognition_event_period on recognition_event (community_id, at);
