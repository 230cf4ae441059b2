import type { Actor } from '@yigong/domain';
import type { DiagnosticCentreView, DiagnosticItemView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { cachedCommunityRegion } from '../org/index.ts';
import * as repo from './catalogue.repository.ts';

const DAY_MS = 86_400_000;

/** Reference data every member of the community reads; another community's is OUT_OF_SCOPE. */
async function authorizeCommunity(ctx: AppContext, actor: Actor, communityId: string): Promise<void> {
  authorize(actor, 'reference.read', { communityId, regionCode: await cachedCommunityRegion(ctx, communityId) });
}

export async function listItems(ctx: AppContext, actor: Actor, communityId: string): Promise<DiagnosticItemView[]> {
  await authorizeCommunity(ctx, actor, communityId);
  return (await repo.listItems(ctx.db, communityId)).map((i) => ({
    code: i.code, name: i.name, modality: i.modality, centreId: i.centre_id, centreName: i.centre_name, routineMinutes: i.routine_minutes, urgentMinutes: i.urgent_minutes,
    validityDays: i.validity_days, priceFen: i.price_fen, recognisedBy: i.recognised_by,
    analytes: i.analytes.map((a) => ({ code: a.code, name: a.name, unit: a.unit, low: a.low ?? null, high: a.high ?? null, criticalLow: a.criticalLow ?? null, criticalHigh: a.criticalHigh ?? null })),
    template: { findings: i.template.findings ?? '', conclusion: i.template.conclusion ?? '' },
  }));
}

/** The community's centres with their catalogue size, open orders and the rota of today and tomorrow (Asia/Shanghai). */
export async function listCentres(ctx: AppContext, actor: Actor, communityId: string): Promise<DiagnosticCentreView[]> {
  await authorizeCommunity(ctx, actor, communityId);
  const now = ctx.clock.now();
  // Midnight in Asia/Shanghai (UTC+8, no daylight saving) of today.
  const dayStart = new Date(Math.floor((now.getTime() + 8 * 3_600_000) / DAY_MS) * DAY_MS - 8 * 3_600_000);
  const [centres, rota] = await Promise.all([repo.listCentres(ctx.db, communityId), repo.listRota(ctx.db, communityId, dayStart, new Date(dayStart.getTime() + 2 * DAY_MS))]);
  return centres.map((c) => ({
    id: c.id, name: c.name, modality: c.modality, organizationId: c.organization_id, organizationName: c.organization_name, phone: c.phone, items: c.items, openOrders: c.open_orders,
    rota: rota.filter((r) => r.centre_id === c.id).map((r) => ({ id: r.id, readerName: r.reader_name, userId: r.user_id, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString() })),
  }));
}
