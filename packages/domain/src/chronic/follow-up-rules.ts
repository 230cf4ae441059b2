/**
 * Follow-up classification and next step, docs/domain/chronic.md (国家基本公共卫生服务规范（第三版）).
 * Thresholds are data in a versioned rule set: `nphss-3` is the default and the one the
 * appraisal indicators use; a later standard is a new entry, not an edit.
 */
export const CHRONIC_DISEASES = ['hypertension', 'diabetes'] as const;
export type ChronicDisease = (typeof CHRONIC_DISEASES)[number];

export const FOLLOW_UP_WAYS = ['clinic', 'home', 'phone'] as const;
export type FollowUpWay = (typeof FOLLOW_UP_WAYS)[number];

export const CLASSIFICATIONS = ['satisfactory', 'unsatisfactory', 'adverse_reaction', 'complication'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const NEXT_STEPS = ['routine', 'recheck_2w', 'referral_2w', 'urgent_referral'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/**
 * Symptom codes of the follow-up form. The `urgent` ones are the emergency signs of
 * docs/domain/chronic.md "Urgent signs" (either disease); `urgentDiabetes` only count for diabetes.
 */
export const SYMPTOMS = {
  none: { zh: '无症状', urgent: false },
  headache: { zh: '头痛', urgent: false },
  dizziness: { zh: '头晕', urgent: false },
  tinnitus: { zh: '耳鸣', urgent: false },
  nosebleed: { zh: '鼻衄出血不止', urgent: false },
  limb_numbness: { zh: '四肢发麻', urgent: false },
  lower_limb_edema: { zh: '下肢水肿', urgent: false },
  blurred_vision_mild: { zh: '视物模糊（轻）', urgent: false },
  thirst_polyuria: { zh: '多饮多尿', urgent: false },
  altered_consciousness: { zh: '意识改变', urgent: true },
  severe_headache: { zh: '剧烈头痛', urgent: true },
  severe_dizziness: { zh: '严重头晕', urgent: true },
  nausea_vomiting: { zh: '恶心呕吐', urgent: true },
  blurred_vision: { zh: '视物模糊', urgent: true },
  eye_pain: { zh: '眼痛', urgent: true },
  palpitation: { zh: '心悸', urgent: true },
  chest_tightness: { zh: '胸闷', urgent: true },
  orthopnoea: { zh: '喘憋不能平卧', urgent: true },
  ketotic_breath: { zh: '呼气有烂苹果样丙酮味', urgent: true },
  deep_breathing: { zh: '深大呼吸', urgent: true },
  abdominal_pain: { zh: '腹痛', urgent: true },
  sweating: { zh: '出汗', urgentDiabetes: true },
  poor_appetite: { zh: '食欲减退', urgentDiabetes: true },
  flushed_skin: { zh: '皮肤潮红', urgentDiabetes: true },
  sudden_vision_loss: { zh: '视力突然骤降', urgent: true },
} as const satisfies Record<string, { zh: string; urgent?: boolean; urgentDiabetes?: boolean }>;
export type SymptomCode = keyof typeof SYMPTOMS;

export interface RuleSet {
  version: string;
  hypertension: { sbpBelow: number; dbpBelow: number; elderlyAge: number; elderlySbpBelow: number; elderlyDbpBelow: number; urgentSbp: number; urgentDbp: number };
  diabetes: { glucoseBelow: number; urgentHigh: number; urgentLow: number; urgentHeartRateAbove: number; urgentTemperatureAbove: number; pregnancyGlucoseAbove: number };
  routineMonths: number;
  recheckDays: number;
  /** Minimum age for the national rates (younger patients are reported but excluded). */
  ratesMinAge: number;
}

export const RULE_SETS: Readonly<Record<string, RuleSet>> = {
  'nphss-3': {
    version: 'nphss-3',
    hypertension: { sbpBelow: 140, dbpBelow: 90, elderlyAge: 65, elderlySbpBelow: 150, elderlyDbpBelow: 90, urgentSbp: 180, urgentDbp: 110 },
    // 16.7 and 3.9 are inclusive (≥ 16.7, ≤ 3.9); normal fasting glucose tops at 6.1 mmol/L.
    diabetes: { glucoseBelow: 7.0, urgentHigh: 16.7, urgentLow: 3.9, urgentHeartRateAbove: 100, urgentTemperatureAbove: 39, pregnancyGlucoseAbove: 6.1 },
    routineMonths: 3,
    recheckDays: 14,
    ratesMinAge: 35,
  },
};
export const DEFAULT_RULE_SET = 'nphss-3';

export interface FollowUpInput {
  disease: ChronicDisease;
  date: string;
  age: number;
  way: FollowUpWay;
  sbp?: number | null;
  dbp?: number | null;
  fastingGlucose?: number | null;
  heartRate?: number | null;
  temperature?: number | null;
  symptoms: readonly SymptomCode[];
  adverseReaction: boolean;
  complication: boolean;
  pregnantOrLactating?: boolean | null;
  /** Classification of the previous follow-up of this enrolment, if any. */
  previous?: Classification | null;
}

export interface FollowUpResult {
  classification: Classification;
  controlled: boolean;
  nextStep: NextStep;
  nextDueDate: string;
  urgentReasons: string[];
  ruleSet: string;
}

/** docs/domain/chronic.md "Controlled": BP < 140/90 (< 150/90 from 65); fasting glucose < 7.0. Missing values are not controlled. */
export function isControlled(i: Pick<FollowUpInput, 'disease' | 'age' | 'sbp' | 'dbp' | 'fastingGlucose'>, rules: RuleSet = RULE_SETS[DEFAULT_RULE_SET]!): boolean {
  if (i.disease === 'hypertension') {
    if (i.sbp == null || i.dbp == null) return false;
    const h = rules.hypertension;
    return i.age >= h.elderlyAge ? i.sbp < h.elderlySbpBelow && i.dbp < h.elderlyDbpBelow : i.sbp < h.sbpBelow && i.dbp < h.dbpBelow;
  }
  return i.fastingGlucose != null && i.fastingGlucose < rules.diabetes.glucoseBelow;
}

/** The emergency signs of docs/domain/chronic.md "Urgent signs"; empty when none. */
export function urgentReasons(i: FollowUpInput, rules: RuleSet = RULE_SETS[DEFAULT_RULE_SET]!): string[] {
  const out: string[] = [];
  const h = rules.hypertension;
  if ((i.sbp != null && i.sbp >= h.urgentSbp) || (i.dbp != null && i.dbp >= h.urgentDbp)) out.push(`血压≥${h.urgentSbp}/${h.urgentDbp}mmHg`);
  for (const s of i.symptoms) {
    const def = SYMPTOMS[s] as { zh: string; urgent?: boolean; urgentDiabetes?: boolean };
    if (def.urgent || (i.disease === 'diabetes' && def.urgentDiabetes)) out.push(def.zh);
  }
  if (i.disease === 'hypertension' && i.pregnantOrLactating && ((i.sbp ?? 0) >= h.sbpBelow || (i.dbp ?? 0) >= h.dbpBelow)) out.push('妊娠或哺乳期血压升高');
  if (i.disease === 'diabetes') {
    const d = rules.diabetes;
    if (i.fastingGlucose != null && i.fastingGlucose >= d.urgentHigh) out.push(`空腹血糖≥${d.urgentHigh}mmol/L`);
    if (i.fastingGlucose != null && i.fastingGlucose <= d.urgentLow) out.push(`空腹血糖≤${d.urgentLow}mmol/L`);
    if (i.heartRate != null && i.heartRate > d.urgentHeartRateAbove) out.push(`心率>${d.urgentHeartRateAbove}次/分`);
    if (i.temperature != null && i.temperature > d.urgentTemperatureAbove) out.push(`体温>${d.urgentTemperatureAbove}℃`);
    if (i.pregnantOrLactating && i.fastingGlucose != null && i.fastingGlucose > d.pregnancyGlucoseAbove) out.push('妊娠或哺乳期血糖高于正常');
  }
  return out;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * Classifies a follow-up and decides the next step (docs/domain/chronic.md "Classification",
 * "Next step"): classification is the first of
 * complication, adverse reaction, unsatisfactory, satisfactory; urgent signs override the next step.
 */
export function classifyFollowUp(i: FollowUpInput, ruleSet = DEFAULT_RULE_SET): FollowUpResult {
  const rules = RULE_SETS[ruleSet];
  if (!rules) throw new Error(`unknown rule set ${ruleSet}`);
  const controlled = isControlled(i, rules);
  const classification: Classification = i.complication ? 'complication' : i.adverseReaction ? 'adverse_reaction' : controlled ? 'satisfactory' : 'unsatisfactory';
  const urgent = urgentReasons(i, rules);
  let nextStep: NextStep;
  if (urgent.length) nextStep = 'urgent_referral';
  else if (classification === 'complication') nextStep = 'referral_2w';
  else if (classification === 'unsatisfactory' && i.previous === 'unsatisfactory') nextStep = 'referral_2w';
  // An adverse reaction that persists to the next visit is one that "cannot be controlled".
  else if (classification === 'adverse_reaction' && i.previous === 'adverse_reaction') nextStep = 'referral_2w';
  else if (classification === 'unsatisfactory' || classification === 'adverse_reaction') nextStep = 'recheck_2w';
  else nextStep = 'routine';
  const nextDueDate = nextStep === 'routine' ? addMonths(i.date, rules.routineMonths) : addDays(i.date, rules.recheckDays);
  return { classification, controlled, nextStep, nextDueDate, urgentReasons: urgent, ruleSet: rules.version };
}
