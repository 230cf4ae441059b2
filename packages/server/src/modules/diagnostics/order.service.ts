import { randomUUID } from 'node:crypto';
import { DomainError, decideRepeatOrder, type Actor } from '@yigong/domain';
import type { CreateOrderRequest, OrderDetailView, OrderQuery, OrderView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { authorize, requirePermission } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { requireResidentForWrite } from '../residents/index.ts';
import * as repo from './order.repository.ts';
import * as results from './result.repository.ts';
import * as catalogue from './catalogue.repository.ts';
import { criticalValuesOfOrder } from './critical-value.repository.ts';
import { requireOrder } from './order-access.ts';
import { toOrderView } from './order-view.ts';
import { toCriticalValueView } from './critical-value-view.ts';
import { insertRecognitionEvent } from './recognition.repository.ts';
import { recognisedResultFor } from './recognition.service.ts';


/**
 * A member orders an item for a resident (docs/domain/diagnostics.md "Orders"): the resident in
 * the caller's scope, the ordering unit the caller's own (or below it), the item in the
 * community's catalogue. A recognised result inside its validity window stops the order with a
 * 409 naming it, unless a reason to repeat is given ("Mutual recognition"); the repeat is counted.
 * One transaction; a retry with the same client id returns the order it made.
 */
export async function createOrder(ctx: AppContext, actor: Actor, input: CreateOrderRequest): Promise<OrderView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { row: resident } = await requireResidentForWrite(tx, actor, input.residentId, now);
    const communityId = resident.community_id;
    authorize(actor, 'diagnostics.order', { communityId, organizationId: input.orderingOrganizationId, regionCode: resident.region_code });
    if (input.id) {
      const prior = await repo.findOrder(tx, communityId, input.id);
      if (prior) {
        if (prior.resident_id !== input.residentId || prior.item_code !== input.itemCode) throw new DomainError('IDEMPOTENCY_MISMATCH', '该编号的检查单已存在且内容不同', { id: input.id });
        return toOrderView(actor, prior, now);
      }
    }
    const item = await catalogue.findItem(tx, communityId, input.itemCode);
    if (!item || !item.active) throw new DomainError('VALIDATION_FAILED', `未知的检查检验项目：${input.itemCode}`, { field: 'itemCode' });
    const recognised = await recognisedResultFor(tx, communityId, resident.id, item, input.orderingOrganizationId, now);
    const repeat = decideRepeatOrder(recognised, input.repeatReason);
    if (!repeat.ok) throw new DomainError(repeat.code, repeat.message, { field: 'repeatReason', recognisedOrderId: recognised?.orderId });
    const id = input.id ?? randomUUID();
    await repo.insertOrder(tx, {
      communityId, id, residentId: resident.id, itemCode: item.code, modality: item.modality, centreId: item.centre_id, performingOrganizationId: item.performing_organization_id,
      priority: input.priority, reason: input.reason, orderingOrganizationId: input.orderingOrganizationId, orderingUserId: actor.userId, orderingUsername: actor.username,
      recognisedOrderId: recognised?.orderId ?? null, repeatReason: recognised ? input.repeatReason!.trim() : null, clientRecordedAt: input.clientRecordedAt ?? null, now,
    });
    if (recognised) {
      await insertRecognitionEvent(tx, { communityId, id: randomUUID(), residentId: resident.id, itemCode: item.code, recognisedOrderId: recognised.orderId, organizationId: input.orderingOrganizationId, userId: actor.userId, outcome: 'repeated', newOrderId: id, priceFen: item.price_fen, at: now });
    }
    await repo.appendEvent(tx, { communityId, orderId: id, at: now, action: 'order', from: null, to: 'ordered', actorId: actor.userId, username: actor.username, role: actor.role, organizationId: input.orderingOrganizationId, comment: input.reason });
    await recordAudit(tx, actor, { communityId, action: 'diagnostics.order', resourceType: 'diagnostic_order', resourceId: id, residentId: resident.id, details: { itemCode: item.code, priority: input.priority, repeatOf: recognised?.orderId ?? null } });
    return toOrderView(actor, (await repo.findOrder(tx, communityId, id))!, now);
  });
}

/** One order with its status history, results, report versions and critical values (Contract: `GET …/{id}`). */
export async function getOrder(ctx: AppContext, actor: Actor, id: string): Promise<OrderDetailView> {
  const now = ctx.clock.now();
  const o = await requireOrder(ctx.db, actor, id);
  return orderDetail(ctx.db, actor, o, now);
}

export async function orderDetail(sql: Sql, actor: Actor, o: repo.OrderRow, now: Date): Promise<OrderDetailView> {
  const [history, observations, ecg, files, reports, criticals, item] = await Promise.all([
    repo.listEvents(sql, o.community_id, o.id),
    results.listObservations(sql, o.community_id, o.id),
    results.waveformSummary(sql, o.community_id, o.id),
    results.listFiles(sql, o.community_id, o.id),
    results.listReports(sql, o.community_id, o.id),
    criticalValuesOfOrder(sql, o.community_id, o.id),
    catalogue.findItem(sql, o.community_id, o.item_code),
  ]);
  return {
    ...toOrderView(actor, o, now),
    history: history.map((e) => ({ at: e.at.toISOString(), action: e.action, fromStatus: e.from_status, toStatus: e.to_status, username: e.username, role: e.role, organizationId: e.organization_id, comment: e.comment })),
    observations: observations.map((b) => ({ code: b.code, name: b.name, value: b.value_num ?? b.value_text ?? '', unit: b.unit, low: b.low, high: b.high, flag: b.flag })),
    ecg: ecg ? { samplingRate: ecg.sampling_rate, leads: ecg.lead_names, samples: ecg.samples, seconds: ecg.samples / ecg.sampling_rate, heartRate: ecg.heart_rate } : null,
    files: files.map((f) => ({ id: f.id, kind: f.kind, name: f.name, mediaType: f.media_type, size: f.size, tags: f.tags })),
    reports: reports.map((r) => ({ version: r.version, findings: r.findings, conclusion: r.conclusion, critical: r.critical, signedByName: r.signed_by_name, signedAt: r.signed_at.toISOString(), amendReason: r.amend_reason })),
    criticalValues: criticals.map((v) => toCriticalValueView(v, now)),
    template: { findings: item?.template.findings ?? '', conclusion: item?.template.conclusion ?? '' },
  };
}

/**
 * Orders in the caller's scope. `worklist`: the open orders of the centres at the caller's own
 * unit, urgent and overdue first; `ordered`: the orders of the caller's own unit.
 */
export async function listOrders(ctx: AppContext, actor: Actor, q: OrderQuery): Promise<OrderView[]> {
  const f = requirePermission(actor, 'diagnostics.read');
  const now = ctx.clock.now();
  const own = actor.organizationId ? [actor.organizationId] : null;
  if ((q.view === 'worklist' || q.view === 'ordered') && !own) throw new DomainError('VALIDATION_FAILED', '工作列表须由机构账号查看', { field: 'view' });
  const rows = await repo.listOrders(ctx.db, {
    communityIds: f.communityIds, regionPrefix: f.regionPrefix, organizationIds: f.organizationIds,
    worklistOf: q.view === 'worklist' ? own : null, orderedBy: q.view === 'ordered' ? own : null,
    status: q.status ?? null, modality: q.modality ?? null, residentId: q.residentId ?? null, limit: q.limit,
    orderingOrganizationId: q.orderingOrganizationId ?? null,
    orderedFrom: q.from ? new Date(`${q.from}T00:00:00+08:00`) : null,
    orderedBefore: q.to ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000) : null,
  }, now);
  return rows.map((o) => toOrderView(actor, o, now));
}
