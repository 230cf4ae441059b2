import { randomUUID } from 'node:crypto';
import { DomainError, GRASSROOTS_KINDS, scopeFilter, secondPlateName, type Actor } from '@yigong/domain';
import { communityForId } from '../../platform/db/id-communities.ts';
import type { DepartmentInput, GridInput, OrganizationInput, OrganizationPatch, OrganizationView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import * as repo from './org.repository.ts';

export function listCommunities(ctx: AppContext, actor: Actor) {
  return repo.listCommunities(ctx.db, scopeFilter(actor, 'community.read'));
}

export async function getCommunity(ctx: AppContext, actor: Actor, id: string) {
  const found = (await repo.listCommunities(ctx.db, scopeFilter(actor, 'community.read'))).find((c) => c.id === id);
  if (!found) throw new DomainError('NOT_FOUND', '医共体不存在或不在您的范围内');
  return found;
}

export function listOrganizations(ctx: AppContext, actor: Actor, q: Parameters<typeof repo.listOrganizations>[2]) {
  return repo.listOrganizations(ctx.db, scopeFilter(actor, 'org.read'), q);
}

/**
 * An organisation visible to the actor, or 404 (outside scope looks the same as absent): read in the
 * caller's community (one shard on Citus), or for a region scope in the organisation's.
 */
export async function requireOrganization(sql: Sql, actor: Actor, id: string): Promise<OrganizationView> {
  const communityId = await communityForId(actor, id, () => repo.organizationCommunity(sql, id));
  const org = communityId ? await repo.findOrganization(sql, communityId, scopeFilter(actor, 'org.read'), id) : null;
  if (!org) throw new DomainError('NOT_FOUND', '机构不存在或不在您的范围内');
  return org;
}

export async function getOrganization(ctx: AppContext, actor: Actor, id: string) {
  const org = await requireOrganization(ctx.db, actor, id);
  const [departments, children] = await Promise.all([
    repo.listDepartments(ctx.db, org.communityId, org.id),
    repo.listOrganizations(ctx.db, scopeFilter(actor, 'org.read'), { communityId: org.communityId, parentId: org.id, limit: 1000, offset: 0 }),
  ]);
  return { ...org, departments, children };
}

async function writeResource(sql: Sql, communityId: string) {
  const regionCode = await repo.communityRegion(sql, communityId);
  if (!regionCode) throw new DomainError('NOT_FOUND', '医共体不存在');
  return { communityId, regionCode };
}

/** Default second plate name (policy text 002) from the community's lead hospital. */
async function defaultPlate(sql: Sql, o: OrganizationInput): Promise<string | null> {
  if (!GRASSROOTS_KINDS.has(o.kind)) return null;
  const lead = (await repo.listOrganizations(sql, { communityIds: [o.communityId], regionPrefix: null, organizationIds: null }, { communityId: o.communityId, kind: 'lead_hospital', limit: 1, offset: 0 }))[0];
  if (!lead) return null;
  // The 乡镇名 is the township's division name when the unit carries a street-level region code.
  const township = o.regionCode?.length === 9 ? await repo.regionName(sql, o.regionCode) : null;
  return secondPlateName(o.kind, lead.name, township ?? o.name);
}

export async function createOrganization(ctx: AppContext, actor: Actor, input: OrganizationInput): Promise<OrganizationView> {
  // A new unit joins its parent's subtree: cached org-scope sessions are resolved again.
  return withSessionsRefreshed(ctx, () => ctx.db.transaction(async (tx) => {
    authorize(actor, 'org.write', await writeResource(tx, input.communityId));
    const id = input.id ?? randomUUID();
    const existing = await repo.findOrganizationIn(tx, input.communityId, id);
    if (existing) {
      if (existing.name === input.name && existing.kind === input.kind) return existing; // idempotent retry
      throw new DomainError('IDEMPOTENCY_MISMATCH', '该编号的机构已存在且内容不同', { id });
    }
    if (input.parentId && !(await repo.findOrganizationIn(tx, input.communityId, input.parentId))) {
      throw new DomainError('VALIDATION_FAILED', '上级机构不属于该医共体', { field: 'parentId' });
    }
    if (input.kind === 'lead_hospital' && (await repo.listOrganizations(tx, scopeFilter(actor, 'org.read'), { communityId: input.communityId, kind: 'lead_hospital', limit: 1, offset: 0 })).length) {
      throw new DomainError('CONFLICT', '每个医共体只有一家牵头医院', { field: 'kind' });
    }
    await repo.insertOrganization(tx, id, { ...input, secondPlateName: input.secondPlateName ?? (await defaultPlate(tx, input)) });
    await repo.assignOrganizationCodes(tx, input.communityId);
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'org.create', resourceType: 'organization', resourceId: id, details: { name: input.name, kind: input.kind } });
    return (await repo.findOrganizationIn(tx, input.communityId, id))!;
  }));
}

/** Runs an organisation-tree write, then drops the cached sessions whose subtrees it may change. */
async function withSessionsRefreshed<T>(ctx: AppContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } finally {
    ctx.sessions.clear();
  }
}

export async function updateOrganization(ctx: AppContext, actor: Actor, id: string, patch: OrganizationPatch): Promise<OrganizationView> {
  return withSessionsRefreshed(ctx, () => ctx.db.transaction(async (tx) => {
    const org = await requireOrganization(tx, actor, id);
    authorize(actor, 'org.write', { ...(await writeResource(tx, org.communityId)), organizationId: org.id });
    if (patch.parentId) {
      if (!(await repo.findOrganizationIn(tx, org.communityId, patch.parentId))) throw new DomainError('VALIDATION_FAILED', '上级机构不属于该医共体', { field: 'parentId' });
      if ((await repo.ancestorIds(tx, org.communityId, patch.parentId)).includes(id)) throw new DomainError('VALIDATION_FAILED', '上级机构不能是自身或其下级', { field: 'parentId' });
    }
    await repo.updateOrganization(tx, org.communityId, id, patch);
    await recordAudit(tx, actor, { communityId: org.communityId, action: 'org.update', resourceType: 'organization', resourceId: id, details: patch });
    return (await repo.findOrganizationIn(tx, org.communityId, id))!;
  }));
}

export async function createDepartment(ctx: AppContext, actor: Actor, input: DepartmentInput) {
  return ctx.db.transaction(async (tx) => {
    authorize(actor, 'org.write', { ...(await writeResource(tx, input.communityId)), organizationId: input.organizationId });
    if (!(await repo.findOrganizationIn(tx, input.communityId, input.organizationId))) throw new DomainError('VALIDATION_FAILED', '机构不属于该医共体', { field: 'organizationId' });
    const id = input.id ?? randomUUID();
    await repo.insertDepartment(tx, id, input);
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'department.create', resourceType: 'department', resourceId: id, details: input });
    return { id, code: input.code, name: input.name, organizationId: input.organizationId };
  });
}

export function listGrids(ctx: AppContext, actor: Actor, communityId: string | null) {
  return repo.listGrids(ctx.db, scopeFilter(actor, 'org.read'), communityId);
}

export async function createGrid(ctx: AppContext, actor: Actor, input: GridInput) {
  return ctx.db.transaction(async (tx) => {
    authorize(actor, 'org.write', await writeResource(tx, input.communityId));
    const id = input.id ?? randomUUID();
    await repo.insertGrid(tx, id, input);
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'grid.create', resourceType: 'grid', resourceId: id, details: input });
    return { id, ...input };
  });
}
