import { randomUUID } from 'node:crypto';
import { DomainError, decidePackTransition, decideRequestAction, fefoPick, statusAfterDelivery, validateRequestLines, type Actor, type SterileRequestAction } from '@yigong/domain';
import type { CreateSterileRequest, DeliveryView, SterileRequestQuery, SterileRequestView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { businessDate } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { requirePermission } from '../../platform/auth/authorize.ts';
import * as requests from './request.repository.ts';
import * as packs from './pack.repository.ts';
import { listPackTypes } from './centre.repository.ts';
import { isCentreStaff, requireCentre, sterileScope } from './sterile-access.ts';
import { requestSides, toRequestView } from './sterile-views.ts';

async function packTypeNames(sql: Sql, communityId: string, today: string): Promise<Map<string, string>> {
  return new Map((await listPackTypes(sql, communityId, today)).map((t) => [t.code, t.name]));
}

/** A request the actor may see — asked by a unit in its scope, or addressed to its centre — or 404. */
async function requireRequest(sql: Sql, actor: Actor, id: string, forUpdate = false): Promise<requests.RequestRow> {
  const f = sterileScope(actor, 'sterile.read');
  const r = await requests.findRequest(sql, f.communityId, id, forUpdate);
  const visible = !!r && (f.organizationIds === null || f.organizationIds.includes(r.organization_id) || f.organizationIds.includes(r.centre_organization_id));
  if (!r || !visible) throw new DomainError('NOT_FOUND', '申领单不存在或不在您的范围内');
  return r;
}

/**
 * A member unit asks the centre for packs (docs/domain/sterile-supply.md "Requests"): lines
 * checked against the catalogue, one transaction, idempotent on the client id.
 */
export async function createRequest(ctx: AppContext, actor: Actor, input: CreateSterileRequest): Promise<SterileRequestView> {
  const { communityId } = sterileScope(actor, 'sterile.request');
  if (!actor.organizationId) throw new DomainError('FORBIDDEN', '申领须由医疗机构的账号发起');
  const now = ctx.clock.now();
  const today = businessDate(ctx.clock);
  if (input.neededBy && input.neededBy < today) throw new DomainError('VALIDATION_FAILED', '需用日期不能早于今天', { field: 'neededBy' });
  return ctx.db.transaction(async (tx) => {
    const centre = await requireCentre(tx, communityId);
    const types = await listPackTypes(tx, communityId, today);
    const names = new Map(types.map((t) => [t.code, t.name]));
    const lines = validateRequestLines(input.lines, new Set(types.filter((t) => t.active).map((t) => t.code)));
    const id = input.id ?? randomUUID();
    const prior = input.id ? await requests.findRequest(tx, communityId, id) : null;
    if (prior) {
      const same = prior.organization_id === actor.organizationId && JSON.stringify(prior.lines.map((l) => [l.packType, l.quantity])) === JSON.stringify(lines.map((l) => [l.packType, l.quantity]));
      if (!same) throw new DomainError('IDEMPOTENCY_MISMATCH', '该编号的申领单已存在且内容不同', { id });
      return toRequestView(actor, prior, names);
    }
    await requests.insertRequest(tx, {
      communityId, id, centreId: centre.id, organizationId: actor.organizationId!, requesterId: actor.userId, requesterName: actor.username,
      neededBy: input.neededBy ?? null, note: input.note?.trim() || null, lines: lines.map((l) => ({ ...l, delivered: 0 })), now,
    });
    await recordAudit(tx, actor, { communityId, action: 'sterile.request.create', resourceType: 'sterile_request', resourceId: id, details: { lines: lines.length, packs: lines.reduce((s, l) => s + l.quantity, 0) } });
    return toRequestView(actor, (await requests.findRequest(tx, communityId, id))!, names);
  });
}

function decide(actor: Actor, r: requests.RequestRow, action: SterileRequestAction): void {
  const sides = requestSides(actor, r);
  const wanted = action === 'deliver' ? 'centre' : 'requester';
  const d = decideRequestAction(r.status, action, sides.includes(wanted) ? wanted : (sides[0] ?? null));
  if (!d.ok) throw new DomainError(d.code, d.message, { status: r.status, action });
}

/**
 * The centre delivers what is open on a request (docs/domain/sterile-supply.md "Picking"):
 * released packs first-expiry-first-out, each checked by decidePackTransition('deliver'), moved
 * to the unit with its event; what stock does not cover stays open. Nothing at all in stock is a
 * 409 that changes nothing.
 */
export async function deliverRequest(ctx: AppContext, actor: Actor, id: string): Promise<DeliveryView> {
  requirePermission(actor, 'sterile.process');
  const now = ctx.clock.now();
  const today = businessDate(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    const r = await requireRequest(tx, actor, id, true);
    decide(actor, r, 'deliver');
    const open = r.lines.filter((l) => l.delivered < l.quantity);
    const stock = await packs.shelfStock(tx, r.community_id, r.centre_id, open.map((l) => l.packType));
    const recalledBatch = new Set(stock.filter((s) => s.batch_status === 'recalled').map((s) => s.barcode));
    const picked: DeliveryView['picked'] = [];
    const lines = r.lines.map((l) => ({ ...l }));
    for (const line of lines.filter((l) => l.delivered < l.quantity)) {
      const eligible = stock.filter((s) => !recalledBatch.has(s.barcode)).map((s) => ({ barcode: s.barcode, packType: s.pack_type, expiresOn: s.expires_on, status: s.status }));
      const pick = fefoPick(eligible, line.packType, line.quantity - line.delivered, today);
      const barcodes = pick.picked.filter((b) => {
        const s = stock.find((x) => x.barcode === b)!;
        return decidePackTransition({ status: s.status, expiresOn: s.expires_on, deliveredToOrganizationId: null, batch: { released: s.batch_status === 'released', recalled: s.batch_status === 'recalled' } }, 'deliver', { organizationId: r.organization_id }, today).ok;
      });
      line.delivered += barcodes.length;
      picked.push({ packType: line.packType, barcodes, short: line.quantity - line.delivered });
      await packs.setPackStatus(tx, r.community_id, barcodes, 'delivered', now, { organizationId: r.organization_id, requestId: r.id });
      await packs.appendPackEvents(tx, r.community_id, barcodes, now, { kind: 'delivered', organizationId: r.organization_id, comment: `申领单 ${r.id.slice(0, 8)}` }, { actorId: actor.userId, username: actor.username });
    }
    const count = picked.reduce((s, p) => s + p.barcodes.length, 0);
    if (count === 0) throw new DomainError('CONFLICT', '库存不足：所申领的灭菌包当前均无可发放的库存', { short: picked.map((p) => ({ packType: p.packType, short: p.short })) });
    const status = statusAfterDelivery(lines, r.status);
    await requests.updateRequest(tx, r.community_id, r.id, { status, lines, ...(status === 'delivered' ? { deliveredAt: now } : {}) }, now);
    await recordAudit(tx, actor, { communityId: r.community_id, action: 'sterile.request.deliver', resourceType: 'sterile_request', resourceId: r.id, details: { packs: count, status } });
    return { request: toRequestView(actor, (await requests.findRequest(tx, r.community_id, r.id))!, await packTypeNames(tx, r.community_id, today)), picked };
  });
}

/** The asking unit withdraws what is still open; packs already delivered stay with it. */
export async function cancelRequest(ctx: AppContext, actor: Actor, id: string, reason: string | undefined): Promise<SterileRequestView> {
  requirePermission(actor, 'sterile.request');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const r = await requireRequest(tx, actor, id, true);
    decide(actor, r, 'cancel');
    await requests.updateRequest(tx, r.community_id, r.id, { status: 'cancelled', cancelledAt: now, ...(reason?.trim() ? { note: [r.note, `取消：${reason.trim()}`].filter(Boolean).join('；') } : {}) }, now);
    await recordAudit(tx, actor, { communityId: r.community_id, action: 'sterile.request.cancel', resourceType: 'sterile_request', resourceId: r.id, details: { from: r.status } });
    return toRequestView(actor, (await requests.findRequest(tx, r.community_id, r.id))!, await packTypeNames(tx, r.community_id, businessDate(ctx.clock)));
  });
}

export async function listRequests(ctx: AppContext, actor: Actor, q: SterileRequestQuery): Promise<SterileRequestView[]> {
  const f = sterileScope(actor, 'sterile.read');
  if (q.view !== 'all' && !actor.organizationId) throw new DomainError('VALIDATION_FAILED', '须由机构账号查看本机构的申领', { field: 'view' });
  const centre = await requireCentre(ctx.db, f.communityId);
  // Visible: asked by a unit in scope, or addressed to a centre in scope (its staff's own unit).
  const rows = await requests.listRequests(ctx.db, {
    communityId: f.communityId, organizationIds: f.organizationIds, requestedBy: q.view === 'mine' ? actor.organizationId : null,
    centreOrganizationId: q.view === 'incoming' ? (isCentreStaff(actor, centre) ? centre.organization_id : actor.organizationId) : null, status: q.status ?? null, limit: q.limit,
  });
  const names = await packTypeNames(ctx.db, f.communityId, businessDate(ctx.clock));
  return rows.map((r) => toRequestView(actor, r, names));
}
