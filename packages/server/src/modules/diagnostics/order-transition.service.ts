import { DomainError, ORDER_RULES, decideOrderTransition, reportDueAt, type Actor, type OrderAction, type OrderStatus } from '@yigong/domain';
import type { AmendRequest, OrderDetailView, ReportRequest } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import * as repo from './order.repository.ts';
import * as results from './result.repository.ts';
import { findItem } from './catalogue.repository.ts';
import { requireOrder, sidesOf } from './order-access.ts';
import { orderDetail } from './order.service.ts';
import { raiseCritical } from './critical-value.service.ts';
import { publishCritical, type CriticalSignal } from './critical-bus.ts';

export interface Step {
  tx: Sql;
  order: repo.OrderRow;
  to: OrderStatus;
  now: Date;
  /** Critical values raised by this step, published once the transaction has committed. */
  signals: CriticalSignal[];
}

/**
 * Applies one action of docs/domain/diagnostics.md "Order states" in one transaction, the order
 * locked: the pure rule decides (409 illegal, 403 wrong side or role, 400 missing input), `apply`
 * writes the effects, the history row and the audit row follow, and the detail view is returned
 * from the same transaction. `illegalAs400` answers a wrong state with a 400 naming `status`
 * (the Contract's "a result for an order not accepted").
 */
export async function act(ctx: AppContext, actor: Actor, id: string, action: OrderAction, input: Record<string, unknown>, comment: string | null,
  apply: (s: Step) => Promise<Partial<Parameters<typeof repo.updateOrder>[2]>>, opts: { illegalAs400?: boolean } = {}): Promise<OrderDetailView> {
  const now = ctx.clock.now();
  const signals: CriticalSignal[] = [];
  const view = await ctx.db.transaction(async (tx) => {
    const o = await requireOrder(tx, actor, id, true);
    const sides = sidesOf(actor, o);
    const side = ORDER_RULES[action].sides.find((x) => sides.includes(x)) ?? sides[0] ?? null;
    const decision = decideOrderTransition(o.status, action, side, actor.role, input);
    if (!decision.ok) {
      if (decision.code === 'ILLEGAL_TRANSITION' && opts.illegalAs400) throw new DomainError('VALIDATION_FAILED', decision.message, { field: 'status', status: o.status, action });
      throw new DomainError(decision.code, decision.message, { status: o.status, action, ...(decision.field ? { field: decision.field } : {}) });
    }
    const set = await apply({ tx, order: o, to: decision.to, now, signals });
    await repo.updateOrder(tx, o, { status: decision.to, ...set }, now);
    await repo.appendEvent(tx, { communityId: o.community_id, orderId: o.id, at: now, action, from: o.status, to: decision.to, actorId: actor.userId, username: actor.username, role: actor.role, organizationId: actor.organizationId, comment });
    await recordAudit(tx, actor, { communityId: o.community_id, action: `diagnostics.${action}`, resourceType: 'diagnostic_order', resourceId: o.id, residentId: o.resident_id, details: { from: o.status, to: decision.to } });
    return orderDetail(tx, actor, (await repo.findOrder(tx, o.community_id, o.id))!, now);
  });
  publishCritical(signals);
  return view;
}

/** Quality check passed (质控通过): the centre takes the order. */
export function acceptOrder(ctx: AppContext, actor: Actor, id: string): Promise<OrderDetailView> {
  return act(ctx, actor, id, 'accept', {}, null, async ({ now }) => ({ accepted_at: now }));
}

/** Quality check failed: the order returns to the sender with the reason. */
export function rejectOrder(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<OrderDetailView> {
  return act(ctx, actor, id, 'reject', { reason }, `退回：${reason}`, async ({ now }) => ({ rejected_at: now, reject_reason: reason }));
}

export function cancelOrder(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<OrderDetailView> {
  return act(ctx, actor, id, 'cancel', { reason }, reason, async ({ now }) => ({ cancelled_at: now, cancel_reason: reason }));
}

/** The ordering unit has read the returned report. */
export function acknowledgeOrder(ctx: AppContext, actor: Actor, id: string): Promise<OrderDetailView> {
  return act(ctx, actor, id, 'acknowledge', {}, null, async ({ now }) => ({ acknowledged_at: now }));
}

/** Data arrived: stamps the first arrival and the report's due time from the item's target. */
export async function resultedFields(s: Step): Promise<Partial<Parameters<typeof repo.updateOrder>[2]>> {
  if (s.order.resulted_at) return {};
  const item = (await findItem(s.tx, s.order.community_id, s.order.item_code))!;
  return { resulted_at: s.now, report_due_at: reportDueAt(s.now, s.order.priority, { routine: item.routine_minutes, urgent: item.urgent_minutes }) };
}

/**
 * The signed report (docs/domain/diagnostics.md "Reports"): version 1, returned to the ordering
 * unit; a critical one raises a critical value for the ordering doctor.
 */
export function reportOrder(ctx: AppContext, actor: Actor, id: string, input: ReportRequest): Promise<OrderDetailView> {
  return act(ctx, actor, id, 'report', { text: input.text, conclusion: input.conclusion }, input.critical ? '报告危急值' : null, async (s) => {
    await results.insertReport(s.tx, { communityId: s.order.community_id, orderId: s.order.id, version: 1, findings: input.text, conclusion: input.conclusion, critical: input.critical, signedBy: actor.userId, signedByName: actor.username, at: s.now, amendReason: null });
    if (input.critical) {
      const signal = await raiseCritical(s.tx, s.order, 'report', input.criticalSummary ?? input.conclusion, s.now);
      if (signal) s.signals.push(signal);
    }
    return { reported_at: s.now, critical: s.order.critical || input.critical, report_version: 1, report_conclusion: input.conclusion, reader_user_id: actor.userId, reader_name: actor.username };
  });
}

/** An amendment: a new version with its reason; the earlier versions stay visible. */
export function amendReport(ctx: AppContext, actor: Actor, id: string, input: AmendRequest): Promise<OrderDetailView> {
  return act(ctx, actor, id, 'amend', { reason: input.reason }, `更正报告：${input.reason}`, async (s) => {
    const version = s.order.report_version + 1;
    await results.insertReport(s.tx, { communityId: s.order.community_id, orderId: s.order.id, version, findings: input.text, conclusion: input.conclusion, critical: input.critical, signedBy: actor.userId, signedByName: actor.username, at: s.now, amendReason: input.reason });
    if (input.critical) {
      const signal = await raiseCritical(s.tx, s.order, 'report', input.criticalSummary ?? input.conclusion, s.now);
      if (signal) s.signals.push(signal);
    }
    return { critical: s.order.critical || input.critical, report_version: version, report_conclusion: input.conclusion };
  });
}
