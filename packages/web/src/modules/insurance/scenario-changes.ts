import { mergePolicy, type InsurancePolicy, type InsurancePolicyPatch } from '@yigong/domain';
import type { ScenarioRequest } from '@yigong/contracts';
import { fenOf, percentOf, ratioOf, yuanOf } from './insurance-format.ts';
import { fieldPathOf, policyPatch } from './policy-values.ts';

export type ScenarioChanges = ScenarioRequest['changes'];

/**
 * The scenario editor's values: the parameters that move a settlement (financing, budget share,
 * risk reserve, retention, overspend sharing, level weights) in yuan and percent, and the outlay,
 * community score and members' scores and populations (empty: as they stand).
 */
export interface ScenarioValues {
  financing: number | null;
  riskReserveRate: number | null;
  budgetShare: number | null;
  retention: { minScore: number | null; ratio: number | null }[];
  overspendThreshold: number | null;
  overspendFundShare: number | null;
  levelWeights: { hospital: number | null; center: number | null; village: number | null };
  outlay: number | null;
  score: number | null;
  memberScores: { organizationId?: string; score?: number | null; population?: number | null }[];
}

const given = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** The editor's values of a year's policy with saved `changes` laid over it. */
export function scenarioValuesOf(actual: InsurancePolicy, changes: ScenarioChanges = {}): ScenarioValues {
  const p = mergePolicy(actual, (changes.policy ?? {}) as InsurancePolicyPatch);
  return {
    financing: yuanOf(p.financing),
    riskReserveRate: percentOf(p.riskReserveRate),
    budgetShare: percentOf(p.budgetShare),
    retention: p.retention.map((s) => ({ minScore: s.minScore, ratio: percentOf(s.ratio) })),
    overspendThreshold: percentOf(p.overspendThreshold),
    overspendFundShare: percentOf(p.overspendFundShare),
    levelWeights: { ...p.levelWeights },
    outlay: given(changes.outlay) ? yuanOf(changes.outlay) : null,
    score: given(changes.score) ? changes.score : null,
    memberScores: (changes.memberScores ?? []).map((m) => ({ organizationId: m.organizationId, score: m.score ?? null, population: m.population ?? null })),
  };
}

/**
 * What the scenario changes against the actual year: the policy parameters that differ (a patch
 * over the actual policy), the outlay, the community score, and the members given a score or a
 * population. A field left empty changes nothing.
 */
export function changesOf(actual: InsurancePolicy, v: ScenarioValues): ScenarioChanges {
  const patch: InsurancePolicyPatch = {};
  if (given(v.financing)) patch.financing = fenOf(v.financing);
  if (given(v.riskReserveRate)) patch.riskReserveRate = ratioOf(v.riskReserveRate);
  if (given(v.budgetShare)) patch.budgetShare = ratioOf(v.budgetShare);
  const steps = v.retention ?? [];
  if (steps.length > 0 && steps.every((s) => s && given(s.minScore) && given(s.ratio))) patch.retention = steps.map((s) => ({ minScore: s.minScore!, ratio: ratioOf(s.ratio!) }));
  if (given(v.overspendThreshold)) patch.overspendThreshold = ratioOf(v.overspendThreshold);
  if (given(v.overspendFundShare)) patch.overspendFundShare = ratioOf(v.overspendFundShare);
  const w = v.levelWeights ?? {};
  if (given(w.hospital) && given(w.center) && given(w.village)) patch.levelWeights = { hospital: w.hospital, center: w.center, village: w.village };
  const policy = policyPatch(actual, mergePolicy(actual, patch));
  const members = (v.memberScores ?? [])
    .filter((m) => m?.organizationId && (given(m.score) || given(m.population)))
    .map((m) => ({ organizationId: m.organizationId!, ...(given(m.score) ? { score: m.score } : {}), ...(given(m.population) ? { population: Math.round(m.population) } : {}) }));
  const out: ScenarioChanges = {};
  if (Object.keys(policy).length > 0) out.policy = policy;
  if (given(v.outlay)) out.outlay = fenOf(v.outlay);
  if (given(v.score)) out.score = v.score;
  if (members.length > 0) out.memberScores = members;
  return out;
}

/**
 * The editor field a what-if 400 names: `scenario.policy.retention[1].ratio` → `['retention', 1,
 * 'ratio']`, `memberScores.<id>` → that member's row; null when the editor has no such field.
 */
export function scenarioFieldOf(field: string, v: Pick<ScenarioValues, 'memberScores'>): (string | number)[] | null {
  const member = /^memberScores\.([0-9a-f-]{36})/.exec(field);
  if (member) {
    const i = (v.memberScores ?? []).findIndex((m) => m?.organizationId === member[1]);
    return i >= 0 ? ['memberScores', i, 'score'] : null;
  }
  const path = fieldPathOf(field.replace(/^scenario\./, '').replace(/^policy\./, ''));
  const editable = ['financing', 'riskReserveRate', 'budgetShare', 'retention', 'overspendThreshold', 'overspendFundShare', 'levelWeights', 'outlay', 'score', 'memberScores'];
  if (!editable.includes(String(path[0]))) return null;
  if (path.length === 1 && path[0] === 'levelWeights') return ['levelWeights', 'hospital'];
  if (path.length === 1 && path[0] === 'retention') return ['retention', 0, 'minScore'];
  return path;
}
