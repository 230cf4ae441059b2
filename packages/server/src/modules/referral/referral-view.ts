import { availableActions, isOverdue, type Actor, type ReferralSide } from '@yigong/domain';
import type { ReferralView } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';
import { icd10Names } from '../residents/index.ts';
import * as repo from './referral.repository.ts';

/**
 * The caller's side of a referral: the sending unit or the receiving unit (its own home unit,
 * not its subtree — a lead-hospital doctor is not the receiver of a village clinic). A community
 * manager acts as the receiving unit's coordinator.
 */
export function sideOf(actor: Actor, r: Pick<repo.ReferralRow, 'from_organization_id' | 'to_organization_id' | 'community_id'>): ReferralSide | null {
  if (actor.organizationId === r.from_organization_id) return 'sender';
  if (actor.organizationId === r.to_organization_id) return 'receiver';
  if (actor.role === 'manager' && actor.scope.kind === 'community' && actor.scope.communityId === r.community_id) return 'receiver';
  return null;
}

export async function toReferralView(sql: Sql, actor: Actor, r: repo.ReferralRow, now: Date): Promise<ReferralView> {
  return (await toReferralViews(sql, actor, [r], now))[0]!;
}

/**
 * Views of many referrals in at most two statements whatever their number — the ICD-10 names of
 * all their diagnoses (none once this process knows them) and all their histories — not two per
 * referral (issue #11: no N+1 on list routes).
 */
export async function toReferralViews(sql: Sql, actor: Actor, rows: readonly repo.ReferralRow[], now: Date, histories?: Map<string, ReferralView['history']>): Promise<ReferralView[]> {
  if (rows.length === 0) return [];
  const codes = [...new Set(rows.flatMap((r) => r.diagnoses.map((d) => d.code)))];
  const names = await icd10Names(sql, codes);
  // A writer that has the histories from its own statements passes them (one statement fewer).
  const history = histories && rows.every((r) => histories.has(r.id)) ? histories : await repo.listEventsOf(sql, rows);
  return rows.map((r) => view(actor, r, now, names, history.get(r.id) ?? []));
}

function view(actor: Actor, r: repo.ReferralRow, now: Date, names: Map<string, string>, history: ReferralView['history']): ReferralView {
  const side = sideOf(actor, r);
  return {
    id: r.id,
    communityId: r.community_id,
    residentId: r.resident_id,
    residentName: r.resident_name,
    direction: r.direction,
    status: r.status,
    priority: r.priority,
    fromOrganizationId: r.from_organization_id,
    fromOrganizationName: r.from_organization_name,
    fromDepartment: r.from_department,
    toOrganizationId: r.to_organization_id,
    toOrganizationName: r.to_organization_name,
    toDepartment: r.to_department,
    toDepartmentName: r.to_department_name,
    externalHospital: r.external_hospital,
    reason: r.reason,
    diagnoses: r.diagnoses.map((d) => ({ ...d, name: names.get(d.code) })),
    pastHistory: r.history,
    treatment: r.treatment,
    catalogueCheck: { rule: r.catalogue_rule, matched: r.catalogue_matched, range: r.catalogue_range },
    deadlineAt: r.deadline_at.toISOString(),
    overdue: isOverdue(r.status, r.deadline_at, now),
    escalatedAt: r.escalated_at?.toISOString() ?? null,
    pickupCode: r.pickup_code,
    slotId: r.slot_id,
    bookingId: r.booking_id,
    slotStartsAt: r.slot_starts_at?.toISOString() ?? null,
    outcome: (r.outcome as ReferralView['outcome']) ?? null,
    rejectReason: r.reject_reason,
    parentReferralId: r.parent_referral_id,
    senderName: r.sender_name,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    side,
    actions: availableActions(r.status, side, actor.role),
    history,
  };
}
