import {
  BASIC_INSURANCE_SCHEMES,
  CARE_SETTINGS,
  DEFAULT_INSURANCE_POLICY,
  REIMBURSEMENT_LEVELS,
  type BasicInsuranceScheme,
  type CareSetting,
  type InsurancePolicy,
  type ReimbursementLevel,
} from '@yigong/domain';
import { fenOf, percentOf, ratioOf, yuanOf } from './insurance-format.ts';

/**
 * The policy as the editor holds it: the API's shape and field names (so a 400's `field`, e.g.
 * `retention[1].minScore`, names a form field), with money in yuan and ratios in percent. Outlier
 * bounds, level weights, DIP base and coefficients stay plain numbers (multiples, not shares).
 */
export interface RuleValues {
  deductible: number;
  ratio: number;
  annualCap: number;
}

export type ReimbursementValues = Record<BasicInsuranceScheme, Record<ReimbursementLevel, Record<CareSetting, RuleValues>>>;

export interface PolicyValues {
  financing: number;
  financingPrevYear: number;
  catastrophicPremium: number;
  accidentPremium: number;
  riskReserveRate: number;
  budgetShare: number;
  prepaymentRate: number;
  retention: { minScore: number; ratio: number }[];
  overspendThreshold: number;
  overspendFundShare: number;
  levelWeights: InsurancePolicy['levelWeights'];
  dip: InsurancePolicy['dip'];
  drg: InsurancePolicy['drg'];
  reimbursement: ReimbursementValues;
  unreferredOutOfCountyPenalty: number;
}

const POLICY_KEYS = Object.keys(DEFAULT_INSURANCE_POLICY) as (keyof InsurancePolicy)[];

/** The policy parameters of a stored version (drops communityId, version, reason, who and when). */
export function policyOf(view: Partial<InsurancePolicy> & object): InsurancePolicy {
  const out: Record<string, unknown> = {};
  for (const k of POLICY_KEYS) out[k] = structuredClone(view[k] ?? DEFAULT_INSURANCE_POLICY[k]);
  return out as unknown as InsurancePolicy;
}

function mapReimbursement<A, B>(table: Record<BasicInsuranceScheme, Record<ReimbursementLevel, Record<CareSetting, A>>>, f: (r: A) => B) {
  return Object.fromEntries(
    BASIC_INSURANCE_SCHEMES.map((s) => [s, Object.fromEntries(REIMBURSEMENT_LEVELS.map((l) => [l, Object.fromEntries(CARE_SETTINGS.map((c) => [c, f(table[s][l][c])]))]))]),
  ) as Record<BasicInsuranceScheme, Record<ReimbursementLevel, Record<CareSetting, B>>>;
}

/** API policy (fen, ratios) → editor values (yuan, percent). */
export function policyToValues(p: InsurancePolicy): PolicyValues {
  return {
    financing: yuanOf(p.financing),
    financingPrevYear: yuanOf(p.financingPrevYear),
    catastrophicPremium: yuanOf(p.catastrophicPremium),
    accidentPremium: yuanOf(p.accidentPremium),
    riskReserveRate: percentOf(p.riskReserveRate),
    budgetShare: percentOf(p.budgetShare),
    prepaymentRate: percentOf(p.prepaymentRate),
    retention: p.retention.map((s) => ({ minScore: s.minScore, ratio: percentOf(s.ratio) })),
    overspendThreshold: percentOf(p.overspendThreshold),
    overspendFundShare: percentOf(p.overspendFundShare),
    levelWeights: { ...p.levelWeights },
    dip: { ...p.dip, levelCoefficients: { ...p.dip.levelCoefficients }, uniformGroups: [...p.dip.uniformGroups] },
    drg: { ...p.drg },
    reimbursement: mapReimbursement(p.reimbursement, (r) => ({ deductible: yuanOf(r.deductible), ratio: percentOf(r.ratio), annualCap: yuanOf(r.annualCap) })),
    unreferredOutOfCountyPenalty: percentOf(p.unreferredOutOfCountyPenalty),
  };
}

/** Editor values → the whole API policy (the PUT takes every parameter: an omitted one would fall back to its default). */
export function valuesToPolicy(v: PolicyValues): InsurancePolicy {
  return {
    financing: fenOf(v.financing),
    financingPrevYear: fenOf(v.financingPrevYear),
    catastrophicPremium: fenOf(v.catastrophicPremium),
    accidentPremium: fenOf(v.accidentPremium),
    riskReserveRate: ratioOf(v.riskReserveRate),
    budgetShare: ratioOf(v.budgetShare),
    prepaymentRate: ratioOf(v.prepaymentRate),
    retention: (v.retention ?? []).map((s) => ({ minScore: s.minScore, ratio: ratioOf(s.ratio) })),
    overspendThreshold: ratioOf(v.overspendThreshold),
    overspendFundShare: ratioOf(v.overspendFundShare),
    levelWeights: { hospital: v.levelWeights.hospital, center: v.levelWeights.center, village: v.levelWeights.village },
    dip: {
      base: v.dip.base,
      levelCoefficients: { hospital: v.dip.levelCoefficients.hospital, center: v.dip.levelCoefficients.center },
      lowOutlierRatio: v.dip.lowOutlierRatio,
      highOutlierRatio: v.dip.highOutlierRatio,
      uniformGroups: (v.dip.uniformGroups ?? []).map((g) => g.trim().toUpperCase()),
    },
    drg: { lowOutlierRatio: v.drg.lowOutlierRatio, highOutlierRatio: v.drg.highOutlierRatio },
    reimbursement: mapReimbursement(v.reimbursement, (r) => ({ deductible: fenOf(r.deductible), ratio: ratioOf(r.ratio), annualCap: fenOf(r.annualCap) })),
    unreferredOutOfCountyPenalty: ratioOf(v.unreferredOutOfCountyPenalty),
  };
}

/**
 * A field named by the server → the form's name path: `retention[1].minScore` →
 * `['retention', 1, 'minScore']`, `reimbursement.urban_employee.center.inpatient.ratio` → its five
 * parts. Zod paths (`['body', 'dip', 'base']`) lose their request part.
 */
export function fieldPathOf(field: string | readonly (string | number)[]): (string | number)[] {
  const parts = typeof field === 'string' ? field.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean) : [...field];
  const trimmed = parts[0] === 'body' || parts[0] === 'query' ? parts.slice(1) : parts;
  return trimmed.map((p) => (typeof p === 'number' || !/^\d+$/.test(p) ? p : Number(p)));
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${k}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** The top-level parameters of `changed` that differ from `actual` (a what-if's policy patch). */
export function policyPatch(actual: InsurancePolicy, changed: InsurancePolicy): Partial<InsurancePolicy> {
  const out: Record<string, unknown> = {};
  for (const k of POLICY_KEYS) if (canonical(actual[k]) !== canonical(changed[k])) out[k] = changed[k];
  return out as Partial<InsurancePolicy>;
}
