import { DomainError, hasPermission, shelfLifeDays, type Actor } from '@yigong/domain';
import type { PackTypeView, SterileCentreView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { businessDate } from '../../platform/clock.ts';
import * as centres from './centre.repository.ts';
import { isCentreStaff, requireCentre, sterileScope } from './sterile-access.ts';

/**
 * The caller's community's centre with its board: packs by status, batches held, requests open.
 * A community named other than the caller's is not found (one community's work).
 */
export async function getSterileCentre(ctx: AppContext, actor: Actor, communityId: string | undefined): Promise<SterileCentreView> {
  const f = sterileScope(actor, 'sterile.read');
  if (communityId && communityId !== f.communityId) throw new DomainError('NOT_FOUND', '本医共体尚未设置消毒供应中心');
  const c = await requireCentre(ctx.db, f.communityId);
  const n = await centres.centreCounts(ctx.db, c.community_id);
  return { id: c.id, communityId: c.community_id, organizationId: c.organization_id, organizationName: c.organization_name, name: c.name, phone: c.phone, storageMeetsStandard: c.storage_meets_standard, packCounts: n.packs, heldBatches: n.held, openRequests: n.open, canProcess: hasPermission(actor.role, 'sterile.process') && isCentreStaff(actor, c) };
}

/** The pack catalogue with each type's shelf life in this centre's store and its stock on the shelf. */
export async function listSterilePackTypes(ctx: AppContext, actor: Actor, asked: string | undefined): Promise<PackTypeView[]> {
  const { communityId } = sterileScope(actor, 'sterile.read');
  if (asked && asked !== communityId) throw new DomainError('NOT_FOUND', '本医共体尚未设置消毒供应中心');
  const centre = await requireCentre(ctx.db, communityId);
  const rows = await centres.listPackTypes(ctx.db, communityId, businessDate(ctx.clock));
  return rows.map((t) => ({ code: t.code, name: t.name, wrap: t.wrap, contents: t.contents, priceFen: t.price_fen, shelfLifeDays: shelfLifeDays(t.wrap, centre.storage_meets_standard), active: t.active, onShelf: t.on_shelf }));
}
