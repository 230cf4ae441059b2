import { invalid } from '../shared/domain-error.ts';
import { splitByLargestRemainder } from '../shared/largest-remainder.ts';
import { assertFen } from './money.ts';
import { outlierBoundsProblems, throwFirstProblem, type DipLevel, type DipParameters } from './policy.ts';

/**
 * DIP point payment (按病种分值付费, policy text 001; docs/domain/insurance.md "§5 DIP").
 * Linear in the number of cases: one pass to group, one to score.
 */

export interface DipReferenceCase {
  primaryDiagnosis: string;
  totalCost: number;
}

export interface DipGroupScore {
  cases: number;
  averageCost: number;
  score: number;
}

export interface DipScores {
  base: number;
  allCaseAverage: number;
  groups: ReadonlyMap<string, DipGroupScore>;
}

/** The disease group of a primary diagnosis: its ICD-10 category, 3 characters (`E11.9` → `E11`). */
export function dipGroupOf(primaryDiagnosis: string): string {
  const group = primaryDiagnosis.trim().toUpperCase().slice(0, 3);
  if (!/^[A-Z][0-9]{2}$/.test(group)) throw invalid('主诊断须为 ICD-10 编码', 'primaryDiagnosis', { value: primaryDiagnosis });
  return group;
}

/** Disease scores from the reference year (benchmark method): S_d = group average ÷ all-case average × base. */
export function computeDipScores(reference: readonly DipReferenceCase[], base: number): DipScores {
  const sums = new Map<string, { cases: number; cost: number }>();
  reference.forEach((c, i) => {
    assertFen(c.totalCost, `referenceCases[${i}].totalCost`);
    const g = dipGroupOf(c.primaryDiagnosis);
    const s = sums.get(g) ?? { cases: 0, cost: 0 };
    s.cases += 1;
    s.cost += c.totalCost;
    sums.set(g, s);
  });
  return dipScoresFromGroups([...sums].map(([group, s]) => ({ group, cases: s.cases, totalCost: s.cost })), base);
}

/** Reference cases summed per group (the database sums them at county scale). */
export interface DipGroupTotal {
  group: string;
  cases: number;
  totalCost: number;
}

/** `computeDipScores` from per-group totals: S_d = (group cost ÷ group cases) ÷ (all cost ÷ all cases) × base. */
export function dipScoresFromGroups(totals: readonly DipGroupTotal[], base: number): DipScores {
  if (!Number.isFinite(base) || base <= 0) throw invalid('基准分值须为正数', 'dip.base', { value: base });
  let cases = 0;
  let total = 0;
  totals.forEach((t, i) => {
    if (!Number.isInteger(t.cases) || t.cases <= 0) throw invalid('病种例数须为正整数', `referenceGroups[${i}].cases`, { value: t.cases });
    assertFen(t.totalCost, `referenceGroups[${i}].totalCost`);
    cases += t.cases;
    total += t.totalCost;
  });
  if (cases === 0) throw invalid('基准年度没有病例，无法计算病种分值', 'referenceCases');
  const allCaseAverage = total / cases;
  if (allCaseAverage === 0) throw invalid('基准年度病例总费用为零，无法计算病种分值', 'referenceCases');
  const groups = new Map<string, DipGroupScore>();
  for (const t of totals) {
    const averageCost = t.totalCost / t.cases;
    groups.set(dipGroupOf(t.group), { cases: t.cases, averageCost, score: (averageCost / allCaseAverage) * base });
  }
  return { base, allCaseAverage, groups };
}

export interface DipCase {
  organizationId: string;
  level: DipLevel;
  primaryDiagnosis: string;
  totalCost: number;
}

export type DipOutlier = 'low' | 'high' | null;

export interface DipCasePoints {
  group: string;
  /** S_d; the base (all-case average) for a group absent from the reference year. */
  score: number;
  coefficient: number;
  outlier: DipOutlier;
  points: number;
}

/**
 * Points of one case (§5): S_d × level coefficient; a low outlier (cost < low × group average)
 * scores S_d × cost/avg, a high one (cost > high × avg) S_d × (cost/avg − 1), each times the
 * coefficient too — it is the organisation's, not the case's.
 */
export function dipCasePoints(c: DipCase, scores: DipScores, params: DipParameters): DipCasePoints {
  return casePoints(c, scores, params, new Set(params.uniformGroups), 'case');
}

function casePoints(c: DipCase, scores: DipScores, params: DipParameters, uniformGroups: ReadonlySet<string>, field: string): DipCasePoints {
  assertFen(c.totalCost, `${field}.totalCost`);
  const group = dipGroupOf(c.primaryDiagnosis);
  const known = scores.groups.get(group);
  const score = known ? known.score : scores.base;
  const average = known ? known.averageCost : scores.allCaseAverage;
  const coefficient = uniformGroups.has(group) ? 1 : levelCoefficient(c.level, params, field);
  let outlier: DipOutlier = null;
  let factor = 1;
  if (average > 0) {
    const relative = c.totalCost / average;
    if (relative < params.lowOutlierRatio) { outlier = 'low'; factor = relative; }
    else if (relative > params.highOutlierRatio) { outlier = 'high'; factor = relative - 1; }
  }
  return { group, score, coefficient, outlier, points: score * coefficient * factor };
}

function levelCoefficient(level: DipLevel, params: DipParameters, field: string): number {
  const k = params.levelCoefficients[level] as number | undefined;
  if (k === undefined) throw invalid('按病种分值付费只适用于医院和乡镇卫生院（社区卫生服务中心）的住院病例', `${field}.level`, { value: level });
  if (!Number.isFinite(k) || k <= 0) throw invalid('级别系数须为正数', `dip.levelCoefficients.${level}`, { value: k });
  return k;
}

export interface DipMemberPayment {
  organizationId: string;
  cases: number;
  points: number;
  payment: number;
}

export interface DipSettlement {
  /** (budget − adjustmentReserve) ÷ Σ points, unrounded. */
  pointValue: number;
  totalPoints: number;
  cases: number;
  lowOutliers: number;
  highOutliers: number;
  /** Members in order of first case; Σ payment = budget − adjustmentReserve exactly. */
  members: DipMemberPayment[];
}

export interface DipSettlementInput {
  cases: readonly DipCase[];
  scores: DipScores;
  budget: number;
  adjustmentReserve: number;
  params: DipParameters;
}

/**
 * Point value and member payments for a period (§5): no intermediate rounding; each member's
 * payment is its points' share of budget − adjustmentReserve by largest remainder.
 */
export function settleDipPoints(input: DipSettlementInput): DipSettlement {
  const { cases, scores, budget, adjustmentReserve, params } = input;
  assertFen(budget, 'budget');
  assertFen(adjustmentReserve, 'adjustmentReserve');
  if (adjustmentReserve > budget) throw invalid('调节金不能超过预算', 'adjustmentReserve', { budget, adjustmentReserve });
  throwFirstProblem(outlierBoundsProblems(params, 'dip'));
  const distributable = budget - adjustmentReserve;

  const byMember = new Map<string, { cases: number; points: number }>();
  let totalPoints = 0;
  let lowOutliers = 0;
  let highOutliers = 0;
  const uniformGroups = new Set(params.uniformGroups);
  cases.forEach((c, i) => {
    const p = casePoints(c, scores, params, uniformGroups, `cases[${i}]`);
    if (p.outlier === 'low') lowOutliers++;
    else if (p.outlier === 'high') highOutliers++;
    const m = byMember.get(c.organizationId) ?? { cases: 0, points: 0 };
    m.cases += 1;
    m.points += p.points;
    byMember.set(c.organizationId, m);
    totalPoints += p.points;
  });
  if (totalPoints === 0 && distributable > 0) throw invalid('本期病例总分值为零，无法计算点值', 'cases', { cases: cases.length });

  const ids = [...byMember.keys()];
  const points = ids.map((id) => byMember.get(id)!.points);
  const payments = splitByLargestRemainder(distributable, points, 'cases');
  return {
    pointValue: totalPoints === 0 ? 0 : distributable / totalPoints,
    totalPoints,
    cases: cases.length,
    lowOutliers,
    highOutliers,
    members: ids.map((organizationId, k) => ({ organizationId, cases: byMember.get(organizationId)!.cases, points: points[k]!, payment: payments[k]! })),
  };
}
