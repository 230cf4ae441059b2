import { randomUUID } from 'node:crypto';
import { DomainError, findRecognisedResult, type Actor } from '@yigong/domain';
import type { RecognitionView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { requireResidentAccess } from '../residents/index.ts';
import * as repo from './order.repository.ts';
import * as catalogue from './catalogue.repository.ts';
import { insertRecognitionEvent, findRecognitionEvent } from './recognition.repository.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` in Asia/Shanghai of an instant. */
function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The resident's signed result of the item that `askingOrganizationId` recognises now, or null
 * (docs/domain/diagnostics.md "Mutual recognition"): the few results inside the window are read,
 * the domain rule picks.
 */
export async function recognisedResultFor(sql: Sql, communityId: string, residentId: string, item: catalogue.ItemRow, askingOrganizationId: string, now: Date) {
  const prior = await repo.signedResultsOf(sql, communityId, residentId, item.code, new Date(now.getTime() - (item.validity_days + 1) * DAY_MS));
  return findRecognisedResult({
    item: { code: item.code, validityDays: item.validity_days, recognisedBy: item.recognised_by ?? 'all' },
    askingOrganizationId,
    priorResults: prior.map((p) => ({ orderId: p.id, itemCode: p.item_code, status: p.status, reportedAt: p.reported_at!, orderingOrganizationId: p.ordering_organization_id, performingOrganizationId: p.performing_organization_id })),
    now,
  });
}

/**
 * The result of `itemCode` the caller's unit recognises for this resident now (docs/domain/
 * diagnostics.md "Mutual recognition"), or NOT_FOUND. The resident must be in the caller's scope.
 */
async function recognised(sql: Sql, actor: Actor, residentId: string, itemCode: string, now: Date) {
  const { row: resident } = await requireResidentAccess(sql, actor, residentId, 'resident.read', now);
  const communityId = resident.community_id;
  // Recognition is decided for a unit: the caller's, or — for a community account — the resident's own.
  const asking = actor.organizationId ?? resident.organization_id;
  authorize(actor, 'diagnostics.read', { communityId, organizationId: resident.organization_id, regionCode: resident.region_code });
  const item = await catalogue.findItem(sql, communityId, itemCode);
  if (!item) throw new DomainError('VALIDATION_FAILED', `未知的检查检验项目：${itemCode}`, { field: 'itemCode' });
  const hit = await recognisedResultFor(sql, communityId, resident.id, item, asking, now);
  const order = hit ? await repo.findOrder(sql, communityId, hit.orderId) : null;
  if (!hit || !order) throw new DomainError('NOT_FOUND', '该居民在互认有效期内没有此项目的可互认结果');
  const view: RecognitionView = {
    orderId: order.id, itemCode: item.code, itemName: item.name, residentId: resident.id, performingOrganizationName: order.performing_organization_name,
    reportedAt: order.reported_at!.toISOString(), validUntil: shanghaiDate(new Date(order.reported_at!.getTime() + item.validity_days * DAY_MS)),
    conclusion: order.report_conclusion, critical: order.critical, priceFen: item.price_fen,
  };
  return { view, communityId, item, resident, asking };
}

/** GET /diagnostics/recognition (Contract): the recognised result or 404. */
export async function getRecognition(ctx: AppContext, actor: Actor, residentId: string, itemCode: string): Promise<RecognitionView> {
  return (await recognised(ctx.db, actor, residentId, itemCode, ctx.clock.now())).view;
}

/**
 * The recognised result is used instead of ordering again: counted as an avoided test at the
 * item's price (docs/domain/diagnostics.md "Mutual recognition"). Idempotent on the client id.
 */
export async function useRecognition(ctx: AppContext, actor: Actor, input: { id?: string | undefined; residentId: string; itemCode: string; recognisedOrderId: string }): Promise<RecognitionView> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { view, communityId, item, resident, asking } = await recognised(tx, actor, input.residentId, input.itemCode, now);
    authorize(actor, 'diagnostics.order', { communityId, organizationId: asking, regionCode: resident.region_code });
    if (view.orderId !== input.recognisedOrderId) throw new DomainError('CONFLICT', '可互认的结果已变化，请刷新后重试', { field: 'recognisedOrderId', recognisedOrderId: view.orderId });
    const id = input.id ?? randomUUID();
    const prior = input.id ? await findRecognitionEvent(tx, communityId, id) : null;
    if (prior) {
      if (prior.recognised_order_id !== input.recognisedOrderId || prior.resident_id !== input.residentId || prior.outcome !== 'used') throw new DomainError('IDEMPOTENCY_MISMATCH', '该编号的互认记录已存在且内容不同', { id });
      return view;
    }
    await insertRecognitionEvent(tx, { communityId, id, residentId: resident.id, itemCode: item.code, recognisedOrderId: view.orderId, organizationId: asking, userId: actor.userId, outcome: 'used', newOrderId: null, priceFen: item.price_fen, at: now });
    await recordAudit(tx, actor, { communityId, action: 'diagnostics.recognition_use', resourceType: 'diagnostic_order', resourceId: view.orderId, residentId: resident.id, details: { itemCode: item.code, priceFen: item.price_fen } });
    return view;
  });
}
