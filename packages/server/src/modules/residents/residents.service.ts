import { randomUUID } from 'node:crypto';
import { DomainError, can, hasPermission, parseIdNumber, scopeCommunity, type Actor } from '@yigong/domain';
import type { CreateResidentRequest, ResidentListItem, ResidentQuery, ResidentRecord, UpdateResidentRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize, requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { findOrganizationRef, communityRegion } from '../org/index.ts';
import { activeGrant } from './grants.service.ts';
import { noteResidentRead } from '../../platform/audit/read-audit.ts';
import * as repo from './residents.repository.ts';
import { refreshSigningRates } from '../rate-summaries/index.ts';
import { nameSearchKeys } from './name-search.ts';
import { toListItem } from './resident-view.ts';
import { buildRecord } from './resident-record.ts';

function searchMode(ctx: AppContext, q: string | undefined): repo.SearchMode {
  const s = q?.trim();
  if (!s) return { kind: 'all' };
  if (/^\d{17}[\dXx]$/.test(s)) return { kind: 'hash', hash: ctx.cipher.lookupHash(s.toUpperCase()) };
  if (/^\d{3,11}$/.test(s)) return { kind: 'phone', prefix: s };
  if (/^[A-Za-z]+$/.test(s)) return { kind: 'latin', prefix: s.toLowerCase() };
  return { kind: 'name', text: s };
}

function encodeCursor(r: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([r.name, r.id])).toString('base64url');
}
function decodeCursor(c: string | undefined): { name: string; id: string } | null {
  if (!c) return null;
  try {
    const [name, id] = JSON.parse(Buffer.from(c, 'base64url').toString()) as [string, string];
    if (typeof name === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { name, id };
  } catch {
    /* fall through */
  }
  throw new DomainError('VALIDATION_FAILED', '分页游标无效', { field: 'cursor' });
}

/** Searches residents within the caller's scope (name, pinyin initials, ID number, phone). */
export async function listResidents(ctx: AppContext, actor: Actor, q: ResidentQuery): Promise<{ items: ResidentListItem[]; nextCursor: string | null }> {
  const rows = await repo.searchResidents(ctx.db, requirePermission(actor, 'resident.list'), {
    mode: searchMode(ctx, q.q), communityId: q.communityId, organizationId: q.organizationId, limit: q.limit + 1, after: decodeCursor(q.cursor),
  });
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  const today = businessDate(ctx.clock);
  return { items: page.map((r) => toListItem(r, actor, ctx.cipher, today)), nextCursor: more ? encodeCursor(page.at(-1)!) : null };
}

/**
 * A resident's current record, read with its community: the caller's own community first (one
 * shard on Citus); only when the caller's scope spans several communities, or the id has no active
 * record there (transferred away, or a record elsewhere read under an access grant), the community
 * of the id's current record is looked up. The active record wins, as a transferred id has a row in
 * each community it passed through.
 */
async function locateResident(sql: Sql, actor: Actor, id: string): Promise<repo.ResidentRow | null> {
  const own = scopeCommunity(actor);
  const here = own ? await repo.findResident(sql, own, id) : null;
  if (here?.status === 'active') return here;
  const communityId = await repo.residentCommunity(sql, id);
  if (!communityId || communityId === here?.community_id) return here;
  return (await repo.findResident(sql, communityId, id)) ?? here;
}

/**
 * Resolves a resident and decides access: in scope, through an active access grant (授权调阅),
 * or the resident's own account. Otherwise 403 (OUT_OF_SCOPE says a grant may be requested).
 */
export async function requireResidentAccess(sql: Sql, actor: Actor, id: string, action: 'resident.read' | 'resident.update' | 'resident.reveal_id' | 'resident.transfer', now: Date) {
  const r = await locateResident(sql, actor, id);
  if (!r) throw new DomainError('NOT_FOUND', '居民档案不存在');
  const where = { communityId: r.community_id, organizationId: r.organization_id, regionCode: r.region_code, residentId: r.id };
  if (can(actor, action, where)) {
    const access = actor.role === 'resident' ? ('own' as const) : ('scope' as const);
    if (action === 'resident.read') noteResidentRead({ communityId: r.community_id, residentId: r.id, access });
    return { row: r, access };
  }
  const grant = action === 'resident.read' ? await activeGrant(sql, r.community_id, r.id, actor.userId, now) : null;
  if (grant && can(actor, action, { ...where, granted: true })) {
    // A read under a grant is audited as such; a break-glass one also lands in the manager's review queue.
    noteResidentRead({ communityId: r.community_id, residentId: r.id, access: 'grant', grantId: grant.id, breakGlass: grant.breakGlass });
    return { row: r, access: 'grant' as const };
  }
  requirePermission(actor, action);
  throw new DomainError('OUT_OF_SCOPE', '该居民不在您的管辖范围内，如需调阅请申请授权', {
    action, residentId: r.id, communityId: r.community_id, grantable: hasPermission(actor.role, 'grant.request'),
  });
}

/**
 * A resident the actor may act for (refer, book): in scope, or the resident's own account. An
 * access grant (授权调阅) opens the record for reading only (docs/SECURITY.md "Grants").
 */
export async function requireResidentForWrite(sql: Sql, actor: Actor, id: string, now: Date) {
  const access = await requireResidentAccess(sql, actor, id, 'resident.read', now);
  if (access.access === 'grant') {
    throw new DomainError('OUT_OF_SCOPE', '授权调阅仅限查阅档案，不能据此为该居民转诊或预约；请联系居民所属机构办理', { residentId: id, grantable: false });
  }
  return access;
}

/**
 * Reads a resident's record. The read is audited by its route's declaration (platform/audit/read-audit.ts),
 * with the purpose given as ?purpose= or X-Purpose and how it was authorised.
 */
export async function readResident(ctx: AppContext, actor: Actor, id: string): Promise<ResidentRecord> {
  const { row, access } = await requireResidentAccess(ctx.db, actor, id, 'resident.read', ctx.clock.now());
  return buildRecord(ctx.db, ctx, actor, row, access);
}

function validateIdNumber(ctx: AppContext, input: { idNumber: string; sex?: string | undefined; birthDate?: string | undefined }) {
  const parsed = parseIdNumber(input.idNumber, ctx.isKnownRegion, businessDate(ctx.clock));
  if (!parsed.ok) throw new DomainError('VALIDATION_FAILED', parsed.message, { field: 'idNumber', problem: parsed.problem });
  // GB 11643: sex and birth date are encoded in the number; a form that disagrees is refused.
  if (input.sex && input.sex !== parsed.value.sex) throw new DomainError('VALIDATION_FAILED', '性别与身份证号不一致', { field: 'sex' });
  if (input.birthDate && input.birthDate !== parsed.value.birthDate) throw new DomainError('VALIDATION_FAILED', '出生日期与身份证号不一致', { field: 'birthDate' });
  return parsed.value;
}

async function existingConflict(sql: Sql, actor: Actor, hash: string, communityId: string): Promise<DomainError | null> {
  const hits = await repo.findByIdHash(sql, hash);
  const here = hits.find((h) => h.community_id === communityId);
  if (here) return new DomainError('RESIDENT_EXISTS', `该身份证号已建档：${here.name}`, { residentId: here.id, name: here.name, communityId });
  const elsewhere = hits[0];
  if (elsewhere) {
    return new DomainError('RESIDENT_EXISTS_ELSEWHERE', '该居民已在其他医共体建档，请办理档案迁移', {
      communityId: elsewhere.community_id,
      residentId: can(actor, 'resident.read', { communityId: elsewhere.community_id, organizationId: elsewhere.organization_id }) ? elsewhere.id : undefined,
    });
  }
  return null;
}

/**
 * Creates a resident (建档). Idempotent on a client-generated id. The same ID number is a 409
 * naming the existing resident; same name + birth date + sex under another number opens a
 * duplicate candidate for an admin to resolve.
 */
export async function createResident(ctx: AppContext, actor: Actor, input: CreateResidentRequest): Promise<{ status: 200 | 201; record: ResidentRecord & { duplicateCandidates: string[] } }> {
  const parsed = validateIdNumber(ctx, input);
  const organizationId = input.organizationId ?? actor.organizationId;
  if (!organizationId) throw new DomainError('VALIDATION_FAILED', '请选择管理机构', { field: 'organizationId' });
  const hash = ctx.cipher.lookupHash(parsed.normalized);
  const id = input.id ?? randomUUID();
  const keys = nameSearchKeys(input.name);
  try {
    return await ctx.db.transaction(async (tx) => {
      authorize(actor, 'resident.create', { communityId: input.communityId, organizationId, regionCode: await communityRegion(tx, input.communityId) });
      if (!(await findOrganizationRef(tx, input.communityId, organizationId))) throw new DomainError('VALIDATION_FAILED', '管理机构不属于该医共体', { field: 'organizationId' });
      const prior = await repo.findResident(tx, input.communityId, id);
      if (prior) {
        if (prior.id_number_hash !== hash || prior.name !== input.name) throw new DomainError('IDEMPOTENCY_MISMATCH', '该编号的档案已存在且内容不同', { id });
        return { status: 200 as const, record: { ...(await buildRecord(tx, ctx, actor, prior, 'scope')), duplicateCandidates: [] } };
      }
      const conflict = await existingConflict(tx, actor, hash, input.communityId);
      if (conflict) throw conflict;
      await repo.insertResident(tx, {
        communityId: input.communityId, id, organizationId, gridId: input.gridId ?? null, householdId: input.householdId ?? null,
        name: input.name, namePinyin: keys.pinyin, nameInitials: keys.initials, sex: parsed.sex, birthDate: parsed.birthDate,
        idNumberEnc: ctx.cipher.encrypt(parsed.normalized), idNumberHash: hash, idRegion: parsed.regionCode, idTail: parsed.normalized.slice(14),
        phone: input.phone ?? null, address: input.address ?? null, insuranceScheme: input.insuranceScheme ?? 'urban_rural_resident',
        flags: input.flags ?? {}, clientUpdatedAt: input.clientRecordedAt ?? null, createdBy: actor.userId,
      });
      await refreshSigningRates(tx, input.communityId, [id]);
      const matches = await repo.findPersonMatches(tx, input.communityId, { id, name: input.name, birthDate: parsed.birthDate, sex: parsed.sex, hash });
      for (const other of matches) await repo.openCandidate(tx, input.communityId, ...(id < other ? [id, other] as const : [other, id] as const));
      await recordAudit(tx, actor, { communityId: input.communityId, action: 'resident.create', resourceType: 'resident', resourceId: id, residentId: id, details: { duplicateCandidates: matches } });
      const row = (await repo.findResident(tx, input.communityId, id))!;
      return { status: 201 as const, record: { ...(await buildRecord(tx, ctx, actor, row, 'scope')), duplicateCandidates: matches } };
    });
  } catch (e) {
    // Two concurrent creates of one person: the unique index lets one win; the other is a 409.
    if ((e as { code?: string }).code === '23505') {
      const conflict = await existingConflict(ctx.db, actor, hash, input.communityId);
      if (conflict) throw conflict;
    }
    throw e;
  }
}

export async function updateResident(ctx: AppContext, actor: Actor, id: string, patch: UpdateResidentRequest): Promise<ResidentRecord> {
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireResidentAccess(tx, actor, id, 'resident.update', ctx.clock.now());
    if (row.status !== 'active') throw new DomainError('CONFLICT', '档案已迁出或合并，不能修改');
    if (patch.organizationId) {
      if (!(await findOrganizationRef(tx, row.community_id, patch.organizationId))) throw new DomainError('VALIDATION_FAILED', '管理机构不属于该医共体', { field: 'organizationId' });
      authorize(actor, 'resident.update', { communityId: row.community_id, organizationId: patch.organizationId, regionCode: row.region_code });
    }
    const full: Record<string, unknown> = { ...patch };
    if (patch.name) Object.assign(full, { namePinyin: nameSearchKeys(patch.name).pinyin, nameInitials: nameSearchKeys(patch.name).initials });
    if (patch.flags) full.flags = { ...row.flags, ...patch.flags };
    await repo.updateResident(tx, row.community_id, id, full);
    // Of the editable fields only the flags enter a rate (key population: disabled, poverty, maternal dates).
    if (patch.flags) await refreshSigningRates(tx, row.community_id, [id]);
    await recordAudit(tx, actor, { communityId: row.community_id, action: 'resident.update', resourceType: 'resident', resourceId: id, residentId: id, details: { fields: Object.keys(patch) } });
    return buildRecord(tx, ctx, actor, (await repo.findResident(tx, row.community_id, id))!, 'scope');
  });
}

/** Shows the full ID number to a role that needs it, for a stated purpose, audited. */
export async function revealIdNumber(ctx: AppContext, actor: Actor, id: string, purpose: string): Promise<{ idNumber: string }> {
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireResidentAccess(tx, actor, id, 'resident.reveal_id', ctx.clock.now());
    await recordAudit(tx, actor, { communityId: row.community_id, action: 'resident.reveal_id', resourceType: 'resident', resourceId: id, residentId: id, purpose });
    return { idNumber: ctx.cipher.decrypt(row.id_number_enc) };
  });
}
