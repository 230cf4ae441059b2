import type { Role, Scope } from '@yigong/domain';
import type { Sql } from '../../platform/db/database.ts';

export interface AccountRow {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  role: Role;
  scope_kind: Scope['kind'];
  community_id: string | null;
  organization_id: string | null;
  region_code: string | null;
  failed_attempts: number;
  locked_until: Date | null;
  disabled: boolean;
}

export async function findAccountByUsername(sql: Sql, username: string): Promise<AccountRow | null> {
  const { rows } = await sql.query<AccountRow>('select * from app_user where username = $1', [username]);
  return rows[0] ?? null;
}

export async function findAccount(sql: Sql, id: string): Promise<AccountRow | null> {
  const { rows } = await sql.query<AccountRow>('select * from app_user where id = $1', [id]);
  return rows[0] ?? null;
}

export async function listAccounts(sql: Sql, communityIds: readonly string[] | null): Promise<AccountRow[]> {
  const { rows } = await sql.query<AccountRow>(
    `select * from app_user where ($1::uuid[] is null or community_id = any($1)) order by role, username`,
    [communityIds],
  );
  return rows;
}

/** Records a failed login; locks the account for `lockMinutes` when `max` failures are reached. */
export async function recordFailedLogin(sql: Sql, id: string, max: number, lockMinutes: number, now: Date): Promise<AccountRow> {
  const { rows } = await sql.query<AccountRow>(
    `update app_user set failed_attempts = failed_attempts + 1,
        locked_until = case when failed_attempts + 1 >= $2 then $3::timestamptz else locked_until end
      where id = $1 returning *`,
    // The lock's end computed here: Citus allows no stable function (timestamptz + interval) in a CASE of an UPDATE.
    [id, max, new Date(now.getTime() + lockMinutes * 60_000)],
  );
  return rows[0]!;
}

export async function resetFailedLogins(sql: Sql, id: string): Promise<void> {
  await sql.query('update app_user set failed_attempts = 0, locked_until = null where id = $1', [id]);
}

export async function insertSession(sql: Sql, s: { tokenHash: string; userId: string; expiresAt: Date; ip: string; userAgent: string | null; now: Date }): Promise<void> {
  await sql.query(
    'insert into session (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent) values ($1,$2,$6,$6,$3,$4,$5)',
    [s.tokenHash, s.userId, s.expiresAt, s.ip, s.userAgent, s.now],
  );
}

export async function revokeSession(sql: Sql, tokenHash: string, now: Date): Promise<number> {
  return (await sql.query('update session set revoked_at = $2 where token_hash = $1 and revoked_at is null', [tokenHash, now])).rowCount;
}

export async function revokeUserSessions(sql: Sql, userId: string, now: Date): Promise<number> {
  return (await sql.query('update session set revoked_at = $2 where user_id = $1 and revoked_at is null', [userId, now])).rowCount;
}

export interface NewAccount {
  id: string;
  username: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  scopeKind: Scope['kind'];
  communityId: string | null;
  organizationId: string | null;
  regionCode: string | null;
  practitionerId?: string | null;
}

export async function insertAccount(sql: Sql, a: NewAccount): Promise<void> {
  await sql.query(
    `insert into app_user (id, username, password_hash, display_name, role, scope_kind, community_id, organization_id, region_code, practitioner_id)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [a.id, a.username, a.passwordHash, a.displayName, a.role, a.scopeKind, a.communityId, a.organizationId, a.regionCode, a.practitionerId ?? null],
  );
}

/** Names for scope labels: the organisations, communities and regions of these accounts, in one statement whatever their number. */
export async function scopeNames(sql: Sql, accounts: readonly Pick<AccountRow, 'community_id' | 'organization_id' | 'region_code'>[]): Promise<ScopeNames> {
  const present = <T>(xs: (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
  const { rows } = await sql.query<{ orgs: [string, string][]; communities: [string, string][]; regions: [string, string][] }>(
    `select (select coalesce(json_agg(json_build_array(o.id, o.name)), '[]') from organization o where o.community_id = any($1::uuid[]) and o.id = any($2::uuid[])) as orgs,
            (select coalesce(json_agg(json_build_array(c.community_id, c.name)), '[]') from community c where c.community_id = any($1::uuid[])) as communities,
            (select coalesce(json_agg(json_build_array(r.code, r.name)), '[]') from region r where r.code = any($3::text[])) as regions`,
    [present(accounts.map((a) => a.community_id)), present(accounts.map((a) => a.organization_id)), present(accounts.map((a) => a.region_code))],
  );
  const r = rows[0]!;
  return { org: new Map(r.orgs), community: new Map(r.communities), region: new Map(r.regions) };
}

export interface ScopeNames {
  org: Map<string, string>;
  community: Map<string, string>;
  region: Map<string, string>;
}
