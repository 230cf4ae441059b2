import { DomainError, DEFAULT_RULE_SET, RULE_SETS, combineRates, type Actor } from '@yigong/domain';
import type { ChronicRatesResponse } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { businessDate } from '../../platform/clock.ts';
import { authorize } from '../../platform/auth/authorize.ts';
import { cachedCommunityRegion, findOrganizationRef, listOrganizationRefs, organizationSubtree } from '../org/index.ts';
import { chronicRatesByUnitSql, chronicRatesSql, withRates } from './chronic-rates.repository.ts';


/**
 * The rates of each unit that manages patients, as of `asOf` (default: the end of the year, or
 * today): no permission check — for callers that made theirs (the insurance appraisal).
 */
export async function unitChronicRates(ctx: AppContext, communityId: string, year: number, asOfDate?: string) {
  const today = businessDate(ctx.clock);
  const asOf = asOfDate ?? (`${year}-12-31` < today ? `${year}-12-31` : today);
  const rows = await chronicRatesByUnitSql(ctx.db, { communityId, year, asOf, minAge: RULE_SETS[DEFAULT_RULE_SET]!.ratesMinAge });
  const empty = { managed: 0, standard: 0, controlled: 0 };
  const units = new Map<string, { hypertension: ReturnType<typeof withRates>; diabetes: ReturnType<typeof withRates>; combined: ReturnType<typeof combineRates> }>();
  for (const id of new Set(rows.map((r) => r.organizationId))) {
    const h = withRates(rows.find((r) => r.organizationId === id && r.disease === 'hypertension') ?? empty);
    const d = withRates(rows.find((r) => r.organizationId === id && r.disease === 'diabetes') ?? empty);
    units.set(id, { hypertension: h, diabetes: d, combined: combineRates(h, d) });
  }
  return { asOf, units };
}

/** Rates per managing unit of a community (managers, regulators): the table by unit with Excel export. */
export async function chronicRatesByUnit(ctx: AppContext, actor: Actor, q: { communityId: string; year: number; asOf?: string | undefined }) {
  const region = await cachedCommunityRegion(ctx, q.communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  authorize(actor, 'rates.read', { communityId: q.communityId, regionCode: region });
  const { asOf, units: rates } = await unitChronicRates(ctx, q.communityId, q.year, q.asOf);
  const units = await listOrganizationRefs(ctx.db, q.communityId);
  return {
    year: q.year, asOf, communityId: q.communityId,
    items: units.filter((u) => rates.has(u.id)).map((u) => ({ organizationId: u.id, name: u.name, kind: u.kind, parentId: u.parentId, ...rates.get(u.id)! }))
      .sort((a, b) => (a.combined.standardRate ?? -1) - (b.combined.standardRate ?? -1)),
  };
}

/** docs/domain/chronic.md rates for a community or a unit, for a year as of a date (default: end of year or today). */
export async function chronicRates(ctx: AppContext, actor: Actor, q: { communityId: string; organizationId?: string | undefined; year: number; asOf?: string | undefined }): Promise<ChronicRatesResponse> {
  const region = await cachedCommunityRegion(ctx, q.communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  authorize(actor, 'rates.read', { communityId: q.communityId, organizationId: q.organizationId ?? null, regionCode: region });
  // authorize applies the aggregate rule (docs/SECURITY.md "Aggregates"): without organizationId a unit's account is refused.
  if (q.organizationId && !(await findOrganizationRef(ctx.db, q.communityId, q.organizationId))) throw new DomainError('NOT_FOUND', '机构不存在');
  const today = businessDate(ctx.clock);
  const asOf = q.asOf ?? (`${q.year}-12-31` < today ? `${q.year}-12-31` : today);
  if (asOf.slice(0, 4) !== String(q.year)) throw new DomainError('VALIDATION_FAILED', '统计截止日须在统计年度内', { field: 'asOf' });
  const units = q.organizationId ? await organizationSubtree(ctx.db, q.communityId, q.organizationId) : null;
  const rules = RULE_SETS[DEFAULT_RULE_SET]!;
  const r = await chronicRatesSql(ctx.db, { communityId: q.communityId, organizationIds: units, year: q.year, asOf, minAge: rules.ratesMinAge });
  return { year: q.year, asOf, scope: { communityId: q.communityId, organizationId: q.organizationId ?? null }, ruleSet: rules.version, ...r, combined: combineRates(r.hypertension, r.diabetes) };
}
