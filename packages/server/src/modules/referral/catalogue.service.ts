import { randomUUID } from 'node:crypto';
import { DomainError, scopeFilter, type Actor, type CatalogueEntry } from '@yigong/domain';
import type { CatalogueEntryInput } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { Sql } from '../../platform/db/database.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { communityRegion } from '../org/index.ts';
import * as repo from './referral.repository.ts';

/** A seed catalogue of common diseases (转诊病种目录) for a new community; the manager edits it. */
export const SEED_CATALOGUE: readonly (CatalogueEntry & { note: string })[] = [
  { level: 'grassroots', codeFrom: 'I10', codeTo: 'I15', rule: 'may_treat', note: '高血压：基层首诊，控制不满意或急症上转' },
  { level: 'grassroots', codeFrom: 'E11', codeTo: 'E11', rule: 'may_treat', note: '2型糖尿病：基层管理' },
  { level: 'grassroots', codeFrom: 'E10', codeTo: 'E10', rule: 'refer_up', note: '1型糖尿病：上级医院确诊和方案制定' },
  { level: 'grassroots', codeFrom: 'I20', codeTo: 'I25', rule: 'refer_up', note: '冠心病：上转明确诊断' },
  { level: 'grassroots', codeFrom: 'I21', codeTo: 'I22', rule: 'refer_up', note: '急性心肌梗死：胸痛中心绿色通道' },
  { level: 'grassroots', codeFrom: 'I60', codeTo: 'I64', rule: 'refer_up', note: '脑卒中：卒中中心绿色通道' },
  { level: 'grassroots', codeFrom: 'J44', codeTo: 'J44', rule: 'may_treat', note: '慢阻肺稳定期：基层管理；急性加重上转' },
  { level: 'grassroots', codeFrom: 'C00', codeTo: 'C97', rule: 'refer_up', note: '恶性肿瘤：上转' },
  { level: 'grassroots', codeFrom: 'O00', codeTo: 'O99', rule: 'refer_up', note: '妊娠相关：孕产妇救治中心' },
  { level: 'county', codeFrom: 'I60', codeTo: 'I69', rule: 'down_when_stable', note: '脑卒中恢复期：下转康复' },
  { level: 'county', codeFrom: 'I10', codeTo: 'I15', rule: 'down_when_stable', note: '高血压稳定：下转基层随访' },
  { level: 'county', codeFrom: 'E11', codeTo: 'E11', rule: 'down_when_stable', note: '糖尿病稳定：下转基层随访' },
  { level: 'county', codeFrom: 'S72', codeTo: 'S72', rule: 'down_when_stable', note: '股骨骨折术后：下转康复' },
  { level: 'county', codeFrom: 'J44', codeTo: 'J44', rule: 'down_when_stable', note: '慢阻肺急性加重缓解：下转' },
];

export async function listCatalogue(ctx: AppContext, actor: Actor, communityId: string) {
  // Reference data of the community: every role that reads reference data reads it (not only referral readers).
  const f = scopeFilter(actor, 'reference.read');
  if (f.communityIds && !f.communityIds.includes(communityId)) throw new DomainError('NOT_FOUND', '医共体不存在或不在您的范围内');
  authorize(actor, 'reference.read', { communityId, regionCode: await communityRegion(ctx.db, communityId) });
  return repo.catalogueOf(ctx.db, communityId);
}

export async function upsertCatalogueEntry(ctx: AppContext, actor: Actor, input: CatalogueEntryInput) {
  if (input.codeTo < input.codeFrom) throw new DomainError('VALIDATION_FAILED', '编码范围的终点早于起点', { field: 'codeTo' });
  const out = await ctx.db.transaction(async (tx) => {
    authorize(actor, 'referral.catalogue', { communityId: input.communityId, regionCode: await communityRegion(tx, input.communityId) });
    await repo.upsertCatalogueEntry(tx, input.communityId, randomUUID(), input);
    await recordAudit(tx, actor, { communityId: input.communityId, action: 'referral.catalogue_set', resourceType: 'referral_catalogue', details: input });
    return repo.catalogueOf(tx, input.communityId);
  });
  ctx.reference.forget(CATALOGUE, input.communityId);
  return out;
}

export async function deleteCatalogueEntry(ctx: AppContext, actor: Actor, communityId: string, id: string) {
  const out = await ctx.db.transaction(async (tx) => {
    authorize(actor, 'referral.catalogue', { communityId, regionCode: await communityRegion(tx, communityId) });
    if (!(await repo.deleteCatalogueEntry(tx, communityId, id))) throw new DomainError('NOT_FOUND', '目录条目不存在');
    await recordAudit(tx, actor, { communityId, action: 'referral.catalogue_delete', resourceType: 'referral_catalogue', resourceId: id });
    return { ok: true };
  });
  ctx.reference.forget(CATALOGUE, communityId);
  return out;
}

const CATALOGUE = 'referral.catalogue';

/** The community's catalogue for a submit's check: from this process's cache (forgotten after every change made here). */
export function cachedCatalogue(ctx: AppContext, sql: Sql, communityId: string) {
  return ctx.reference.get(CATALOGUE, communityId, ctx.clock.now().getTime(), () => repo.catalogueOf(sql, communityId));
}
