-- Platform tables: accounts and sessions span communities (an admin or regulator has a region
-- scope), so they are global like reference tables, small, and never joined per tenant.
create table app_user (
  id              uuid primary key,
  username        text not null unique,
  password_hash   text not null,
  display_name    text not null,
  role            text not null,
  scope_kind      text not null check (scope_kind in ('organization', 'community', 'region')),
  community_id    uuid,
  organization_id uuid,
  region_code     text,
  practitioner_id uuid,
  resident_id     uuid,
  failed_attempts integer not null default 0,
  locked_until    timestamptz,
  disabled        boolean not null default false,
  created_at      timestamptz not null default now(),
  check ((scope_kind = 'region') = (region_code is not null)),
  check (scope_kind = 'region' or community_id is not null),
  check (scope_kind <> 'organization' or organization_id is not null)
);

create table session (
  token_hash    text primary key,
  user_id       uuid not null references app_user (id),
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null,
  last_seen_at  timestamptz not null default now(),
  revoked_at    timestamptz,
  ip            text,
  user_agent    text
);
create index session_by_user on session (user_id);

-- Events without a community (logins, account administration).
create table platform_audit_log (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  actor_id    uuid,
  username    text,
  role        text,
  organization_id uuid,
  action      text not null,
  resource_type text not null,
  resource_id text,
  purpose     text,
  details     jsonb
);
create index platform_audit_at on platform_audit_log (at);
