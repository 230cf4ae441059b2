import { invalid } from '../shared/domain-error.ts';
import { splitByLargestRemainder } from '../shared/largest-remainder.ts';
import { assertFen } from './money.ts';
import { outlierBoundsProblems, throwFirstProblem, type DrgParameters } from './policy.ts';

/**
 * DRG payment (policy texts 000 and 004; docs/domain/insurance.md "§6 DRG").
 * Outliers are paid their actual cost (by item); the rest of the budget is paid by relative weight.
 */

export interface DrgCase {
  organizationId: string;
  drgCode: string;
  /** Relative weight (RW) of the DRG, ≥ 0. */
  weight: number;
  totalCost: number;
}

export type DrgOutlier = 'low' | 'high' | null;

/** Group standard costs from reference-year cases: the average total cost of each DRG. */
export function drgGroupStandards(reference: readonly Pick<DrgCase, 'drgCode' | 'totalCost'>[]): Map<string, number> {
  const sums = new Map<string, { cases: number; cost: number }>();
  reference.forEach((c, i) => {
    assertFen(c.totalCost, `referenceCases[${i}].totalCost`);
    const s = sums.get(c.drgCode) ?? { cases: 0, cost: 0 };
    s.cases += 1;
    s.cost += c.totalCost;
    sums.set(c.drgCode, s);
  });
  return new Map([...sums].map(([code, s]) => [code, s.cost / s.cases]));
}

/**
 * High outlier: cost ≥ high × standard; low: cost ≤ low × standard (both bounds inclusive, §6).
 * A group without a positive standard cannot be judged: no outlier.
 */
export function classifyDrgOutlier(totalCost: number, standard: number | undefined, params: DrgParameters): DrgOutlier {
  if (standard === undefined || !(standard > 0)) return null;
  if (totalCost >= params.highOutlierRatio * standard) return 'high';
  if (totalCost <= params.lowOutlierRatio * standard) return 'low';
  return null;
}

export interface DrgMemberPayment {
  organizationId: string;
  cases: number;
  outlierCases: number;
  /** Σ RW of all its cases. */
  weight: number;
  /** Σ RW ÷ cases. */
  cmi: number;
  /** Its outliers' costs plus its share of the weight-paid budget; Σ payment = budget exactly. */
  payment: number;
}

export interface DrgSettlement {
  /** (budget − Σ outlier costs) ÷ Σ RW of the non-outlier cases, unrounded. */
  baseRate: number;
  /** Σ RW of the non-outlier cases (what the base rate pays). */
  paidWeight: number;
  /** Σ RW of all cases. */
  totalWeight: number;
  /** Case mix index: Σ RW ÷ cases (all cases); null without cases. */
  cmi: number | null;
  cases: number;
  lowOutliers: number;
  highOutliers: number;
  /** Σ total cost of the outliers, paid by item. */
  itemPayments: number;
  members: DrgMemberPayment[];
}

export interface DrgSettlementInput {
  cases: readonly DrgCase[];
  /** Standard cost per DRG code (e.g. from `drgGroupStandards`). */
  standards: ReadonlyMap<string, number>;
  budget: number;
  params: DrgParameters;
}

/** Case mix index Σ RW ÷ cases; null without cases. */
export function caseMixIndex(cases: readonly Pick<DrgCase, 'weight'>[]): number | null {
  return cases.length === 0 ? null : cases.reduce((s, c) => s + c.weight, 0) / cases.length;
}

/**
 * Settles a DRG budget (§6): outliers are paid their cost first; the base rate spreads what is
 * left over the non-outlier cases' weights, so outliers and weight-paid cases together spend the
 * budget exactly. Member payments by largest remainder over their non-outlier weight.
 */
export function settleDrg(input: DrgSettlementInput): DrgSettlement {
  const { cases, standards, budget, params } = input;
  assertFen(budget, 'budget');
  throwFirstProblem(outlierBoundsProblems(params, 'drg'));

  const byMember = new Map<string, { cases: number; outlierCases: number; weight: number; paidWeight: number; itemPayments: number }>();
  let totalWeight = 0;
  let paidWeight = 0;
  let itemPayments = 0;
  let lowOutliers = 0;
  let highOutliers = 0;
  cases.forEach((c, i) => {
    assertFen(c.totalCost, `cases[${i}].totalCost`);
    if (!Number.isFinite(c.weight) || c.weight < 0) throw invalid('相对权重（RW）须为非负数', `cases[${i}].weight`, { value: c.weight });
    const m = byMember.get(c.organizationId) ?? { cases: 0, outlierCases: 0, weight: 0, paidWeight: 0, itemPayments: 0 };
    m.cases += 1;
    m.weight += c.weight;
    totalWeight += c.weight;
    const outlier = classifyDrgOutlier(c.totalCost, standards.get(c.drgCode), params);
    if (outlier === null) {
      m.paidWeight += c.weight;
      paidWeight += c.weight;
    } else {
      if (outlier === 'low') lowOutliers++;
      else highOutliers++;
      m.outlierCases += 1;
      m.itemPayments += c.totalCost;
      itemPayments += c.totalCost;
    }
    byMember.set(c.organizationId, m);
  });

  const weightBudget = budget - itemPayments;
  if (weightBudget < 0) throw invalid('按项目支付的极端病例费用超过 DRG 预算', 'budget', { budget, itemPayments });
  if (weightBudget > 0 && paidWeight === 0) throw invalid('没有按权重支付的病例，无法计算费率', 'cases', { cases: cases.length });
  const ids = [...byMember.keys()];
  const shares = splitByLargestRemainder(weightBudget, ids.map((id) => byMember.get(id)!.paidWeight), 'cases');
  return {
    baseRate: paidWeight === 0 ? 0 : weightBudget / paidWeight,
    paidWeight,
    totalWeight,
    cmi: cases.length === 0 ? null : totalWeight / cases.length,
    cases: cases.length,
    lowOutliers,
    highOutliers,
    itemPayments,
    members: ids.map((organizationId, k) => {
      const m = byMember.get(organizationId)!;
      return { organizationId, cases: m.cases, outlierCases: m.outlierCases, weight: m.weight, cmi: m.weight / m.cases, payment: m.itemPayments + shares[k]! };
    }),
  };
}
