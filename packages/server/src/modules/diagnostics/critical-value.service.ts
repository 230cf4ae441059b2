import { randomUUID } from 'node:crypto';
import { DomainError, escalationsDue, scopeCommunity, type Actor, type CriticalStage } from '@yigong/domain';
import type { CriticalValueView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { noteResidentRead } from '../../platform/audit/read-audit.ts';
import { communityForId } from '../../platform/db/id-communities.ts';
import * as repo from './critical-value.repository.ts';
import { criticalAckMinutes } from './catalogue.repository.ts';
import { toCriticalValueView } from './critical-value-view.ts';
import { publishCritical, type CriticalSignal } from './critical-bus.ts';
import type { OrderRow } from './order.repository.ts';

/**
 * Whom a critical value concerns (docs/domain/diagnostics.md "Critical values"): the ordering
 * doctor; once escalated, the heads of the ordering unit (a manager scoped to that unit or one
 * above it); at the last stage the community's medical department (a manager of the community).
 */
export function audienceOf(actor: Actor): Omit<repo.CriticalValueAudience, 'status' | 'limit'> | null {
  const communityId = scopeCommunity(actor);
  if (!communityId) return null;
  const manager = actor.role === 'manager';
  return {
    communityId,
    userId: actor.userId,
    unitHeadOf: manager && actor.scope.kind === 'organization' ? actor.organizationIds : null,
    medicalDepartment: manager && actor.scope.kind === 'community',
  };
}

const RANK: Record<CriticalStage, number> = { doctor: 0, unit_head: 1, medical_department: 2 };

/** The same rule as the list query, for one signal (the event stream's filter). */
export function concerns(a: NonNullable<ReturnType<typeof audienceOf>>, s: Pick<CriticalSignal, 'communityId' | 'orderingUserId' | 'orderingOrganizationId' | 'stage'>): boolean {
  if (s.communityId !== a.communityId) return false;
  if (s.orderingUserId === a.userId) return true;
  if (a.unitHeadOf && RANK[s.stage] >= 1 && a.unitHeadOf.includes(s.orderingOrganizationId)) return true;
  return a.medicalDepartment && s.stage === 'medical_department';
}

/** GET /critical-values (Contract): the caller's critical values, open first. */
export async function listCriticalValues(ctx: AppContext, actor: Actor, q: { status: 'open' | 'acknowledged' | 'all'; limit: number }): Promise<CriticalValueView[]> {
  requirePermission(actor, 'critical.ack');
  const a = audienceOf(actor);
  if (!a) return [];
  const now = ctx.clock.now();
  return (await repo.listCriticalValues(ctx.db, { ...a, ...q })).map((v) => toCriticalValueView(v, now));
}

/**
 * Raises a critical value for the ordering doctor in the writer's transaction, with the
 * community's deadline (default 30 min). Returns the signal to publish after commit, or null when
 * this order already has one from the same source.
 */
export async function raiseCritical(tx: Sql, o: Pick<OrderRow, 'community_id' | 'id' | 'resident_id' | 'ordering_organization_id' | 'ordering_user_id'>, source: 'result' | 'report', summary: string, now: Date): Promise<CriticalSignal | null> {
  const ackMinutes = await criticalAckMinutes(tx, o.community_id);
  const id = randomUUID();
  const raised = await repo.insertCriticalValue(tx, {
    communityId: o.community_id, id, orderId: o.id, residentId: o.resident_id, orderingOrganizationId: o.ordering_organization_id, orderingUserId: o.ordering_user_id,
    source, summary: summary.slice(0, 200), raisedAt: now, deadlineAt: new Date(now.getTime() + ackMinutes * 60_000),
  });
  return raised ? { communityId: o.community_id, id, orderingUserId: o.ordering_user_id, orderingOrganizationId: o.ordering_organization_id, stage: 'doctor', kind: 'raised' } : null;
}

/** POST /critical-values/{id}/ack (Contract): whoever it concerns acknowledges it; every step timestamped. */
export async function acknowledgeCriticalValue(ctx: AppContext, actor: Actor, id: string, note: string | undefined): Promise<CriticalValueView> {
  const f = requirePermission(actor, 'critical.ack');
  const a = audienceOf(actor);
  const now = ctx.clock.now();
  const view = await ctx.db.transaction(async (tx) => {
    // Outside the caller's scope (community, unit subtree) it does not exist; inside, only its audience acknowledges.
    const communityId = await communityForId(actor, id, () => repo.criticalValueCommunity(tx, id));
    const v = communityId ? await repo.findCriticalValue(tx, communityId, id, true) : null;
    const visible = !!v && (f.communityIds === null || f.communityIds.includes(v.community_id)) && (f.organizationIds === null || f.organizationIds.includes(v.ordering_organization_id));
    if (!v || !visible) throw new DomainError('NOT_FOUND', '危急值不存在或不在您的范围内');
    if (!a || !concerns(a, { communityId: v.community_id, orderingUserId: v.ordering_user_id, orderingOrganizationId: v.ordering_organization_id, stage: v.stage })) {
      throw new DomainError('FORBIDDEN', '危急值由开单医生确认；超时未确认时升级至机构负责人，再至医务科', { stage: v.stage });
    }
    noteResidentRead({ communityId: v.community_id, residentId: v.resident_id, resourceId: v.order_id, access: 'party' });
    if (v.acknowledged_at) return toCriticalValueView(v, now);
    await repo.acknowledge(tx, v.community_id, v.id, { userId: actor.userId, name: actor.username, note: note ?? null, at: now });
    await recordAudit(tx, actor, { communityId: v.community_id, action: 'critical.ack', resourceType: 'critical_value', resourceId: v.id, residentId: v.resident_id, details: { stage: v.stage, orderId: v.order_id } });
    return toCriticalValueView((await repo.findCriticalValue(tx, v.community_id, v.id))!, now);
  });
  publishCritical([{ communityId: view.communityId, id: view.id, orderingUserId: view.orderingUserId, orderingOrganizationId: view.orderingOrganizationId, stage: view.stage, kind: 'acknowledged' }]);
  return view;
}

/**
 * The minute job: open critical values past their deadline move to the unit head, then to the
 * medical department, each step stamped with the instant it fell due (not the job's run time), so
 * a late run records the same times (docs/domain/diagnostics.md "Critical values").
 */
export async function escalateCriticalValues(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await repo.dueForEscalation(ctx.db, now);
  const signals: CriticalSignal[] = [];
  for (const d of due) {
    await ctx.db.transaction(async (tx) => {
      const v = await repo.findCriticalValue(tx, d.community_id, d.id, true);
      if (!v || v.acknowledged_at) return;
      const ackMinutes = Math.round((v.deadline_at.getTime() - v.raised_at.getTime()) / 60_000);
      const recorded: CriticalStage[] = ['doctor', ...(v.unit_head_at ? ['unit_head' as const] : []), ...(v.medical_department_at ? ['medical_department' as const] : [])];
      const steps = escalationsDue(v.raised_at, recorded, now, { ackMinutes });
      if (steps.length === 0) return;
      const last = steps[steps.length - 1]!;
      const at = (s: CriticalStage) => steps.find((x) => x.stage === s)?.at ?? null;
      await repo.setStage(tx, v.community_id, v.id, last.stage, at('unit_head'), at('medical_department'));
      for (const s of steps) {
        await recordAudit(tx, { userId: null, username: 'system', role: null, organizationId: null }, {
          communityId: v.community_id, action: 'critical.escalate', resourceType: 'critical_value', resourceId: v.id, residentId: v.resident_id, details: { stage: s.stage, at: s.at.toISOString() },
        });
      }
      signals.push({ communityId: v.community_id, id: v.id, orderingUserId: v.ordering_user_id, orderingOrganizationId: v.ordering_organization_id, stage: last.stage, kind: 'escalated' });
    });
  }
  publishCritical(signals);
  return signals.length;
}
