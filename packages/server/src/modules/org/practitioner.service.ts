import { randomUUID } from 'node:crypto';
import { DomainError, scopeFilter, type Actor } from '@yigong/domain';
import { communityForId } from '../../platform/db/id-communities.ts';
import type { AssignmentInput, PractitionerInput, PractitionerPatch, PractitionerView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { communityRegion, findOrganizationRef } from './org.repository.ts';
import * as repo from './practitioner.repository.ts';

export async function listPractitioners(ctx: AppContext, actor: Actor, q: Omit<Parameters<typeof repo.listPractitioners>[2], 'after'> & { cursor?: string | undefined }) {
  const items = await repo.listPractitioners(ctx.db, scopeFilter(actor, 'staff.read'), { ...q, limit: q.limit + 1, after: q.cursor ?? null });
  const more = items.length > q.limit;
  const page = more ? items.slice(0, q.limit) : items;
  return { items: page, nextCursor: more ? page.at(-1)!.id : null };
}

/** A practitioner visible to the actor: read in the caller's community (one shard on Citus), or for a region scope in the practitioner's. */
async function requirePractitioner(sql: Sql, actor: Actor, id: string): Promise<PractitionerView> {
  const communityId = await communityForId(actor, id, () => repo.practitionerCommunity(sql, id));
  const p = communityId ? await repo.findPractitioner(sql, communityId, id, scopeFilter(actor, 'staff.read')) : null;
  if (!p) throw new DomainError('NOT_FOUND', '人员不存在或不在您的范围内');
  return p;
}

export async function getPractitioner(ctx: AppContext, actor: Actor, id: string): Promise<PractitionerView> {
  const p = await requirePractitioner(ctx.db, actor, id);
  return { ...p, assignments: await repo.listAssignments(ctx.db, p.communityId, p.id) };
}

async function checkUnit(sql: Sql, communityId: string, organizationId: string, field = 'organizationId') {
  if (!(await findOrganizationRef(sql, communityId, organizationId))) throw new DomainError('VALIDATION_FAILED', '机构不属于该医共体', { field });
}

export async function createPractitioner(ctx: AppContext, actor: Actor, input: PractitionerInput): Promise<PractitionerView> {
  return ctx.db.transaction(async (tx) => {
    authorize(actor, 'staff.write', { communityId: input.communityId, organizationId: input.organizationId, regionCode: await communityRegion(tx, input.communityId) });
    await checkUnit(tx, input.communityId, input.organizationId);
    const id = input.id ?? randomUUID();
    const existing = await repo.findPractitioner(tx, input.communityId, id);
    if (existing) {
      if (existing.name === input.name) return existing;
      throw new DomainError('IDEMPOTENCY_MISMATCH', '该编号的人员已存在且内容不同', { id });
    }
    await repo.insertPractitioner(tx, id, input);
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'staff.create', resourceType: 'practitioner', resourceId: id, details: { name: input.name, title: input.title } });
    return (await repo.findPractitioner(tx, input.communityId, id))!;
  });
}

export async function updatePractitioner(ctx: AppContext, actor: Actor, id: string, patch: PractitionerPatch): Promise<PractitionerView> {
  return ctx.db.transaction(async (tx) => {
    const p = await requirePractitioner(tx, actor, id);
    authorize(actor, 'staff.write', { communityId: p.communityId, organizationId: p.organizationId, regionCode: await communityRegion(tx, p.communityId) });
    if (patch.organizationId) await checkUnit(tx, p.communityId, patch.organizationId);
    await repo.updatePractitioner(tx, p.communityId, id, patch);
    await recordAudit(tx, actor, { communityId: p.communityId, action: 'staff.update', resourceType: 'practitioner', resourceId: id, details: patch });
    return (await repo.findPractitioner(tx, p.communityId, id))!;
  });
}

/** 县管乡用 / dispatch: the practitioner works at another unit of the same community for a period. */
export async function addAssignment(ctx: AppContext, actor: Actor, practitionerId: string, input: AssignmentInput) {
  return ctx.db.transaction(async (tx) => {
    const p = await requirePractitioner(tx, actor, practitionerId);
    authorize(actor, 'staff.write', { communityId: p.communityId, organizationId: p.organizationId, regionCode: await communityRegion(tx, p.communityId) });
    await checkUnit(tx, p.communityId, input.organizationId);
    if (input.organizationId === p.organizationId) throw new DomainError('VALIDATION_FAILED', '派驻机构不能是本人所在机构', { field: 'organizationId' });
    if (input.endsOn && input.endsOn < input.startsOn) throw new DomainError('VALIDATION_FAILED', '结束日期早于开始日期', { field: 'endsOn' });
    if (await repo.overlappingAssignment(tx, p.communityId, p.id, input)) throw new DomainError('CONFLICT', '与已有派驻时间重叠');
    const id = input.id ?? randomUUID();
    await repo.insertAssignment(tx, p.communityId, id, p.id, input);
    await recordAudit(tx, actor, { communityId: p.communityId, action: 'staff.assign', resourceType: 'assignment', resourceId: id, details: { practitionerId, ...input } });
    return (await repo.listAssignments(tx, p.communityId, p.id)).find((a) => a.id === id)!;
  });
}

/** Senior doctors dispatched to the grassroots ≥ 6 months in the year — for the indicators module. */
export function dispatchedSeniorCount(ctx: AppContext, communityId: string, year: number): Promise<number> {
  return repo.dispatchedSeniorDoctors(ctx.db, communityId, year);
}
