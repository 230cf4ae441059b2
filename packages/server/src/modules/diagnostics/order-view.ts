import { availableOrderActions, isReportOverdue, turnaroundMinutes, waitingMinutes, type Actor, type OrderAction } from '@yigong/domain';
import type { OrderView } from '@yigong/contracts';
import type { OrderRow } from './order.repository.ts';
import { sidesOf } from './order-access.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The queue an order waits in: the quality check from ordering, the reading from the data's arrival. */
function waitingSince(o: OrderRow): Date | null {
  if (o.status === 'ordered' || o.status === 'accepted') return o.ordered_at;
  if (o.status === 'resulted') return o.resulted_at;
  return null;
}

/** An order as the API shows it, with the caller's side and the actions open to it. */
export function toOrderView(actor: Actor, o: OrderRow, now: Date): OrderView {
  const sides = sidesOf(actor, o);
  const actions = new Set<OrderAction>(sides.flatMap((s) => availableOrderActions(o.status, s, actor.role)));
  const since = waitingSince(o);
  return {
    id: o.id,
    communityId: o.community_id,
    residentId: o.resident_id,
    residentName: o.resident_name,
    itemCode: o.item_code,
    itemName: o.item_name,
    modality: o.modality,
    centreId: o.centre_id,
    centreName: o.centre_name,
    performingOrganizationId: o.performing_organization_id,
    performingOrganizationName: o.performing_organization_name,
    priority: o.priority,
    status: o.status,
    reason: o.reason,
    orderingOrganizationId: o.ordering_organization_id,
    orderingOrganizationName: o.ordering_organization_name,
    orderingUsername: o.ordering_username,
    recognisedOrderId: o.recognised_order_id,
    repeatReason: o.repeat_reason,
    rejectReason: o.reject_reason,
    readerName: o.reader_name,
    critical: o.critical,
    orderedAt: o.ordered_at.toISOString(),
    acceptedAt: iso(o.accepted_at),
    rejectedAt: iso(o.rejected_at),
    resultedAt: iso(o.resulted_at),
    reportDueAt: iso(o.report_due_at),
    reportedAt: iso(o.reported_at),
    acknowledgedAt: iso(o.acknowledged_at),
    waitingMinutes: since ? waitingMinutes(since, now) : null,
    overdue: !!o.report_due_at && isReportOverdue(o.status, o.report_due_at, now),
    turnaroundMinutes: o.resulted_at && o.reported_at ? turnaroundMinutes(o.resulted_at, o.reported_at) : null,
    conclusion: o.report_conclusion,
    side: sides.includes('centre') && (o.status === 'ordered' || o.status === 'accepted' || o.status === 'resulted') ? 'centre' : (sides[0] ?? null),
    actions: [...actions],
  };
}
