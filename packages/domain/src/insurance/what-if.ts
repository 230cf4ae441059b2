import { invalid } from '../shared/domain-error.ts';
import { computeCapitationBudget, type CapitationBudget } from './budget.ts';
import { mergePolicy, policyProblems, throwFirstProblem, type InsurancePolicy, type InsurancePolicyPatch, type SettlementLevel } from './policy.ts';
import { settleCapitation, type SettlementMember, type SettlementResult } from './settlement.ts';

/**
 * What-if (docs/domain/insurance.md "What-if"): the year's settlement as it is, and again with some
 * policy parameters, the outlay or appraisal scores changed, side by side with the differences.
 */

export interface WhatIfCase {
  /** The full policy of the community and year, financing included (the budget is derived from it). */
  policy: InsurancePolicy;
  outlay: number;
  communityScore: number;
  members: readonly SettlementMember[];
}

export interface WhatIfChanges {
  /** Parameters to change; omitted ones keep the actual policy's values. */
  policy?: InsurancePolicyPatch;
  outlay?: number;
  communityScore?: number;
  /** New appraisal scores by organisation id. */
  memberScores?: Readonly<Record<string, number>>;
  /** New populations served by organisation id. */
  memberPopulations?: Readonly<Record<string, number>>;
}

export interface WhatIfSide {
  policy: InsurancePolicy;
  capitation: CapitationBudget;
  settlement: SettlementResult;
}

export interface WhatIfMemberDifference {
  organizationId: string;
  level: SettlementLevel | null;
  actualShare: number;
  scenarioShare: number;
  /** scenario − actual. */
  difference: number;
}

/** Every difference is scenario − actual. */
export interface WhatIfDifferences {
  riskReserve: number;
  budget: number;
  outlay: number;
  /** Difference of D = T − O (the surplus, or minus the overspend). */
  surplus: number;
  retained: number;
  returnedToFund: number;
  overspend: number;
  fundBears: number;
  communityBears: number;
  members: WhatIfMemberDifference[];
}

export interface WhatIfComparison {
  actual: WhatIfSide;
  scenario: WhatIfSide;
  differences: WhatIfDifferences;
}

function settle(c: WhatIfCase, prefix: string): WhatIfSide {
  throwFirstProblem(policyProblems(c.policy).map((p) => ({ ...p, field: `${prefix}.policy.${p.field}` })));
  const capitation = computeCapitationBudget(c.policy);
  const settlement = settleCapitation({ budget: capitation.budget, outlay: c.outlay, communityScore: c.communityScore, members: c.members, policy: c.policy });
  return { policy: c.policy, capitation, settlement };
}

function checkKnown(overrides: Readonly<Record<string, number>> | undefined, ids: ReadonlySet<string>, field: string): void {
  for (const id of Object.keys(overrides ?? {})) {
    if (!ids.has(id)) throw invalid('情景中的成员单位不在结算名单中', `${field}.${id}`);
  }
}

/** Settles the actual case and the scenario (the actual case with `changes` applied) and compares them. */
export function compareWhatIf(actualCase: WhatIfCase, changes: WhatIfChanges): WhatIfComparison {
  const ids = new Set(actualCase.members.map((m) => m.organizationId));
  checkKnown(changes.memberScores, ids, 'memberScores');
  checkKnown(changes.memberPopulations, ids, 'memberPopulations');
  const scenarioCase: WhatIfCase = {
    policy: mergePolicy(actualCase.policy, changes.policy ?? {}),
    outlay: changes.outlay ?? actualCase.outlay,
    communityScore: changes.communityScore ?? actualCase.communityScore,
    members: actualCase.members.map((m) => ({
      ...m,
      score: changes.memberScores?.[m.organizationId] ?? m.score,
      population: changes.memberPopulations?.[m.organizationId] ?? m.population,
    })),
  };
  const actual = settle(actualCase, 'actual');
  const scenario = settle(scenarioCase, 'scenario');
  const a = actual.settlement;
  const s = scenario.settlement;
  return {
    actual,
    scenario,
    differences: {
      riskReserve: scenario.capitation.riskReserve - actual.capitation.riskReserve,
      budget: s.budget - a.budget,
      outlay: s.outlay - a.outlay,
      surplus: s.difference - a.difference,
      retained: s.retained - a.retained,
      returnedToFund: s.returnedToFund - a.returnedToFund,
      overspend: s.overspend - a.overspend,
      fundBears: s.fundBears - a.fundBears,
      communityBears: s.communityBears - a.communityBears,
      // Same members in the same order on both sides: only scores and populations change.
      members: a.members.map((m, i) => {
        const scenarioShare = s.members[i]!.share;
        return { organizationId: m.organizationId, level: m.level, actualShare: m.share, scenarioShare, difference: scenarioShare - m.share };
      }),
    },
  };
}
