import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, type Actor } from '@yigong/domain';
import { requirePermission } from '../../platform/auth/authorize.ts';
import type { CreateAccountRequest, LoginResponse, UserView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { transactionRetryingDeadlocks, type Sql } from '../../platform/db/database.ts';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from '../../platform/auth/password.ts';
import { tokenHash } from '../../platform/auth/authenticate.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import * as repo from './auth.repository.ts';
import { findOrganizationRef, organizationSubtree } from '../org/index.ts';
import { actorFromSession } from '../../platform/auth/session.repository.ts';
import type { LoginThrottle } from './login-throttle.ts';

const BAD_LOGIN = '用户名或密码错误';

export async function userView(sql: Sql, a: repo.AccountRow): Promise<UserView> {
  return viewOf(a, await repo.scopeNames(sql, [a]));
}

function viewOf(a: repo.AccountRow, names: repo.ScopeNames): UserView {
  const name = (m: Map<string, string>, key: string | null) => (key === null ? null : (m.get(key) ?? null));
  return {
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    role: a.role,
    organizationId: a.organization_id,
    scope: {
      kind: a.scope_kind,
      communityId: a.community_id,
      organizationId: a.organization_id,
      regionCode: a.region_code,
      label: a.scope_kind === 'organization' ? (name(names.org, a.organization_id) ?? '') : a.scope_kind === 'community' ? (name(names.community, a.community_id) ?? '') : (name(names.region, a.region_code) ?? a.region_code ?? ''),
    },
  };
}

/**
 * Logs in with username and password. An unknown user and a wrong password give the same 401
 * (and take the same time); `maxFailedLogins` failures lock the account for `lockMinutes`.
 */
export async function login(ctx: AppContext, throttle: LoginThrottle, input: { username: string; password: string }, client: { ip: string; userAgent: string | null }): Promise<LoginResponse> {
  const now = ctx.clock.now();
  if (!throttle.allow(client.ip, now.getTime())) throw new DomainError('TOO_MANY_ATTEMPTS', '登录尝试过于频繁，请稍后再试');
  const account = await repo.findAccountByUsername(ctx.db, input.username);
  if (!account) {
    const lockedUntil = throttle.unknownLockedUntil(input.username, now.getTime());
    if (lockedUntil) throw lockedError(lockedUntil, now);
    throttle.recordFailure(client.ip, now.getTime());
    throttle.recordUnknownFailure(input.username, now.getTime(), ctx.config.maxFailedLogins, ctx.config.lockMinutes);
    await verifyPassword(await dummyHash(), input.password);
    await recordAudit(ctx.db, { userId: null, username: input.username, role: null, organizationId: null }, { communityId: null, action: 'auth.login_failed', resourceType: 'account', details: { ip: client.ip } });
    throw new DomainError('UNAUTHENTICATED', BAD_LOGIN);
  }
  if (account.locked_until && account.locked_until > now) throw lockedError(account.locked_until, now);
  const ok = !account.disabled && (await verifyPassword(account.password_hash, input.password));
  const who = { userId: account.id, username: account.username, role: account.role, organizationId: account.organization_id };
  if (!ok) {
    throttle.recordFailure(client.ip, now.getTime());
    await transactionRetryingDeadlocks(ctx.db, async (tx) => {
      await repo.recordFailedLogin(tx, account.id, ctx.config.maxFailedLogins, ctx.config.lockMinutes, now);
      await recordAudit(tx, who, { communityId: null, action: 'auth.login_failed', resourceType: 'account', resourceId: account.id, details: { ip: client.ip } });
    });
    throw new DomainError('UNAUTHENTICATED', BAD_LOGIN);
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3_600_000);
  // Account and session rows are reference tables on Citus: retried when chosen as a deadlock victim.
  await transactionRetryingDeadlocks(ctx.db, async (tx) => {
    if (account.failed_attempts > 0 || account.locked_until) await repo.resetFailedLogins(tx, account.id);
    await repo.insertSession(tx, { tokenHash: tokenHash(token), userId: account.id, expiresAt, ip: client.ip, userAgent: client.userAgent, now });
    await recordAudit(tx, who, { communityId: null, action: 'auth.login', resourceType: 'account', resourceId: account.id, details: { ip: client.ip } });
  });
  return { token, expiresAt: expiresAt.toISOString(), user: await userView(ctx.db, account) };
}

/** The one answer for a locked username, real or not. */
function lockedError(until: Date, now: Date): DomainError {
  const mins = Math.ceil((until.getTime() - now.getTime()) / 60_000);
  return new DomainError('ACCOUNT_LOCKED', `账号因多次登录失败已锁定，请${mins}分钟后再试或联系管理员解锁`, { lockedUntil: until.toISOString() });
}

export async function logout(ctx: AppContext, actor: Actor, token: string): Promise<void> {
  await transactionRetryingDeadlocks(ctx.db, async (tx) => {
    await repo.revokeSession(tx, tokenHash(token), ctx.clock.now());
    await recordAudit(tx, actor, { communityId: null, action: 'auth.logout', resourceType: 'account', resourceId: actor.userId });
  });
  ctx.sessions.forgetToken(tokenHash(token));
}

export async function me(ctx: AppContext, actor: Actor): Promise<UserView> {
  const a = await repo.findAccount(ctx.db, actor.userId);
  if (!a) throw new DomainError('UNAUTHENTICATED', '账号不存在');
  return userView(ctx.db, a);
}

/** Accounts are platform-wide (an account may span communities), so only the role is checked. */
function requireAccountAdmin(actor: Actor): void {
  requirePermission(actor, 'account.manage');
}

export async function listAccounts(ctx: AppContext, actor: Actor) {
  requireAccountAdmin(actor);
  const rows = await repo.listAccounts(ctx.db, null);
  const names = await repo.scopeNames(ctx.db, rows);
  return rows.map((a) => ({ ...viewOf(a, names), disabled: a.disabled, lockedUntil: a.locked_until?.toISOString() ?? null, failedAttempts: a.failed_attempts }));
}

/** Creates an account (admin only; also used by `npm run admin:create` with a null actor). */
export async function createAccount(ctx: AppContext, actor: Actor | null, input: CreateAccountRequest): Promise<UserView> {
  if (actor) requireAccountAdmin(actor);
  const problem = passwordProblem(input.password);
  if (problem) throw new DomainError('VALIDATION_FAILED', problem, { field: 'password' });
  const scope = normaliseScope(input);
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  return transactionRetryingDeadlocks(ctx.db, async (tx) => {
    if (await repo.findAccountByUsername(tx, input.username)) throw new DomainError('CONFLICT', `用户名 ${input.username} 已存在`, { field: 'username' });
    if (scope.organizationId) {
      if (!(await findOrganizationRef(tx, scope.communityId!, scope.organizationId))) throw new DomainError('VALIDATION_FAILED', '机构不属于该医共体', { field: 'organizationId' });
    }
    await repo.insertAccount(tx, { id, username: input.username, passwordHash, displayName: input.displayName, role: input.role, ...scope });
    await recordAudit(tx, actor ?? { userId: null, username: 'cli', role: null, organizationId: null }, {
      communityId: null, action: 'account.create', resourceType: 'account', resourceId: id, details: { username: input.username, role: input.role, scope },
    });
    return userView(tx, (await repo.findAccount(tx, id))!);
  });
}

function normaliseScope(input: CreateAccountRequest): { scopeKind: 'organization' | 'community' | 'region'; communityId: string | null; organizationId: string | null; regionCode: string | null } {
  const need = (ok: unknown, field: string) => {
    if (!ok) throw new DomainError('VALIDATION_FAILED', `${input.scopeKind} 范围需要 ${field}`, { field });
  };
  if (input.scopeKind === 'region') {
    need(input.regionCode, 'regionCode');
    return { scopeKind: 'region', communityId: null, organizationId: null, regionCode: input.regionCode! };
  }
  need(input.communityId, 'communityId');
  if (input.scopeKind === 'organization') need(input.organizationId, 'organizationId');
  return { scopeKind: input.scopeKind, communityId: input.communityId!, organizationId: input.scopeKind === 'organization' ? input.organizationId! : null, regionCode: null };
}

export async function revokeSessions(ctx: AppContext, actor: Actor, userId: string): Promise<{ revoked: number }> {
  requireAccountAdmin(actor);
  const out = await transactionRetryingDeadlocks(ctx.db, async (tx) => {
    if (!(await repo.findAccount(tx, userId))) throw new DomainError('NOT_FOUND', '账号不存在');
    const revoked = await repo.revokeUserSessions(tx, userId, ctx.clock.now());
    await recordAudit(tx, actor, { communityId: null, action: 'account.revoke_sessions', resourceType: 'account', resourceId: userId, details: { revoked } });
    return { revoked };
  });
  ctx.sessions.forgetUser(userId);
  return out;
}

export async function unlockAccount(ctx: AppContext, actor: Actor, userId: string): Promise<{ ok: true }> {
  requireAccountAdmin(actor);
  return transactionRetryingDeadlocks(ctx.db, async (tx) => {
    if (!(await repo.findAccount(tx, userId))) throw new DomainError('NOT_FOUND', '账号不存在');
    await repo.resetFailedLogins(tx, userId);
    await recordAudit(tx, actor, { communityId: null, action: 'account.unlock', resourceType: 'account', resourceId: userId });
    return { ok: true };
  });
}


/**
 * The actor an account acts as without a session (jobs acting for an account, e.g. the folder
 * drop), built exactly as a session of that account would be — the organisation subtree for a
 * unit's account — so permission, scope and audit rules apply unchanged. Null for an unknown name.
 */
export async function accountActor(ctx: AppContext, username: string): Promise<{ actor: Actor; disabled: boolean } | null> {
  const a = await repo.findAccountByUsername(ctx.db, username);
  if (!a) return null;
  const orgIds = a.scope_kind === 'organization' && a.community_id && a.organization_id ? await organizationSubtree(ctx.db, a.community_id, a.organization_id) : null;
  const actor = actorFromSession({
    user_id: a.id, username: a.username, display_name: a.display_name, role: a.role, scope_kind: a.scope_kind,
    community_id: a.community_id, organization_id: a.organization_id, region_code: a.region_code,
    resident_id: null, expires_at: ctx.clock.now(), org_ids: orgIds,
  });
  return { actor, disabled: a.disabled };
}
