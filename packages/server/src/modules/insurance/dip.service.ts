import { DomainError, dipScoresFromGroups, levelOfOrgKind, settleDipPoints, type Actor, type DipCase, type DipLevel, type OrganizationKind } from '@yigong/domain';
import type { DipRequest, DipView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listOrganizationRefs } from '../org/index.ts';
import { authorizeCommunity } from './insurance-access.ts';
import { policyOrDefaults } from './policy.service.ts';
import * as repo from './insurance.repository.ts';

/** `2025` → the year; `2025-03` → that month: [first month, first month after). */
export function periodRange(period: string): [string, string] {
  const [y, m] = period.split('-').map(Number) as [number, number | undefined];
  if (m === undefined) return [`${y}-01-01`, `${y + 1}-01-01`];
  return [`${y}-${String(m).padStart(2, '0')}-01`, m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`];
}

/**
 * POST /insurance/dip/point-value (docs/domain/insurance.md "§5 DIP"): disease scores from the
 * reference year's in-county inpatient cases, the period's cases scored with the level
 * coefficient and the outlier rules, the point value and each member's payment (adding up to
 * budget − adjustmentReserve). Parameters not in the request come from the period year's policy,
 * else the defaults. A village clinic's inpatient case (rare) is paid at the township level.
 */
export async function dipPointValue(ctx: AppContext, actor: Actor, input: DipRequest): Promise<DipView> {
  await authorizeCommunity(ctx, actor, 'insurance.write', input.communityId);
  const dip = (await policyOrDefaults(ctx.db, input.communityId, Number(input.period.slice(0, 4)))).dip;
  const params = { ...dip, ...(input.levelCoefficients ? { levelCoefficients: input.levelCoefficients } : {}), ...(input.base !== undefined ? { base: input.base } : {}) };
  const [refFrom, refTo] = periodRange(String(input.referenceYear));
  const [from, to] = periodRange(input.period);
  const [reference, period, units] = await Promise.all([
    repo.inpatientGroupTotals(ctx.db, input.communityId, refFrom, refTo),
    repo.inpatientCases(ctx.db, input.communityId, from, to),
    listOrganizationRefs(ctx.db, input.communityId),
  ]);
  if (!reference.length) throw new DomainError('VALIDATION_FAILED', `基准年度 ${input.referenceYear} 没有县域内住院病例`, { field: 'referenceYear' });
  const scores = dipScoresFromGroups(reference, params.base);
  const unit = new Map(units.map((u) => [u.id, u]));
  const levelOf = (id: string): DipLevel => {
    const level = levelOfOrgKind((unit.get(id)?.kind ?? 'county_hospital') as OrganizationKind);
    return level === 'hospital' ? 'hospital' : 'center';
  };
  const cases: DipCase[] = period.groups.map((g, i) => ({ organizationId: period.organizationIds[i]!, level: levelOf(period.organizationIds[i]!), primaryDiagnosis: g, totalCost: period.costs[i]! }));
  if (!cases.length) throw new DomainError('VALIDATION_FAILED', `${input.period} 没有县域内住院病例`, { field: 'period' });
  const r = settleDipPoints({ cases, scores, budget: input.budget, adjustmentReserve: input.adjustmentReserve, params });
  await recordAudit(ctx.db, actor, { communityId: input.communityId, action: 'insurance.dip', resourceType: 'dip_point_value', resourceId: input.period, details: { referenceYear: input.referenceYear, budget: input.budget, adjustmentReserve: input.adjustmentReserve, pointValue: r.pointValue, cases: r.cases } });
  return {
    communityId: input.communityId, referenceYear: input.referenceYear, period: input.period,
    pointValue: r.pointValue, totalPoints: r.totalPoints, cases: r.cases, lowOutliers: r.lowOutliers, highOutliers: r.highOutliers,
    members: r.members.map((m) => ({ ...m, organizationName: unit.get(m.organizationId)?.name ?? '' })).sort((a, b) => b.payment - a.payment),
  };
}
