import { acknowledgedInTime } from '@yigong/domain';
import type { CriticalValueView } from '@yigong/contracts';
import type { CriticalValueRow } from './critical-value.repository.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toCriticalValueView(v: CriticalValueRow, now: Date): CriticalValueView {
  const ackMinutes = Math.round((v.deadline_at.getTime() - v.raised_at.getTime()) / 60_000);
  return {
    id: v.id,
    communityId: v.community_id,
    orderId: v.order_id,
    residentId: v.resident_id,
    residentName: v.resident_name,
    itemCode: v.item_code,
    itemName: v.item_name,
    orderingOrganizationId: v.ordering_organization_id,
    orderingOrganizationName: v.ordering_organization_name,
    orderingUserId: v.ordering_user_id,
    orderingUsername: v.ordering_username,
    source: v.source,
    summary: v.summary,
    raisedAt: v.raised_at.toISOString(),
    deadlineAt: v.deadline_at.toISOString(),
    stage: v.stage,
    unitHeadAt: iso(v.unit_head_at),
    medicalDepartmentAt: iso(v.medical_department_at),
    status: v.acknowledged_at ? 'acknowledged' : 'open',
    acknowledgedAt: iso(v.acknowledged_at),
    acknowledgedByName: v.acknowledged_by_name,
    ackNote: v.ack_note,
    // docs/domain/diagnostics.md "Critical values": null while open and not yet due.
    acknowledgedInTime: v.acknowledged_at ? acknowledgedInTime(v.raised_at, v.acknowledged_at, { ackMinutes }) : now > v.deadline_at ? false : null,
  };
}
