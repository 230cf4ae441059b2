import { availablePackActions, availableRequestActions, hasPermission, type Actor, type PackAction } from '@yigong/domain';
import type { BatchView, PackView, SterileRequestView } from '@yigong/contracts';
import type { BatchRow } from './batch.repository.ts';
import type { PackRow } from './pack.repository.ts';
import type { RequestRow } from './request.repository.ts';
import { isCentreStaff } from './sterile-access.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The actions a person takes on one pack: the unit holding a delivered pack uses or returns it; the rest is the centre's batch work. */
const HOLDER_ACTIONS: ReadonlySet<PackAction> = new Set(['use', 'return']);

export function toPackView(actor: Actor, p: PackRow): PackView {
  const holder = !!actor.organizationId && actor.organizationId === p.organization_id && (actor.role === 'clinician' || actor.role === 'village_doctor' || actor.role === 'manager');
  return {
    barcode: p.barcode, packType: p.pack_type, packTypeName: p.pack_type_name, batchId: p.batch_id, sterilizerCode: p.sterilizer_code, cycleNo: p.cycle_no,
    sterilisedOn: p.sterilised_on, expiresOn: p.expires_on, status: p.status, organizationId: p.organization_id, organizationName: p.organization_name,
    requestId: p.request_id, residentId: p.resident_id, residentName: p.resident_id ? (p.resident_name ?? '（已迁出本医共体）') : null, usedAt: iso(p.used_at),
    actions: holder ? availablePackActions(p.status).filter((a) => HOLDER_ACTIONS.has(a)) : [],
  };
}

export function toBatchView(b: BatchRow, actions: BatchView['actions'] = []): BatchView {
  const counts = b.pack_counts ?? {};
  return {
    id: b.id, communityId: b.community_id, centreId: b.centre_id, sterilisedOn: b.sterilised_on, daySeq: b.day_seq, sterilizerCode: b.sterilizer_code, cycleNo: b.cycle_no,
    method: b.method, steamCycleType: b.steam_cycle_type, startedAt: b.started_at.toISOString(), endedAt: b.ended_at.toISOString(), temperatureC: b.temperature_c,
    exposureMinutes: b.exposure_minutes, pressureKpa: b.pressure_kpa, chemicalPass: b.chemical_pass, biologicalPass: b.biological_pass, bowieDickPass: b.bowie_dick_pass,
    implants: b.implants, status: b.status, holdReasons: b.hold_reasons, operatorName: b.operator_name, releasedAt: iso(b.released_at), recalledAt: iso(b.recalled_at),
    recallReason: b.recall_reason, packCount: Object.values(counts).reduce((s, n) => s + n, 0), packCounts: counts, actions,
  };
}

/** The sides the caller takes on a request: the centre delivers, the asking unit cancels (the centre's own wards are both). */
export function requestSides(actor: Actor, r: Pick<RequestRow, 'community_id' | 'centre_organization_id' | 'organization_id'>): ('centre' | 'requester')[] {
  const sides: ('centre' | 'requester')[] = [];
  if (isCentreStaff(actor, { community_id: r.community_id, organization_id: r.centre_organization_id })) sides.push('centre');
  if (actor.organizationId === r.organization_id) sides.push('requester');
  return sides;
}

export function toRequestView(actor: Actor, r: RequestRow, packTypeNames: ReadonlyMap<string, string>): SterileRequestView {
  const actions = requestSides(actor, r).flatMap((side) => availableRequestActions(r.status, side));
  return {
    id: r.id, communityId: r.community_id, centreId: r.centre_id, organizationId: r.organization_id, organizationName: r.organization_name, requesterName: r.requester_name,
    status: r.status, neededBy: r.needed_by, note: r.note, lines: r.lines.map((l) => ({ ...l, packTypeName: packTypeNames.get(l.packType) ?? l.packType })),
    createdAt: r.created_at.toISOString(), deliveredAt: iso(r.delivered_at), cancelledAt: iso(r.cancelled_at), actions,
  };
}

/** The longest incubation of a biological indicator, days: its result is taken up to then (platform rule). */
export const BI_READ_DAYS = 7;

/** docs/domain/sterile-supply.md "Release": the centre's staff record a batch's indicator once, within BI_READ_DAYS of the cycle, unless recalled. */
export function batchActions(actor: Actor, b: Pick<BatchRow, 'status' | 'biological_pass' | 'ended_at'>, centreStaff: boolean, now: Date): BatchView['actions'] {
  const open = b.status !== 'recalled' && b.biological_pass === null && now.getTime() - b.ended_at.getTime() <= BI_READ_DAYS * 86_400_000;
  return centreStaff && hasPermission(actor.role, 'sterile.process') && open ? ['biological'] : [];
}
