import { DomainError, drgGroupStandards, settleDrg, type Actor } from '@yigong/domain';
import type { DrgRequest, DrgView } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { listOrganizationRefs } from '../org/index.ts';
import { periodRange } from './dip.service.ts';
import { authorizeCommunity } from './insurance-access.ts';
import { policyOrDefaults } from './policy.service.ts';
import * as repo from './insurance.repository.ts';

/**
 * POST /insurance/drg/base-rate (docs/domain/insurance.md "§6 DRG"): each DRG's standard cost from
 * the reference year's grouped in-county inpatient cases, the period's cases paid from `budget` —
 * outliers (by the policy's bounds) by item, the rest by relative weight at the base rate — and
 * the CMI of the community and of each member. Outlier bounds from the period year's policy, else
 * the defaults. A calculation: audited, nothing else stored.
 */
export async function drgBaseRate(ctx: AppContext, actor: Actor, input: DrgRequest): Promise<DrgView> {
  await authorizeCommunity(ctx, actor, 'insurance.write', input.communityId);
  const params = (await policyOrDefaults(ctx.db, input.communityId, Number(input.period.slice(0, 4)))).drg;
  const [refFrom, refTo] = periodRange(String(input.referenceYear));
  const [from, to] = periodRange(input.period);
  const [reference, period, units] = await Promise.all([
    repo.drgCases(ctx.db, input.communityId, refFrom, refTo),
    repo.drgCases(ctx.db, input.communityId, from, to),
    listOrganizationRefs(ctx.db, input.communityId),
  ]);
  if (!reference.codes.length) throw new DomainError('VALIDATION_FAILED', `基准年度 ${input.referenceYear} 没有 DRG 分组的住院病例`, { field: 'referenceYear' });
  if (!period.codes.length) throw new DomainError('VALIDATION_FAILED', `${input.period} 没有 DRG 分组的住院病例`, { field: 'period' });
  const standards = drgGroupStandards(reference.codes.map((drgCode, i) => ({ drgCode, totalCost: reference.costs[i]! })));
  const cases = period.codes.map((drgCode, i) => ({ organizationId: period.organizationIds[i]!, drgCode, weight: period.weights[i]!, totalCost: period.costs[i]! }));
  const r = settleDrg({ cases, standards, budget: input.budget, params });
  await recordAudit(ctx.db, actor, { communityId: input.communityId, action: 'insurance.drg', resourceType: 'drg_base_rate', resourceId: input.period, details: { referenceYear: input.referenceYear, budget: input.budget, baseRate: r.baseRate, cases: r.cases } });
  const names = new Map(units.map((u) => [u.id, u.name]));
  return {
    communityId: input.communityId, referenceYear: input.referenceYear, period: input.period,
    baseRate: r.baseRate, cmi: r.cmi, cases: r.cases, lowOutliers: r.lowOutliers, highOutliers: r.highOutliers, itemPayments: r.itemPayments, totalWeight: r.totalWeight,
    members: r.members.map((m) => ({ organizationId: m.organizationId, organizationName: names.get(m.organizationId) ?? '', cases: m.cases, outlierCases: m.outlierCases, weight: m.weight, cmi: m.cmi, payment: m.payment }))
      .sort((a, b) => b.payment - a.payment),
  };
}
