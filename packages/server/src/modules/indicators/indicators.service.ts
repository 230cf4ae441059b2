import { DomainError, INDICATOR_DEFINITIONS, INDICATOR_VERSION, MODULE_INDICATOR_DEFINITIONS, evaluateIndicator, periodMonths, type Actor, type IndicatorDefinition, type Metric } from '@yigong/domain';
import type { IndicatorValueView, TopDiseasesValue } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { authorize, requirePermission } from '../../platform/auth/authorize.ts';
import { cachedCommunityRegion, findOrganizationRef } from '../org/index.ts';
import * as encounters from '../encounters/index.ts';
import { moduleValues } from './module-indicators.service.ts';

/** May `actor` read the indicators of this community (or of one of its units)? Throws if not. */
async function authorizeIndicators(ctx: AppContext, actor: Actor, communityId: string, organizationId: string | null): Promise<void> {
  requirePermission(actor, 'indicator.read');
  const region = await cachedCommunityRegion(ctx, communityId);
  if (!region) throw new DomainError('NOT_FOUND', '医共体不存在');
  // A unit-scoped manager (unit director) reads its own unit's numbers; the community's need a community scope.
  authorize(actor, 'indicator.read', { communityId, regionCode: region, organizationId });
  if (organizationId && !(await findOrganizationRef(ctx.db, communityId, organizationId))) throw new DomainError('NOT_FOUND', '机构不存在');
}

/**
 * The encounter-based indicators from summed counters (docs/domain/indicators.md). Resident-based ones are
 * community-wide and omitted for a unit; out-of-county ones say so when no insurance data arrived.
 */
function encounterValues(sums: Partial<Record<Metric, number>>, unitLevel: boolean, outOfCountyData: boolean) {
  return INDICATOR_DEFINITIONS.filter((d: IndicatorDefinition) => !(unitLevel && d.communityOnly)).map((d) => ({
    ...evaluateIndicator(d, sums),
    ...(d.needsOutOfCounty && !outOfCountyData ? { note: 'no_out_of_county_data' as const } : {}),
  }));
}

/**
 * Indicator values for a community or a unit and a period (docs/domain/indicators.md), from the monthly
 * aggregates only — never a scan of raw encounters — plus the other modules' indicators and the
 * top out-of-county diseases for a community.
 */
export async function indicatorValues(ctx: AppContext, actor: Actor, q: { communityId: string; organizationId?: string | undefined; period: string }) {
  const organizationId = q.organizationId ?? null;
  await authorizeIndicators(ctx, actor, q.communityId, organizationId);
  const months = periodMonths(q.period);
  const sums = await encounters.sumAggregates(ctx.db, q.communityId, months, organizationId);
  const outData = organizationId ? await encounters.hasOutOfCountyData(ctx.db, q.communityId, months) : (sums.out_county ?? 0) > 0;
  const values: (IndicatorValueView | TopDiseasesValue)[] = encounterValues(sums, !!organizationId, outData);
  if (!organizationId) {
    const top = await encounters.topDiseases(ctx.db, q.communityId, months);
    const total = top.reduce((a, t) => a + t.count, 0);
    const all = (sums.res_ip_out ?? 0) || total;
    values.push(...(await moduleValues(ctx, actor, q.communityId, months)));
    values.push({ code: 'top_out_county_diseases', items: top.map((t) => ({ icd3: t.icd3, name: t.name, count: t.count, share: all ? t.count / all : null })), ...(outData ? {} : { note: 'no_out_of_county_data' as const }) });
  }
  return { period: q.period, scope: { communityId: q.communityId, ...(organizationId ? { organizationId } : {}) }, values };
}

const MAX_SERIES_MONTHS = 60;

/**
 * Month-by-month encounter indicators from `from` to `to` (YYYY-MM) in one aggregate query: the
 * dashboard's 12-month trend without twelve requests. Module indicators are not in the series.
 */
export async function indicatorSeries(ctx: AppContext, actor: Actor, q: { communityId: string; organizationId?: string | undefined; from: string; to: string }) {
  const organizationId = q.organizationId ?? null;
  const months = monthRange(q.from, q.to);
  if (!months.length || months.length > MAX_SERIES_MONTHS) throw new DomainError('VALIDATION_FAILED', `from 须不晚于 to，且不超过 ${MAX_SERIES_MONTHS} 个月`, { from: q.from, to: q.to });
  await authorizeIndicators(ctx, actor, q.communityId, organizationId);
  const [byMonth, community] = await Promise.all([
    encounters.sumAggregatesByMonth(ctx.db, q.communityId, months, organizationId),
    organizationId ? encounters.sumAggregatesByMonth(ctx.db, q.communityId, months, null) : null,
  ]);
  return {
    scope: { communityId: q.communityId, ...(organizationId ? { organizationId } : {}) },
    months: months.map((m) => {
      const sums = byMonth.get(m) ?? {};
      const out = ((community ?? byMonth).get(m)?.out_county ?? 0) > 0;
      return { period: m.slice(0, 7), values: encounterValues(sums, !!organizationId, out) };
    }),
  };
}

/** The unit-level indicators of every member unit for a period in one aggregate query (the ranking). */
export async function indicatorsByUnit(ctx: AppContext, actor: Actor, q: { communityId: string; period: string }) {
  await authorizeIndicators(ctx, actor, q.communityId, null);
  const months = periodMonths(q.period);
  const [byUnit, outData] = await Promise.all([encounters.sumAggregatesByUnit(ctx.db, q.communityId, months), encounters.hasOutOfCountyData(ctx.db, q.communityId, months)]);
  return {
    period: q.period,
    scope: { communityId: q.communityId },
    units: [...byUnit].map(([organizationId, sums]) => ({ organizationId, values: encounterValues(sums, true, outData) })),
  };
}

/** `2025-01`..`2025-12` → first days of each month, inclusive. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while ((y < ty || (y === ty && m <= tm)) && out.length <= MAX_SERIES_MONTHS) {
    out.push(`${y}-${String(m).padStart(2, '0')}-01`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The definitions as data (docs/domain/indicators.md: `{ code, name_zh, name_en, numerator, denominator, unit, direction, target, source, version }`). */
export function listDefinitions() {
  const named = <T extends { nameZh: string; nameEn: string }>(d: T) => ({ ...d, name_zh: d.nameZh, name_en: d.nameEn });
  return {
    items: [
      ...INDICATOR_DEFINITIONS.map((d) => named(d)),
      ...MODULE_INDICATOR_DEFINITIONS.map((d) => ({ ...named(d), version: INDICATOR_VERSION, module: true })),
    ],
  };
}
