import { randomUUID } from 'node:crypto';
import { DomainError, defaultReservationShare, generateSlotTimes, releaseTime, reservedPlaces, slotAvailability, type Actor } from '@yigong/domain';
import { communityForId } from '../../platform/db/id-communities.ts';
import type { AvailabilityRuleInput, ReservationPolicyInput, ResourceInput, SlotQuery, SlotView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { communityRegion, findOrganizationRef, requireOrganization } from '../org/index.ts';
import * as repo from './scheduling.repository.ts';
import * as resources from './resources.repository.ts';

/** Default release: held places go public 24 hours before the slot (configurable per owner). */
export const DEFAULT_RELEASE_HOURS = 24;
/** How far ahead slots are generated. */
export const SLOT_HORIZON_DAYS = 28;

export function toSlotView(r: repo.SlotRow, now: Date): SlotView {
  const released = r.released || r.releaseAt <= now;
  const a = slotAvailability({ capacity: r.capacity, reserved: r.reserved, bookedReserved: r.bookedReserved, bookedPublic: r.bookedPublic, released });
  const { communityId: _c, ...rest } = r;
  return { ...rest, released, ...a, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), releaseAt: r.releaseAt.toISOString() };
}

/** Slots of one organisation between two business dates (inclusive), with both pools' free places. */
export async function listSlots(ctx: AppContext, actor: Actor, q: SlotQuery): Promise<SlotView[]> {
  const org = await requireOrganization(ctx.db, actor, q.organizationId);
  authorize(actor, 'schedule.read', { communityId: org.communityId, organizationId: org.id, regionCode: await communityRegion(ctx.db, org.communityId) });
  if (q.to < q.from) throw new DomainError('VALIDATION_FAILED', '结束日期早于开始日期', { field: 'to' });
  const from = new Date(`${q.from}T00:00:00+08:00`);
  const to = new Date(Date.parse(`${q.to}T00:00:00+08:00`) + 86_400_000);
  if (to.getTime() - from.getTime() > 93 * 86_400_000) throw new DomainError('VALIDATION_FAILED', '一次最多查询三个月', { field: 'to' });
  const now = ctx.clock.now();
  return (await repo.listSlots(ctx.db, { ...q, communityId: org.communityId, from, to })).map((r) => toSlotView(r, now));
}

/**
 * Generates the slots of one resource for the horizon from its rules and exceptions, holding
 * `ceil(capacity × sharePct)` places per the owner's reservation policy (policy text 000 defaults).
 */
export async function generateSlotsFor(sql: Sql, communityId: string, resourceId: string, fromDate: string, days = SLOT_HORIZON_DAYS): Promise<number> {
  const res = await resources.findResource(sql, communityId, resourceId);
  if (!res) throw new DomainError('NOT_FOUND', '资源不存在');
  const policy = (await resources.policyFor(sql, communityId, res.organizationId, res.type)) ?? { sharePct: defaultReservationShare(res.organizationKind), releaseHoursBefore: DEFAULT_RELEASE_HOURS };
  const times = generateSlotTimes(await resources.rulesOf(sql, communityId, resourceId), await resources.exceptionsOf(sql, communityId, resourceId), fromDate, days);
  return resources.insertSlots(sql, communityId, resourceId, times.map((t) => ({
    id: randomUUID(), startsAt: t.startsAt, endsAt: t.endsAt, capacity: t.capacity,
    reserved: reservedPlaces(t.capacity, policy.sharePct), releaseAt: releaseTime(t.startsAt, policy.releaseHoursBefore),
  })));
}

/** The daily job: slots for every active resource over the horizon (idempotent). */
export async function generateAllSlots(ctx: AppContext): Promise<number> {
  let n = 0;
  const today = businessDate(ctx.clock);
  for (const r of await resources.allActiveResources(ctx.db)) n += await generateSlotsFor(ctx.db, r.communityId, r.id, today);
  return n;
}

/** The release job (docs/domain/referral.md): held places not used by `releaseHoursBefore` become public. */
export function releaseDueReserve(ctx: AppContext): Promise<number> {
  return repo.releaseDue(ctx.db, ctx.clock.now());
}

/** A resource by id, read in the caller's community (one shard on Citus), or for a region scope in the resource's; outside, not found. */
async function requireResource(sql: Sql, actor: Actor, id: string): Promise<resources.ResourceRow> {
  const communityId = await communityForId(actor, id, () => resources.resourceCommunity(sql, id));
  const res = communityId ? await resources.findResource(sql, communityId, id) : null;
  if (!res) throw new DomainError('NOT_FOUND', '资源不存在');
  return res;
}

async function manageable(sql: Sql, actor: Actor, communityId: string, organizationId: string) {
  authorize(actor, 'schedule.manage', { communityId, organizationId, regionCode: await communityRegion(sql, communityId) });
  if (!(await findOrganizationRef(sql, communityId, organizationId))) throw new DomainError('VALIDATION_FAILED', '机构不属于该医共体', { field: 'organizationId' });
}

export async function createResource(ctx: AppContext, actor: Actor, input: ResourceInput) {
  return ctx.db.transaction(async (tx) => {
    await manageable(tx, actor, input.communityId, input.organizationId);
    const id = input.id ?? randomUUID();
    await resources.insertResource(tx, id, input);
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'schedule.resource_create', resourceType: 'resource', resourceId: id, details: input });
    return (await resources.findResource(tx, input.communityId, id))!;
  });
}

export async function addRule(ctx: AppContext, actor: Actor, resourceId: string, input: AvailabilityRuleInput) {
  if (input.endTime <= input.startTime) throw new DomainError('VALIDATION_FAILED', '结束时间须晚于开始时间', { field: 'endTime' });
  return ctx.db.transaction(async (tx) => {
    const res = await requireResource(tx, actor, resourceId);
    await manageable(tx, actor, res.communityId, res.organizationId);
    const id = randomUUID();
    await resources.insertRule(tx, res.communityId, id, resourceId, input);
    const generated = await generateSlotsFor(tx, res.communityId, resourceId, businessDate(ctx.clock));
    await recordAudit(tx, actor, { communityId: res.communityId, action: 'schedule.rule_add', resourceType: 'resource', resourceId, details: { ...input, generated } });
    return { id, generated };
  });
}

/** A one-off exception; a closed day with bookings is refused (move the patients first). */
export async function setException(ctx: AppContext, actor: Actor, resourceId: string, input: { onDate: string; capacity: number | null; note?: string | null | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const res = await requireResource(tx, actor, resourceId);
    await manageable(tx, actor, res.communityId, res.organizationId);
    await resources.upsertException(tx, res.communityId, randomUUID(), resourceId, input);
    await recordAudit(tx, actor, { communityId: res.communityId, action: 'schedule.exception_set', resourceType: 'resource', resourceId, details: input });
    return { ok: true };
  });
}

export async function setPolicy(ctx: AppContext, actor: Actor, input: ReservationPolicyInput) {
  return ctx.db.transaction(async (tx) => {
    await manageable(tx, actor, input.communityId, input.organizationId);
    await resources.upsertPolicy(tx, input);
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'schedule.policy_set', resourceType: 'reservation_policy', resourceId: input.organizationId, details: input });
    return input;
  });
}

/** An organisation's bookable resources and reservation policies: schedule data, so `schedule.read` as for its slots. */
export async function listResources(ctx: AppContext, actor: Actor, organizationId: string) {
  const org = await requireOrganization(ctx.db, actor, organizationId);
  authorize(actor, 'schedule.read', { communityId: org.communityId, organizationId: org.id, regionCode: await communityRegion(ctx.db, org.communityId) });
  return { items: await resources.listResources(ctx.db, org.communityId, org.id), policies: (await resources.listPolicies(ctx.db, org.communityId)).filter((p) => p.organizationId === org.id) };
}
