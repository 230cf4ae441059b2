import { randomInt, randomUUID } from 'node:crypto';
import { DomainError, GRASSROOTS_KINDS, ageOn, maskIdNumber, answerDeadline, catalogueLevelOf, checkCatalogue, type Actor } from '@yigong/domain';
import { communityForId } from '../../platform/db/id-communities.ts';
import type { CreateReferralRequest, ReferralQuery, ReferralView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { authorize, requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { findOrganizationRefs } from '../org/index.ts';
import { noteResidentRead } from '../../platform/audit/read-audit.ts';
import { requireResidentAccess, requireResidentForWrite, icd10Names } from '../residents/index.ts';
import { bookInTx, slotOwner } from '../scheduling/index.ts';
import * as repo from './referral.repository.ts';
import { cachedCatalogue } from './catalogue.service.ts';
import { toReferralView, toReferralViews } from './referral-view.ts';
import { renderReferralSlip } from './referral-slip.pdf.ts';
import { businessDate } from '../../platform/clock.ts';

const HOSPITAL_KINDS = new Set(['lead_hospital', 'county_hospital', 'tcm_hospital', 'maternal_child_hospital', 'collaborating_hospital']);
const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Inserts a referral with an 8-character pickup code (取号码) unique in the community, without
 * look-alike characters: the unique index decides (ON CONFLICT … DO NOTHING), a taken code is
 * drawn again — no probe before the insert (issue #11).
 */
export async function insertWithPickupCode(sql: Sql, r: Omit<repo.NewReferral, 'pickupCode'>): Promise<repo.StoredReferral> {
  for (;;) {
    const pickupCode = Array.from({ length: 8 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('');
    const stored = await repo.insertReferral(sql, { ...r, pickupCode });
    if (stored) return stored;
  }
}

/** A referral the actor may see (sender's or receiver's side, within scope), or 404. */
export async function requireReferral(sql: Sql, actor: Actor, id: string, forUpdate = false): Promise<repo.ReferralRow> {
  const f = requirePermission(actor, 'referral.read');
  const communityId = await communityForId(actor, id, () => repo.referralCommunity(sql, id));
  const r = communityId ? await repo.findReferral(sql, communityId, id, forUpdate) : null;
  const visible = !!r && (f.communityIds === null || f.communityIds.includes(r.community_id))
    && (f.organizationIds === null || f.organizationIds.includes(r.from_organization_id) || f.organizationIds.includes(r.to_organization_id));
  if (!r || !visible) throw new DomainError('NOT_FOUND', '转诊单不存在或不在您的范围内');
  // Seen as the community (scope) or as the sending or receiving unit (party); audited by the read route.
  noteResidentRead({ communityId: r.community_id, residentId: r.resident_id, resourceId: r.id, access: f.organizationIds === null ? 'scope' : 'party' });
  return r;
}

/** Direction rules (docs/domain/referral.md "Directions"): up to a hospital, down to a grassroots unit, out via the lead hospital's referral office. */
function checkDirection(input: CreateReferralRequest, toKind: string) {
  if (input.direction === 'up' && !HOSPITAL_KINDS.has(toKind)) throw new DomainError('VALIDATION_FAILED', '上转须转往医院', { field: 'toOrganizationId' });
  if (input.direction === 'down' && !GRASSROOTS_KINDS.has(toKind as never)) throw new DomainError('VALIDATION_FAILED', '下转须转往基层医疗卫生机构', { field: 'toOrganizationId' });
  if (input.direction === 'out' && (toKind !== 'lead_hospital' || !input.externalHospital)) {
    throw new DomainError('VALIDATION_FAILED', '县外转诊须由牵头医院转诊办审批，并填写县外医院名称', { field: input.externalHospital ? 'toOrganizationId' : 'externalHospital' });
  }
}

/**
 * Submits a referral (转出单): catalogue check stored, answer deadline set, pickup code issued, a
 * reserved place booked when a slot is given — all in one transaction, idempotent on the client id.
 */
export async function submitReferral(ctx: AppContext, actor: Actor, input: CreateReferralRequest): Promise<ReferralView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { row: resident } = await requireResidentForWrite(tx, actor, input.residentId, now);
    const communityId = resident.community_id;
    if (!actor.organizationId) throw new DomainError('FORBIDDEN', '转诊须由医疗机构的医生发起');
    authorize(actor, 'referral.create', { communityId, organizationId: actor.organizationId, regionCode: resident.region_code });
    if (input.id) {
      const prior = await repo.findReferral(tx, communityId, input.id);
      if (prior) {
        if (prior.resident_id !== input.residentId || prior.to_organization_id !== input.toOrganizationId) throw new DomainError('IDEMPOTENCY_MISMATCH', '该编号的转诊单已存在且内容不同', { id: input.id });
        return toReferralView(tx, actor, prior, now);
      }
    }
    const units = await findOrganizationRefs(tx, communityId, [actor.organizationId, input.toOrganizationId]);
    const from = units.get(actor.organizationId);
    const to = units.get(input.toOrganizationId);
    if (!from) throw new DomainError('FORBIDDEN', '您所在机构不属于该居民的医共体');
    if (!to) throw new DomainError('VALIDATION_FAILED', '接收机构不属于该医共体', { field: 'toOrganizationId' });
    if (to.id === from.id) throw new DomainError('VALIDATION_FAILED', '不能转诊给本机构', { field: 'toOrganizationId' });
    checkDirection(input, to.kind);
    const primary = input.diagnoses.find((d) => d.primary) ?? input.diagnoses[0]!;
    const diagnoses = input.diagnoses.map((d) => ({ code: d.code, primary: d === primary }));
    const known = await icd10Names(tx, diagnoses.map((d) => d.code));
    const unknown = diagnoses.find((d) => !known.has(d.code));
    if (unknown) throw new DomainError('VALIDATION_FAILED', `未知的 ICD-10 编码：${unknown.code}`, { field: 'diagnoses' });
    // docs/domain/referral.md: the catalogue of the sending unit's level applies to the primary diagnosis; the result is stored and shown.
    const catalogue = checkCatalogue(await cachedCatalogue(ctx, tx, communityId), catalogueLevelOf(from.kind), primary.code);
    const parent = input.parentReferralId ?? (input.direction === 'down' ? await repo.latestCompletedUp(tx, communityId, resident.id, from.id) : null);
    const id = input.id ?? randomUUID();
    const stored = await insertWithPickupCode(tx, {
      communityId, id, residentId: resident.id, direction: input.direction, priority: input.priority, fromOrganizationId: from.id, fromDepartment: null,
      toOrganizationId: to.id, toDepartment: input.toDepartment ?? null, externalHospital: input.externalHospital ?? null, reason: input.reason, diagnoses,
      history: input.history ?? null, treatment: input.treatment ?? null, catalogue, deadlineAt: answerDeadline(now, input.priority),
      parentReferralId: parent, senderId: actor.userId, senderName: actor.username,
      clientRecordedAt: input.clientRecordedAt ?? null, now,
    });
    const history = await repo.appendEventWithHistory(tx, { communityId, referralId: id, at: now, action: 'submit', from: 'draft', to: 'submitted', actorId: actor.userId, username: actor.username, role: actor.role, organizationId: actor.organizationId, comment: input.reason });
    if (input.slotId) await attachSlot(tx, ctx, actor, { communityId, referralId: id, residentId: resident.id, toOrganizationId: to.id, slotId: input.slotId });
    await recordAudit(tx, actor, { communityId, action: 'referral.submit', resourceType: 'referral', resourceId: id, residentId: resident.id, details: { direction: input.direction, to: to.id, priority: input.priority, catalogue } });
    // The view from what this transaction wrote; a booked slot or a department adds names it did not read.
    const row: repo.ReferralRow | null = input.slotId || stored.to_department ? await repo.findReferral(tx, communityId, id)
      : { ...stored, resident_name: resident.name, from_organization_name: from.name, to_organization_name: to.name, to_department_name: null, slot_starts_at: null };
    return (await toReferralViews(tx, actor, [row!], now, new Map([[id, history]])))[0]!;
  });
}

/** Books the slot for the referral (reserved pool first) and links it; a full slot fails the whole action. */
export async function attachSlot(tx: Sql, ctx: AppContext, actor: Actor, a: { communityId: string; referralId: string; residentId: string; toOrganizationId: string; slotId: string }): Promise<void> {
  const owner = await slotOwner(tx, a.communityId, a.slotId);
  if (!owner) throw new DomainError('VALIDATION_FAILED', '号源不存在', { field: 'slotId' });
  if (owner !== a.toOrganizationId) throw new DomainError('VALIDATION_FAILED', '号源不属于接收机构', { field: 'slotId' });
  const booking = await bookInTx(tx, ctx, actor, { slotId: a.slotId, residentId: a.residentId, communityId: a.communityId, channel: 'family_doctor_referral', referralId: a.referralId });
  if (!booking) throw new DomainError('SLOT_FULL', '该号源已约满，请选择其他号源', { slotId: a.slotId });
  // One booking serves one referral: the same resident already booked here for another referral is a conflict.
  if (booking.referralId && booking.referralId !== a.referralId) throw new DomainError('CONFLICT', '该居民在此号源已有其他转诊的预约', { slotId: a.slotId, referralId: booking.referralId });
  await repo.updateReferral(tx, a.communityId, a.referralId, { slot_id: a.slotId, booking_id: booking.id }, ctx.clock.now());
}

export async function getReferral(ctx: AppContext, actor: Actor, id: string): Promise<ReferralView> {
  const r = await requireReferral(ctx.db, actor, id);
  return toReferralView(ctx.db, actor, r, ctx.clock.now());
}

/** Lists referrals in scope; `incoming`/`outgoing` are relative to the caller's own unit; overdue first. */
export async function listReferrals(ctx: AppContext, actor: Actor, q: ReferralQuery): Promise<ReferralView[]> {
  const f = requirePermission(actor, 'referral.read');
  const own = actor.organizationId;
  const now = ctx.clock.now();
  const rows = await repo.listReferrals(ctx.db, {
    communityIds: f.communityIds, regionPrefix: f.regionPrefix, organizationIds: f.organizationIds,
    incomingTo: q.role === 'incoming' && own && actor.role !== 'manager' ? own : null,
    outgoingFrom: q.role === 'outgoing' && own && actor.role !== 'manager' ? own : null,
    direction: q.direction ?? null, status: q.status ?? null, residentId: q.residentId ?? null, overdueAt: q.overdue ? now : null, limit: q.limit, now,
  });
  return toReferralViews(ctx.db, actor, rows, now);
}

/** The printable slip as PDF; printing shows the resident's data: its route audits it as `referral.print`. */
export async function referralSlipPdf(ctx: AppContext, actor: Actor, id: string): Promise<Buffer> {
  const view = await getReferral(ctx, actor, id);
  const { row } = await requireResidentAccess(ctx.db, actor, view.residentId, 'resident.read', ctx.clock.now());
  const pdf = await renderReferralSlip(view, { idNumberMasked: maskIdNumber(`${row.id_region}${'0'.repeat(8)}${row.id_tail}`), sex: row.sex, age: ageOn(row.birth_date, businessDate(ctx.clock)) });
  return pdf;
}

/** Up- and down-referrals created in [from, toExclusive) — for the indicators module. */
export function referralCounts(ctx: AppContext, communityId: string, from: string, toExclusive: string): Promise<Record<string, number>> {
  return repo.countByDirection(ctx.db, communityId, from, toExclusive);
}

/**
 * Whether `id` is an approved out-of-county referral of the community (accepted or later, not
 * rejected or cancelled): the insurance module's adjudication reads it (policy text 002).
 */
export async function isApprovedOutReferral(sql: Sql, communityId: string, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return false;
  const r = await repo.findReferral(sql, communityId, id);
  return !!r && r.direction === 'out' && ['accepted', 'scheduled', 'arrived', 'completed'].includes(r.status);
}
