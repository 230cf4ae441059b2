import { createHash } from 'node:crypto';
import { DomainError, decideTransition, type Actor, type ReferralAction } from '@yigong/domain';
import type { ReferralView, TransitionRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { releaseBookingInTx, findBooking } from '../scheduling/index.ts';
import * as repo from './referral.repository.ts';
import { sideOf, toReferralViews } from './referral-view.ts';
import { findOrganizationRef } from '../org/index.ts';
import { attachSlot, insertWithPickupCode, requireReferral } from './referral.service.ts';

/**
 * Applies one transition of docs/domain/referral.md: the pure rule decides (409 illegal, 403 wrong side or
 * role, 400 missing input); the effects (booking, outcome, redirect) and the append-only history
 * row are written in one transaction with the referral locked against a concurrent transition.
 */
export async function transitionReferral(ctx: AppContext, actor: Actor, id: string, action: ReferralAction, input: TransitionRequest): Promise<ReferralView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const r = await requireReferral(tx, actor, id, true);
    const decision = decideTransition(r.status, action, sideOf(actor, r), actor.role, input);
    if (!decision.ok) throw new DomainError(decision.code, decision.message, { status: r.status, action, ...(decision.field ? { field: decision.field } : {}) });
    const set: Parameters<typeof repo.updateReferral>[3] = { status: decision.to };
    if (action === 'schedule' && input.slotId !== r.slot_id) {
      await attachSlot(tx, ctx, actor, { communityId: r.community_id, referralId: r.id, residentId: r.resident_id, toOrganizationId: r.to_organization_id, slotId: input.slotId! });
    }
    if (action === 'complete') set.outcome = input.outcome;
    if (action === 'reject') set.reject_reason = input.rejectReason;
    if (action === 'redirect') set.redirected_to = await redirect(tx, actor, r, input.toOrganizationId!, now);
    const stored = await repo.updateReferral(tx, r.community_id, r.id, set, now);
    const history = await repo.appendEventWithHistory(tx, {
      communityId: r.community_id, referralId: r.id, at: now, action, from: r.status, to: decision.to, actorId: actor.userId, username: actor.username,
      role: actor.role, organizationId: actor.organizationId, comment: input.comment ?? input.reason ?? (input.rejectReason ? `拒绝：${input.rejectReason}` : null),
      details: action === 'complete' ? { outcome: input.outcome } : undefined,
    });
    await recordAudit(tx, actor, { communityId: r.community_id, action: `referral.${action}`, resourceType: 'referral', resourceId: r.id, residentId: r.resident_id, details: { from: r.status, to: decision.to } });
    // A cancelled, rejected or redirected referral gives its booked place back to the pool it came from.
    if ((action === 'cancel' || action === 'reject' || action === 'redirect') && r.booking_id) {
      const booking = await findBooking(tx, r.community_id, r.booking_id);
      if (booking) await releaseBookingInTx(tx, ctx, actor, booking);
    }
    // The view from this transaction's own statements: the updated row with the names read when it
    // was locked; a newly booked slot has a time it did not read.
    const row = action === 'schedule' ? (await repo.findReferral(tx, r.community_id, r.id))! : { ...r, ...stored! };
    return (await toReferralViews(tx, actor, [row], ctx.clock.now(), new Map([[r.id, history]])))[0]!;
  });
}

/** docs/domain/referral.md "redirected (to another unit: a new referral replaces this one)". */
async function redirect(tx: Sql, actor: Actor, r: repo.ReferralRow, toOrganizationId: string, now: Date): Promise<string> {
  const target = await findOrganizationRef(tx, r.community_id, toOrganizationId);
  if (!target || toOrganizationId === r.to_organization_id) throw new DomainError('VALIDATION_FAILED', '改派机构无效', { field: 'toOrganizationId' });
  // The replacement's id follows from the one it replaces (a referral is redirected at most once):
  // the same history gives the same rows on every store (issue #11, deterministic seed).
  const h = createHash('sha256').update(`${r.id}:redirect`).digest('hex');
  const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  await insertWithPickupCode(tx, {
    communityId: r.community_id, id, residentId: r.resident_id, direction: r.direction, priority: r.priority, fromOrganizationId: r.from_organization_id,
    fromDepartment: r.from_department, toOrganizationId, toDepartment: r.to_department, externalHospital: r.external_hospital, reason: r.reason,
    diagnoses: r.diagnoses, history: r.history, treatment: r.treatment, catalogue: { rule: r.catalogue_rule, matched: r.catalogue_matched, range: r.catalogue_range },
    deadlineAt: new Date(now.getTime() + (r.deadline_at.getTime() - r.created_at.getTime())),
    parentReferralId: r.parent_referral_id, senderId: r.sender_id, senderName: r.sender_name ?? r.sender_id, clientRecordedAt: null, now,
  });
  await repo.appendEvent(tx, { communityId: r.community_id, referralId: id, at: now, action: 'submit', from: 'draft', to: 'submitted', actorId: actor.userId, username: actor.username, role: actor.role, organizationId: actor.organizationId, comment: `由 ${r.to_organization_name} 改派` });
  return id;
}

/**
 * The receiving unit's first follow-up of a down-referred resident completes the down-referral
 * (docs/domain/referral.md): the visit is recorded as arrival (when not yet recorded) and completion.
 */
export async function recordDownReferralFollowUp(ctx: AppContext, actor: Actor, id: string, input: { date: string; diagnosis: string; plan?: string | undefined; sbp?: number | undefined; dbp?: number | undefined }): Promise<ReferralView> {
  const r = await requireReferral(ctx.db, actor, id);
  if (r.direction !== 'down') throw new DomainError('VALIDATION_FAILED', '只有下转单以首次随访完成', { field: 'id' });
  if (r.status === 'submitted') await transitionReferral(ctx, actor, id, 'accept', { comment: '首次随访时接收' });
  const now = await repo.findReferral(ctx.db, r.community_id, id);
  if (now?.status === 'accepted' || now?.status === 'scheduled') await transitionReferral(ctx, actor, id, 'arrive', { comment: `首次随访 ${input.date}` });
  const keyResults = input.sbp && input.dbp ? `血压 ${input.sbp}/${input.dbp} mmHg` : undefined;
  return transitionReferral(ctx, actor, id, 'complete', { comment: `首次随访 ${input.date}`, outcome: { diagnosis: input.diagnosis, plan: input.plan ?? '纳入基层随访管理', keyResults } });
}

/** The escalation job: overdue unanswered referrals are flagged to the receiving unit's coordinator and the manager. */
export async function escalateOverdue(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await repo.dueForEscalation(ctx.db, now);
  for (const d of due) {
    await ctx.db.transaction(async (tx) => {
      await repo.updateReferral(tx, d.community_id, d.id, { escalated_at: now }, now);
      await repo.appendEvent(tx, { communityId: d.community_id, referralId: d.id, at: now, action: 'escalate', from: null, to: 'escalated', actorId: null, username: 'system', role: null, organizationId: d.to_organization_id, comment: '超时未处理，已提醒接收机构转诊协调员和医共体管理者' });
      await recordAudit(tx, { userId: null, username: 'system', role: null, organizationId: null }, { communityId: d.community_id, action: 'referral.escalate', resourceType: 'referral', resourceId: d.id, residentId: d.resident_id });
    });
  }
  return due.length;
}
