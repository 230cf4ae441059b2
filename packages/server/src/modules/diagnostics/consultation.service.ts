import { createHash, randomUUID } from 'node:crypto';
import { DomainError, availableConsultationActions, decideConsultationTransition, parseScheduledAt, validateConsultationRequest, type Actor, type ConsultationAction, type ConsultationSide } from '@yigong/domain';
import type { ConsultationActionRequest, ConsultationDetailView, ConsultationQuery, ConsultationView, CreateConsultationRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { authorize, requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { noteResidentRead } from '../../platform/audit/read-audit.ts';
import { communityForId } from '../../platform/db/id-communities.ts';
import { findOrganizationRef } from '../org/index.ts';
import { requireResidentForWrite } from '../residents/index.ts';
import * as repo from './consultation.repository.ts';
import { findOrder } from './order.repository.ts';

const HOSPITAL_KINDS = new Set(['lead_hospital', 'county_hospital', 'tcm_hospital', 'maternal_child_hospital', 'collaborating_hospital']);

/**
 * The caller's side (docs/domain/consultation.md "Sides and roles"): its own home unit asked, or
 * its own home unit is consulted — a lead-hospital doctor whose scope spans the community is not
 * the village clinic that asked.
 */
function sideOf(actor: Actor, c: Pick<repo.ConsultationRow, 'requesting_organization_id' | 'consultant_organization_id'>): ConsultationSide | null {
  if (actor.organizationId === c.requesting_organization_id) return 'requester';
  if (actor.organizationId === c.consultant_organization_id) return 'consultant';
  return null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, as the history shows it to people. */
export const shanghaiMinute = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

function toView(actor: Actor, c: repo.ConsultationRow): ConsultationView {
  const side = sideOf(actor, c);
  return {
    id: c.id, communityId: c.community_id, residentId: c.resident_id, residentName: c.resident_name,
    requestingOrganizationId: c.requesting_organization_id, requestingOrganizationName: c.requesting_organization_name, requesterName: c.requester_name,
    consultantOrganizationId: c.consultant_organization_id, consultantOrganizationName: c.consultant_organization_name, consultantDepartment: c.consultant_department,
    consultantName: c.consultant_name, urgency: c.urgency, question: c.question, status: c.status, scheduledAt: iso(c.scheduled_at), opinion: c.opinion,
    opinionAt: iso(c.opinion_at), reason: c.reason, orderId: c.order_id, attachmentCount: c.attachment_count, createdAt: c.created_at.toISOString(),
    side, actions: availableConsultationActions(c.status, side, actor.role),
  };
}

/** A consultation the actor may see (asking or consulted unit within scope), or 404; the resident's data noted as read. */
async function requireConsultation(sql: Sql, actor: Actor, id: string, forUpdate = false): Promise<repo.ConsultationRow> {
  const f = requirePermission(actor, 'diagnostics.read');
  const communityId = await communityForId(actor, id, () => repo.consultationCommunity(sql, id));
  const c = communityId ? await repo.findConsultation(sql, communityId, id, forUpdate) : null;
  const visible = !!c && (f.communityIds === null || f.communityIds.includes(c.community_id))
    && (f.organizationIds === null || f.organizationIds.includes(c.requesting_organization_id) || f.organizationIds.includes(c.consultant_organization_id));
  if (!c || !visible) throw new DomainError('NOT_FOUND', '会诊申请不存在或不在您的范围内');
  noteResidentRead({ communityId: c.community_id, residentId: c.resident_id, resourceId: c.id, access: f.organizationIds === null ? 'scope' : 'party' });
  return c;
}

async function detail(sql: Sql, actor: Actor, c: repo.ConsultationRow): Promise<ConsultationDetailView> {
  const [history, attachments] = await Promise.all([repo.listEvents(sql, c.community_id, c.id), repo.listAttachments(sql, c.community_id, c.id)]);
  return {
    ...toView(actor, c),
    history: history.map((e) => ({ at: e.at.toISOString(), action: e.action, fromStatus: e.from_status, toStatus: e.to_status, username: e.username, role: e.role, organizationId: e.organization_id, comment: e.comment })),
    attachments: attachments.map((a) => ({ id: a.id, name: a.name, mediaType: a.media_type, size: a.size })),
  };
}

/**
 * A member asks a hospital of the community for a remote consultation (docs/domain/consultation.md
 * "Request"): the resident in the caller's scope, the question and attachments checked by the
 * domain, the files stored with the request — one transaction, idempotent on the client id.
 */
export async function requestConsultation(ctx: AppContext, actor: Actor, input: CreateConsultationRequest): Promise<ConsultationDetailView> {
  const now = ctx.clock.now();
  const files = (input.attachments ?? []).map((a) => ({ name: a.name, mediaType: a.mediaType, content: new Uint8Array(Buffer.from(a.data, 'base64')) }));
  const request = validateConsultationRequest({ question: input.question, urgency: input.urgency, attachments: files.map((f) => ({ name: f.name, mediaType: f.mediaType, size: f.content.byteLength })) });
  return ctx.db.transaction(async (tx) => {
    const { row: resident } = await requireResidentForWrite(tx, actor, input.residentId, now);
    const communityId = resident.community_id;
    if (!actor.organizationId) throw new DomainError('FORBIDDEN', '会诊申请须由医疗机构的医生发起');
    authorize(actor, 'diagnostics.order', { communityId, organizationId: actor.organizationId, regionCode: resident.region_code });
    const id = input.id ?? randomUUID();
    const prior = input.id ? await repo.findConsultation(tx, communityId, id) : null;
    if (prior) {
      if (prior.resident_id !== input.residentId || prior.consultant_organization_id !== input.consultantOrganizationId) throw new DomainError('IDEMPOTENCY_MISMATCH', '该编号的会诊申请已存在且内容不同', { id });
      return detail(tx, actor, prior);
    }
    const consultant = await findOrganizationRef(tx, communityId, input.consultantOrganizationId);
    if (!consultant || !HOSPITAL_KINDS.has(consultant.kind)) throw new DomainError('VALIDATION_FAILED', '会诊方须为本医共体的医院', { field: 'consultantOrganizationId' });
    if (consultant.id === actor.organizationId) throw new DomainError('VALIDATION_FAILED', '不能向本机构申请会诊', { field: 'consultantOrganizationId' });
    if (input.orderId && !(await findOrder(tx, communityId, input.orderId))) throw new DomainError('VALIDATION_FAILED', '关联的检查单不存在', { field: 'orderId' });
    await repo.insertConsultation(tx, {
      communityId, id, residentId: resident.id, requestingOrganizationId: actor.organizationId, requesterUserId: actor.userId, requesterName: actor.username,
      consultantOrganizationId: consultant.id, consultantDepartment: input.consultantDepartment ?? null, urgency: request.urgency, question: request.question,
      orderId: input.orderId ?? null, clientRecordedAt: input.clientRecordedAt ?? null, now,
    });
    await repo.insertAttachments(tx, communityId, id, files.map((f, i) => ({ id: randomUUID(), name: request.attachments[i]!.name, mediaType: f.mediaType, sha256: createHash('sha256').update(f.content).digest('hex'), content: f.content })));
    await repo.appendEvent(tx, { communityId, consultationId: id, at: now, action: 'request', from: null, to: 'requested', actorId: actor.userId, username: actor.username, role: actor.role, organizationId: actor.organizationId, comment: request.question.slice(0, 200) });
    await recordAudit(tx, actor, { communityId, action: 'consultation.request', resourceType: 'consultation', resourceId: id, residentId: resident.id, details: { consultant: consultant.id, urgency: request.urgency, attachments: files.length } });
    return detail(tx, actor, (await repo.findConsultation(tx, communityId, id))!);
  });
}

/** One action of docs/domain/consultation.md "States", the consultation locked, history and audit in the same transaction. */
export async function actOnConsultation(ctx: AppContext, actor: Actor, id: string, action: ConsultationAction, input: ConsultationActionRequest): Promise<ConsultationDetailView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const c = await requireConsultation(tx, actor, id, true);
    const decision = decideConsultationTransition(c.status, action, sideOf(actor, c), actor.role, input, now);
    if (!decision.ok) throw new DomainError(decision.code, decision.message, { status: c.status, action, ...(decision.field ? { field: decision.field } : {}) });
    const at = input.scheduledAt ? parseScheduledAt(input.scheduledAt) : null;
    const set: Parameters<typeof repo.updateConsultation>[3] = { status: decision.to };
    if (action === 'schedule' || action === 'reschedule') Object.assign(set, { scheduled_at: at, consultant_user_id: actor.userId, consultant_name: actor.username });
    if (action === 'give_opinion') Object.assign(set, { opinion: input.opinion!.trim(), opinion_at: now, consultant_user_id: actor.userId, consultant_name: actor.username });
    if (action === 'decline' || action === 'cancel') set.reason = input.reason!.trim();
    if (action === 'close') set.closed_at = now;
    await repo.updateConsultation(tx, c.community_id, c.id, set, now);
    const comment = action === 'give_opinion' ? '已出具会诊意见' : at ? `会诊时间 ${shanghaiMinute(at)}` : (input.reason?.trim() ?? null);
    await repo.appendEvent(tx, { communityId: c.community_id, consultationId: c.id, at: now, action, from: c.status, to: decision.to, actorId: actor.userId, username: actor.username, role: actor.role, organizationId: actor.organizationId, comment });
    await recordAudit(tx, actor, { communityId: c.community_id, action: `consultation.${action}`, resourceType: 'consultation', resourceId: c.id, residentId: c.resident_id, details: { from: c.status, to: decision.to } });
    return detail(tx, actor, (await repo.findConsultation(tx, c.community_id, c.id))!);
  });
}

export async function getConsultation(ctx: AppContext, actor: Actor, id: string): Promise<ConsultationDetailView> {
  return detail(ctx.db, actor, await requireConsultation(ctx.db, actor, id));
}

export async function consultationAttachment(ctx: AppContext, actor: Actor, id: string, attachmentId: string): Promise<{ name: string; mediaType: string; content: Uint8Array }> {
  const c = await requireConsultation(ctx.db, actor, id);
  const a = await repo.attachmentContent(ctx.db, c.community_id, c.id, attachmentId);
  if (!a) throw new DomainError('NOT_FOUND', '附件不存在');
  return { name: a.name, mediaType: a.media_type, content: a.content };
}

/** Consultations in scope: `requested` by the caller's own unit, `incoming` to it, or all it may see. */
export async function listConsultations(ctx: AppContext, actor: Actor, q: ConsultationQuery): Promise<ConsultationView[]> {
  const f = requirePermission(actor, 'diagnostics.read');
  if (q.view !== 'all' && !actor.organizationId) throw new DomainError('VALIDATION_FAILED', '须由机构账号查看本机构的会诊', { field: 'view' });
  const rows = await repo.listConsultations(ctx.db, {
    communityIds: f.communityIds, regionPrefix: f.regionPrefix, organizationIds: f.organizationIds, requestedBy: q.view === 'requested' ? actor.organizationId : null,
    addressedTo: q.view === 'incoming' ? actor.organizationId : null, status: q.status ?? null, residentId: q.residentId ?? null, limit: q.limit,
  });
  return rows.map((c) => toView(actor, c));
}
