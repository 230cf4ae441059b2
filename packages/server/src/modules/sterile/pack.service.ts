import { DomainError, decidePackTransition, makePackBarcode, parsePackBarcode, traceChain, PACK_EVENT_LABELS, type Actor, type PackAction } from '@yigong/domain';
import type { PackDetailView, PackQuery, PackView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { businessDate } from '../../platform/clock.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { requirePermission } from '../../platform/auth/authorize.ts';
import { requireResidentForWrite } from '../residents/index.ts';
import * as packs from './pack.repository.ts';
import { findBatch } from './batch.repository.ts';
import { sterileScope } from './sterile-access.ts';
import { toBatchView, toPackView } from './sterile-views.ts';

/**
 * A pack the actor may see — held by a unit in its scope or made by a centre in its scope — or
 * 404. A malformed barcode is a 400 naming `barcode` (parsePackBarcode).
 */
async function requirePack(sql: Sql, actor: Actor, barcode: string, forUpdate = false): Promise<packs.PackRow> {
  const f = sterileScope(actor, 'sterile.read');
  // A scanned code checked (check digit, date) and written the one way it is stored.
  const code = makePackBarcode(parsePackBarcode(barcode));
  const p = await packs.findPack(sql, f.communityId, code, forUpdate);
  const visible = !!p && (f.organizationIds === null || (p.organization_id !== null && f.organizationIds.includes(p.organization_id)) || f.organizationIds.includes(p.centre_organization_id));
  if (!p || !visible) throw new DomainError('NOT_FOUND', '灭菌包不存在或不在您的范围内', { field: 'barcode' });
  return p;
}

/**
 * The pack with its chain from batch to patient (docs/domain/sterile-supply.md "Traceability").
 * A pack used on a resident names them: the read is audited with the resident, in this transaction.
 */
async function detail(sql: Sql, actor: Actor, p: packs.PackRow, audit: boolean): Promise<PackDetailView> {
  const [events, batch] = await Promise.all([packs.packEvents(sql, p.community_id, { barcode: p.barcode }), findBatch(sql, p.community_id, p.batch_id)]);
  const chain = traceChain(events.map((e) => ({ kind: e.kind, at: e.at, batchId: e.batch_id, organizationId: e.organization_id, residentId: e.resident_id, restocked: e.restocked })));
  if (audit) await recordAudit(sql, actor, { communityId: p.community_id, action: 'sterile.pack.read', resourceType: 'sterile_pack', resourceId: p.barcode, residentId: p.resident_id, ...(p.resident_id ? { purpose: 'care' } : {}) });
  return {
    ...toPackView(actor, p),
    events: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, organizationId: e.organization_id, organizationName: e.organization_name, residentId: e.resident_id, restocked: e.restocked, username: e.username, comment: e.comment })),
    issues: chain.issues.map((i) => `第 ${i.index + 1} 条（${PACK_EVENT_LABELS[i.kind]}）：${i.message}`),
    batch: toBatchView(batch!),
  };
}

export async function getPack(ctx: AppContext, actor: Actor, barcode: string): Promise<PackDetailView> {
  return ctx.db.transaction(async (tx) => detail(tx, actor, await requirePack(tx, actor, barcode), true));
}

/** Packs in scope (the unit's own, or the centre's stock for its staff). Resident names show for used packs: the list is audited by its route. */
export async function listPacks(ctx: AppContext, actor: Actor, q: PackQuery): Promise<PackView[]> {
  const f = sterileScope(actor, 'sterile.read');
  const rows = await packs.listPacks(ctx.db, { communityId: f.communityId, organizationIds: f.organizationIds, status: q.status ?? null, packType: q.packType ?? null, holder: q.organizationId ?? null, expiresBy: q.expiresBy ?? null, limit: q.limit });
  return rows.map((p) => toPackView(actor, p));
}

/**
 * The unit holding a delivered pack opens it for a resident (use) or sends it back (return):
 * decidePackTransition (docs/domain/sterile-supply.md "Pack states") with the pack locked,
 * its event and the audit row in the same transaction.
 */
export async function actOnPack(ctx: AppContext, actor: Actor, barcode: string, action: Extract<PackAction, 'use' | 'return'>, input: { residentId?: string; wrapIntact?: boolean; note?: string }): Promise<PackDetailView> {
  requirePermission(actor, 'sterile.request');
  const now = ctx.clock.now();
  const today = businessDate(ctx.clock);
  return ctx.db.transaction(async (tx) => {
    const p = await requirePack(tx, actor, barcode, true);
    if (!actor.organizationId || actor.organizationId !== p.organization_id) {
      if (p.status === 'delivered') throw new DomainError('FORBIDDEN', `该灭菌包已发放给${p.organization_name ?? '其他机构'}，只有该机构可以登记使用或退回`);
    }
    const decision = decidePackTransition(
      { status: p.status, expiresOn: p.expires_on, deliveredToOrganizationId: p.organization_id, batch: { released: p.batch_status === 'released', recalled: p.batch_status === 'recalled' } },
      action, { organizationId: actor.organizationId, residentId: input.residentId ?? null, wrapIntact: input.wrapIntact ?? null }, today);
    if (!decision.ok) throw new DomainError(decision.code, decision.message, { status: p.status, action, ...(decision.field ? { field: decision.field } : {}) });
    const who = { actorId: actor.userId, username: actor.username };
    if (action === 'use') {
      const { row: resident } = await requireResidentForWrite(tx, actor, input.residentId!, now);
      if (resident.community_id !== p.community_id) throw new DomainError('VALIDATION_FAILED', '居民不属于本医共体', { field: 'residentId' });
      await packs.setPackStatus(tx, p.community_id, [p.barcode], 'used', now, { residentId: resident.id, usedAt: now });
      await packs.appendPackEvents(tx, p.community_id, [p.barcode], now, { kind: 'used', organizationId: actor.organizationId, residentId: resident.id, comment: input.note ?? null }, who);
      await recordAudit(tx, actor, { communityId: p.community_id, action: 'sterile.pack.use', resourceType: 'sterile_pack', resourceId: p.barcode, residentId: resident.id, details: { batch: p.batch_id } });
    } else {
      const restocked = decision.to === 'released';
      // Back on the centre's shelf, or to reprocessing at the centre: either way it leaves the unit.
      await packs.setPackStatus(tx, p.community_id, [p.barcode], decision.to, now, { organizationId: null, requestId: null });
      await packs.appendPackEvents(tx, p.community_id, [p.barcode], now, { kind: 'returned', organizationId: actor.organizationId, restocked, comment: input.note ?? (input.wrapIntact ? '包装完好' : '包装破损或潮湿') }, who);
      await recordAudit(tx, actor, { communityId: p.community_id, action: 'sterile.pack.return', resourceType: 'sterile_pack', resourceId: p.barcode, details: { wrapIntact: input.wrapIntact, restocked } });
    }
    return detail(tx, actor, (await packs.findPack(tx, p.community_id, p.barcode))!, false);
  });
}

/** The daily sweep (jobs): packs past their last day in every community with a centre. */
export async function expireSterilePacks(ctx: AppContext): Promise<number> {
  const today = businessDate(ctx.clock);
  const now = ctx.clock.now();
  let n = 0;
  for (const communityId of await packs.communitiesWithCentre(ctx.db)) n += await ctx.db.transaction((tx) => packs.expireDuePacks(tx, communityId, today, now));
  return n;
}
