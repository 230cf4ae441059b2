import type { OrganizationKind } from '../org/org-kinds.ts';
import { invalid } from '../shared/domain-error.ts';
import { splitByLargestRemainder } from '../shared/largest-remainder.ts';
import { applyRates, assertFen, assertRatio, isWithinRate } from './money.ts';
import { retentionTableProblems, SETTLEMENT_LEVELS, throwFirstProblem, type InsurancePolicy, type RetentionStep, type SettlementLevel } from './policy.ts';

/**
 * The settlement level of an organisation kind (§4): grassroots centres → `center`, village
 * clinics and community stations → `village`, the CDC → null (no share of the surplus), every
 * other member kind (lead, county, TCM, maternal-child, collaborating, private hospitals) → `hospital`.
 */
export function levelOfOrgKind(kind: OrganizationKind): SettlementLevel | null {
  switch (kind) {
    case 'township_center':
    case 'community_center':
      return 'center';
    case 'village_clinic':
    case 'community_station':
      return 'village';
    case 'cdc':
      return null;
    default:
      return 'hospital';
  }
}

export interface SettlementMember {
  organizationId: string;
  /** null: takes no share (e.g. the CDC). */
  level: SettlementLevel | null;
  /** Annual appraisal score 0–100. */
  score: number;
  /** Residents served (a non-negative integer). */
  population: number;
}

export interface MemberShare extends SettlementMember {
  share: number;
}

export type SettlementPolicy = Pick<InsurancePolicy, 'retention' | 'overspendThreshold' | 'overspendFundShare' | 'levelWeights'>;

export interface SettlementInput {
  budget: number;
  outlay: number;
  /** The community's annual appraisal score 0–100. */
  communityScore: number;
  members: readonly SettlementMember[];
  policy: SettlementPolicy;
}

export interface SettlementResult {
  budget: number;
  outlay: number;
  /** D = T − O. */
  difference: number;
  /** The retention ratio for the community's score (0 when overspent). */
  retentionRatio: number;
  retained: number;
  returnedToFund: number;
  /** V = −D when D < 0, else 0. */
  overspend: number;
  fundBears: number;
  communityBears: number;
  /** Σ share = retained exactly. */
  members: MemberShare[];
}

function checkScore(score: number, field: string): void {
  if (!Number.isFinite(score) || score < 0 || score > 100) throw invalid('考核分数须在 0 到 100 之间', field, { value: score });
}

/** The retention ratio of the first step (descending) whose `minScore` the score reaches (§3). */
export function retentionRatio(table: readonly RetentionStep[], score: number): number {
  throwFirstProblem(retentionTableProblems(table));
  checkScore(score, 'communityScore');
  return table.find((s) => score >= s.minScore)!.ratio;
}

/**
 * Splits the retained surplus among members (§4): first among levels by `levelWeights` — a level
 * without a member of positive score × population drops out and the others renormalise — then
 * within each level in proportion to score × population; largest remainder at both steps, so
 * Σ share = retained exactly. Throws when a positive amount finds no member to go to.
 */
export function distributeSurplus(retained: number, members: readonly SettlementMember[], levelWeights: Record<SettlementLevel, number>): MemberShare[] {
  assertFen(retained, 'retained');
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.organizationId)) throw invalid('成员单位重复', `members[${i}].organizationId`, { value: m.organizationId });
    seen.add(m.organizationId);
    checkScore(m.score, `members[${i}].score`);
    if (!Number.isSafeInteger(m.population) || m.population < 0) throw invalid('服务人口须为非负整数', `members[${i}].population`, { value: m.population });
  });
  SETTLEMENT_LEVELS.forEach((l) => {
    const w = levelWeights[l];
    if (!Number.isFinite(w) || w < 0) throw invalid('层级权重须为非负数', `levelWeights.${l}`, { value: w });
  });

  const weightOf = (m: SettlementMember): number => (m.level === null ? 0 : m.score * m.population);
  const present = SETTLEMENT_LEVELS.map((l) => members.some((m) => m.level === l && weightOf(m) > 0));
  const levelTotals = splitOrExplain(retained, SETTLEMENT_LEVELS.map((l, i) => (present[i] ? levelWeights[l] : 0)));
  const shares = members.map(() => 0);
  SETTLEMENT_LEVELS.forEach((level, li) => {
    const indexes = members.flatMap((m, i) => (m.level === level ? [i] : []));
    const parts = splitByLargestRemainder(levelTotals[li]!, indexes.map((i) => weightOf(members[i]!)), 'members');
    indexes.forEach((memberIndex, k) => { shares[memberIndex] = parts[k]!; });
  });
  return members.map((m, i) => ({ ...m, share: shares[i]! }));
}

function splitOrExplain(retained: number, weights: number[]): number[] {
  if (retained > 0 && weights.every((w) => w === 0)) {
    throw invalid('留用结余无法分配：没有考核分数和服务人口均为正、且层级权重为正的成员单位', 'members', { retained });
  }
  return splitByLargestRemainder(retained, weights, 'levelWeights');
}

/**
 * Annual settlement of the capitation budget (§3 结余留用、合理超支分担, §4 distribution):
 * surplus → retained = round(D × retention(score)), the rest back to the fund;
 * overspend → fundBears = round(min(V, threshold × T) × fundShare), communityBears = V − fundBears.
 */
export function settleCapitation(input: SettlementInput): SettlementResult {
  const { budget, outlay, communityScore, members, policy } = input;
  assertFen(budget, 'budget');
  assertFen(outlay, 'outlay');
  assertRatio(policy.overspendThreshold, 'overspendThreshold');
  assertRatio(policy.overspendFundShare, 'overspendFundShare');
  const difference = budget - outlay;
  const ratio = retentionRatio(policy.retention, communityScore);

  if (difference >= 0) {
    const retained = applyRates(difference, ratio);
    return {
      budget, outlay, difference, retentionRatio: ratio, retained, returnedToFund: difference - retained,
      overspend: 0, fundBears: 0, communityBears: 0,
      members: distributeSurplus(retained, members, policy.levelWeights),
    };
  }
  const overspend = -difference;
  // The fund shares only the overspend up to threshold × T; above it the community bears all.
  const fundBears = isWithinRate(overspend, budget, policy.overspendThreshold)
    ? applyRates(overspend, policy.overspendFundShare)
    : applyRates(budget, policy.overspendThreshold, policy.overspendFundShare);
  return {
    budget, outlay, difference, retentionRatio: 0, retained: 0, returnedToFund: 0,
    overspend, fundBears, communityBears: overspend - fundBears,
    members: distributeSurplus(0, members, policy.levelWeights),
  };
}
