import { invalid } from '../shared/domain-error.ts';

/**
 * Insurance policy parameters of one community and year (docs/domain/insurance.md "Policy
 * parameters"). Money in integer fen, ratios 0–1; § numbers are that document's sections.
 */

/** Settlement levels (§4): lead/county hospitals, township and community centres, village clinics and stations. */
export const SETTLEMENT_LEVELS = ['hospital', 'center', 'village'] as const;
export type SettlementLevel = (typeof SETTLEMENT_LEVELS)[number];

/** Rows of the reimbursement table: the three in-county levels and any hospital outside the county. */
export const REIMBURSEMENT_LEVELS = ['hospital', 'center', 'village', 'out_of_county'] as const;
export type ReimbursementLevel = (typeof REIMBURSEMENT_LEVELS)[number];

/** Basic medical insurance schemes, with the resident record's codes (GLOSSARY.md 医保类型). */
export const BASIC_INSURANCE_SCHEMES = ['urban_rural_resident', 'urban_employee'] as const;
export type BasicInsuranceScheme = (typeof BASIC_INSURANCE_SCHEMES)[number];

export const CARE_SETTINGS = ['inpatient', 'outpatient'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

/** DIP is paid for inpatient cases, which village clinics do not take. */
export type DipLevel = Exclude<SettlementLevel, 'village'>;

/** One step of the surplus-retention table: from `minScore` on, `ratio` of the surplus is retained. */
export interface RetentionStep {
  minScore: number;
  ratio: number;
}

/** 起付线, 报销比例, 年度封顶线 of one scheme × level × setting. */
export interface ReimbursementRule {
  deductible: number;
  ratio: number;
  annualCap: number;
}

export type ReimbursementTable = Record<BasicInsuranceScheme, Record<ReimbursementLevel, Record<CareSetting, ReimbursementRule>>>;

export interface DipParameters {
  /** Score of the all-case average cost (benchmark method). */
  base: number;
  levelCoefficients: Record<DipLevel, number>;
  /** Cost below this share of the group average is a low outlier (strictly below). */
  lowOutlierRatio: number;
  /** Cost above this multiple of the group average is a high outlier (strictly above). */
  highOutlierRatio: number;
  /** 3-character groups paid alike at every level (同城同病同价, policy text 000): coefficient 1. */
  uniformGroups: string[];
}

export interface DrgParameters {
  /** Cost at or below this share of the group standard is paid by item. */
  lowOutlierRatio: number;
  /** Cost at or above this multiple of the group standard is paid by item. */
  highOutlierRatio: number;
}

export interface InsurancePolicy {
  financing: number;
  financingPrevYear: number;
  catastrophicPremium: number;
  accidentPremium: number;
  riskReserveRate: number;
  budgetShare: number;
  prepaymentRate: number;
  retention: RetentionStep[];
  overspendThreshold: number;
  overspendFundShare: number;
  levelWeights: Record<SettlementLevel, number>;
  dip: DipParameters;
  drg: DrgParameters;
  reimbursement: ReimbursementTable;
  /** Points (0–1) by which the ratio drops for out-of-county inpatient care without an approved out referral. */
  unreferredOutOfCountyPenalty: number;
}

/** The lowest budget share policy text 002 allows (不少于95%). */
export const MIN_BUDGET_SHARE = 0.95;

const yuan = (n: number): number => n * 100;
const rule = (deductibleYuan: number, ratio: number, annualCapYuan: number): ReimbursementRule => ({ deductible: yuan(deductibleYuan), ratio, annualCap: yuan(annualCapYuan) });

/**
 * Defaults (docs/domain/insurance.md "Defaults"). The reimbursement amounts, DIP level
 * coefficients and out-of-county lowering are illustrative county values: the policy texts give
 * only their direction.
 */
export const DEFAULT_INSURANCE_POLICY: Readonly<InsurancePolicy> = deepFreeze({
  financing: 0,
  financingPrevYear: 0,
  catastrophicPremium: 0,
  accidentPremium: 0,
  riskReserveRate: 0.1,
  budgetShare: MIN_BUDGET_SHARE,
  prepaymentRate: 0.9,
  retention: [
    { minScore: 90, ratio: 1 },
    { minScore: 80, ratio: 0.9 },
    { minScore: 60, ratio: 0.7 },
    { minScore: 0, ratio: 0 },
  ],
  overspendThreshold: 0.1,
  overspendFundShare: 0.5,
  levelWeights: { hospital: 6, center: 3, village: 1 },
  dip: { base: 1000, levelCoefficients: { hospital: 1, center: 0.85 }, lowOutlierRatio: 0.5, highOutlierRatio: 2, uniformGroups: [] },
  drg: { lowOutlierRatio: 0.4, highOutlierRatio: 3 },
  reimbursement: {
    urban_rural_resident: {
      hospital: { inpatient: rule(500, 0.8, 300_000), outpatient: rule(0, 0.5, 400) },
      center: { inpatient: rule(200, 0.85, 300_000), outpatient: rule(0, 0.55, 400) },
      village: { inpatient: rule(200, 0.85, 300_000), outpatient: rule(0, 0.6, 400) },
      out_of_county: { inpatient: rule(1000, 0.65, 300_000), outpatient: rule(0, 0, 400) },
    },
    urban_employee: {
      hospital: { inpatient: rule(600, 0.88, 400_000), outpatient: rule(0, 0.5, 2_000) },
      center: { inpatient: rule(300, 0.92, 400_000), outpatient: rule(0, 0.6, 2_000) },
      village: { inpatient: rule(300, 0.92, 400_000), outpatient: rule(0, 0.6, 2_000) },
      out_of_county: { inpatient: rule(1200, 0.8, 400_000), outpatient: rule(0, 0, 2_000) },
    },
  },
  unreferredOutOfCountyPenalty: 0.1,
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A partial policy: omitted fields (at any depth) keep their defaults; arrays are replaced whole. */
export type InsurancePolicyPatch = Patch<InsurancePolicy>;
type Patch<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? Patch<T[K]> : T[K] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function overlay(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Only the keys of the defaults: a stray key in stored data cannot enter the policy.
  for (const key of Object.keys(base)) {
    const b = base[key];
    const p = patch[key];
    if (p === undefined) out[key] = structuredClone(b);
    else if (isRecord(b) && isRecord(p)) out[key] = overlay(b, p);
    else out[key] = structuredClone(p);
  }
  return out;
}

/** `defaults` with `patch` laid over it; does not validate (see `validatePolicy`). */
export function mergePolicy(defaults: Readonly<InsurancePolicy>, patch: InsurancePolicyPatch = {}): InsurancePolicy {
  return overlay(defaults as unknown as Record<string, unknown>, patch as Record<string, unknown>) as unknown as InsurancePolicy;
}

/** A broken rule of a policy, naming the field (`retention[1].minScore`, `dip.base`). */
export interface PolicyProblem {
  field: string;
  message: string;
}

const isFen = (v: number): boolean => Number.isSafeInteger(v) && v >= 0;
const isRatio = (v: number): boolean => Number.isFinite(v) && v >= 0 && v <= 1;

/**
 * Retention table rules (§3): at least one step, sorted descending by `minScore`, no two steps
 * with the same `minScore`, scores 0–100, the last step at 0 (every score finds a step), ratios
 * 0–1 and never higher for a lower score.
 */
export function retentionTableProblems(table: readonly RetentionStep[], field = 'retention'): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (table.length === 0) return [{ field, message: '结余留用比例表不能为空' }];
  table.forEach((step, i) => {
    const at = `${field}[${i}]`;
    if (!Number.isFinite(step.minScore) || step.minScore < 0 || step.minScore > 100) problems.push({ field: `${at}.minScore`, message: '考核分数须在 0 到 100 之间' });
    if (!isRatio(step.ratio)) problems.push({ field: `${at}.ratio`, message: '留用比例须在 0 到 1 之间' });
    const prev = table[i - 1];
    if (!prev) return;
    if (step.minScore === prev.minScore) problems.push({ field: `${at}.minScore`, message: '结余留用比例表的分数档重叠' });
    else if (step.minScore > prev.minScore) problems.push({ field: `${at}.minScore`, message: '结余留用比例表须按分数从高到低排列' });
    if (step.ratio > prev.ratio) problems.push({ field: `${at}.ratio`, message: '分数较低的档次留用比例不能更高' });
  });
  if (table[table.length - 1]!.minScore !== 0) problems.push({ field: `${field}[${table.length - 1}].minScore`, message: '结余留用比例表的最后一档须从 0 分起' });
  return problems;
}

/** Every broken rule of `policy`; empty when it is valid. */
export function policyProblems(policy: InsurancePolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const fen = (v: number, field: string) => { if (!isFen(v)) problems.push({ field, message: '金额须为非负整数（分）' }); };
  const ratio = (v: number, field: string) => { if (!isRatio(v)) problems.push({ field, message: '比例须在 0 到 1 之间' }); };
  const positive = (v: number, field: string) => { if (!Number.isFinite(v) || v <= 0) problems.push({ field, message: '须为正数' }); };

  fen(policy.financing, 'financing');
  fen(policy.financingPrevYear, 'financingPrevYear');
  fen(policy.catastrophicPremium, 'catastrophicPremium');
  fen(policy.accidentPremium, 'accidentPremium');
  ratio(policy.riskReserveRate, 'riskReserveRate');
  if (!isRatio(policy.budgetShare)) ratio(policy.budgetShare, 'budgetShare');
  else if (policy.budgetShare < MIN_BUDGET_SHARE) problems.push({ field: 'budgetShare', message: '医共体预算比例不得低于 95%' });
  ratio(policy.prepaymentRate, 'prepaymentRate');
  problems.push(...retentionTableProblems(policy.retention));
  ratio(policy.overspendThreshold, 'overspendThreshold');
  ratio(policy.overspendFundShare, 'overspendFundShare');

  for (const level of SETTLEMENT_LEVELS) {
    const w = policy.levelWeights[level];
    if (!Number.isFinite(w) || w < 0) problems.push({ field: `levelWeights.${level}`, message: '层级权重须为非负数' });
  }
  if (SETTLEMENT_LEVELS.every((l) => !(policy.levelWeights[l] > 0))) problems.push({ field: 'levelWeights', message: '至少一个层级的权重须为正数' });

  positive(policy.dip.base, 'dip.base');
  positive(policy.dip.levelCoefficients.hospital, 'dip.levelCoefficients.hospital');
  positive(policy.dip.levelCoefficients.center, 'dip.levelCoefficients.center');
  problems.push(...outlierBoundsProblems(policy.dip, 'dip'));
  policy.dip.uniformGroups.forEach((g, i) => {
    if (!/^[A-Z][0-9]{2}$/.test(g)) problems.push({ field: `dip.uniformGroups[${i}]`, message: '病种组须为 3 位 ICD-10 类目（如 I10）' });
  });
  problems.push(...outlierBoundsProblems(policy.drg, 'drg'));

  for (const scheme of BASIC_INSURANCE_SCHEMES) {
    for (const level of REIMBURSEMENT_LEVELS) {
      for (const setting of CARE_SETTINGS) {
        const r = policy.reimbursement[scheme][level][setting];
        const at = `reimbursement.${scheme}.${level}.${setting}`;
        fen(r.deductible, `${at}.deductible`);
        ratio(r.ratio, `${at}.ratio`);
        fen(r.annualCap, `${at}.annualCap`);
      }
    }
  }
  ratio(policy.unreferredOutOfCountyPenalty, 'unreferredOutOfCountyPenalty');
  return problems;
}

/** Outlier bounds (DIP §5, DRG §6): 0 < low < 1 < high. */
export function outlierBoundsProblems(bounds: { lowOutlierRatio: number; highOutlierRatio: number }, prefix: 'dip' | 'drg'): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const { lowOutlierRatio: low, highOutlierRatio: high } = bounds;
  if (!Number.isFinite(low) || low <= 0 || low >= 1) problems.push({ field: `${prefix}.lowOutlierRatio`, message: '低倍率界值须大于 0 且小于 1' });
  if (!Number.isFinite(high) || high <= 1) problems.push({ field: `${prefix}.highOutlierRatio`, message: '高倍率界值须大于 1' });
  return problems;
}

/** Throws the first problem as `VALIDATION_FAILED` (message and `field` its own, `details.problems` all of them). */
export function throwFirstProblem(problems: readonly PolicyProblem[]): void {
  const first = problems[0];
  if (first) throw invalid(first.message, first.field, { problems });
}

/**
 * Returns `policy` when valid; otherwise throws `VALIDATION_FAILED` whose message and `field` are
 * the first problem's and whose `details.problems` lists them all.
 */
export function validatePolicy(policy: InsurancePolicy): InsurancePolicy {
  throwFirstProblem(policyProblems(policy));
  return policy;
}
