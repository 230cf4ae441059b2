import { addDays } from './dates.ts';
import type { Rng } from './prng.ts';
import type { InsuranceScheme } from './types.ts';

/**
 * The ICD-10 codes the generator assigns (3-character categories and 4-character
 * subcategories of WHO ICD-10 / GB/T 14396), every one present in the shipped table
 * packages/server/data/icd10/icd10.tsv; names as there, for loading a code table in tests.
 */
export const SYNTH_ICD10 = [
  { code: 'I10', level: 'category', chapter: 'IX', nameZh: '特发性（原发性）高血压', nameEn: 'Essential (primary) hypertension' },
  { code: 'I11.9', level: 'subcategory', chapter: 'IX', nameZh: '高血压性心脏病不伴有（充血性）心力衰竭', nameEn: 'Hypertensive heart disease without (congestive) heart failure' },
  { code: 'E10', level: 'category', chapter: 'IV', nameZh: '1型糖尿病', nameEn: 'Type 1 diabetes mellitus' },
  { code: 'E11', level: 'category', chapter: 'IV', nameZh: '2型糖尿病', nameEn: 'Type 2 diabetes mellitus' },
  { code: 'E11.9', level: 'subcategory', chapter: 'IV', nameZh: '2型糖尿病不伴有并发症', nameEn: 'Type 2 diabetes mellitus without complications' },
  { code: 'E78.5', level: 'subcategory', chapter: 'IV', nameZh: '高脂血症，未特指', nameEn: 'Hyperlipidaemia, unspecified' },
  { code: 'I63.9', level: 'subcategory', chapter: 'IX', nameZh: '脑梗死，未特指', nameEn: 'Cerebral infarction, unspecified' },
  { code: 'I25.1', level: 'subcategory', chapter: 'IX', nameZh: '动脉硬化性心脏病', nameEn: 'Atherosclerotic heart disease' },
  { code: 'I20.9', level: 'subcategory', chapter: 'IX', nameZh: '心绞痛，未特指', nameEn: 'Angina pectoris, unspecified' },
  { code: 'J44.9', level: 'subcategory', chapter: 'X', nameZh: '慢性阻塞性肺病，未特指', nameEn: 'Chronic obstructive pulmonary disease, unspecified' },
  { code: 'J45.9', level: 'subcategory', chapter: 'X', nameZh: '哮喘，未特指', nameEn: 'Asthma, unspecified' },
  { code: 'N18.9', level: 'subcategory', chapter: 'XIV', nameZh: '慢性肾脏病，未特指', nameEn: 'Chronic kidney disease, unspecified' },
  { code: 'F20', level: 'category', chapter: 'V', nameZh: '精神分裂症', nameEn: 'Schizophrenia' },
  { code: 'A15', level: 'category', chapter: 'I', nameZh: '呼吸道结核，经细菌学和组织学证实', nameEn: 'Respiratory tuberculosis, bacteriologically and histologically confirmed' },
] as const;

/** Rate by age: `[fromAge, rate]` steps, ascending. */
type Steps = readonly (readonly [number, number])[];

function rateAt(steps: Steps, age: number): number {
  let r = 0;
  for (const [from, rate] of steps) if (age >= from) r = rate;
  return r;
}

// Registered-patient prevalence, rising with age. Hypertension: China Hypertension Survey
// 2012–2015 (Wang Z. et al., Circulation 2018; adults 23.2 %, 60+ ≈ 45 %), here ≈ 25 % of 35+.
const HYPERTENSION: Steps = [[18, 0.02], [35, 0.09], [45, 0.18], [55, 0.3], [65, 0.4], [75, 0.46]];
// Type-2 diabetes: ≈ 10 % of 35+ (Li Y. et al., BMJ 2020: 12.8 % of adults by ADA criteria,
// fewer registered); more common with hypertension.
const DIABETES: Steps = [[25, 0.01], [35, 0.04], [45, 0.08], [55, 0.12], [65, 0.15]];
const STROKE: Steps = [[45, 0.004], [55, 0.01], [65, 0.03], [75, 0.05]];
const CHD: Steps = [[45, 0.005], [55, 0.02], [65, 0.05]];
const ANGINA: Steps = [[50, 0.01]];
const COPD: Steps = [[40, 0.015], [60, 0.05]];
const CKD: Steps = [[50, 0.01]];
const LIPIDS: Steps = [[35, 0.07]];
// Disability: Second National Sample Survey on Disability (2006): 6.34 % overall, rising with age.
const DISABLED: Steps = [[0, 0.01], [15, 0.035], [45, 0.065], [60, 0.11], [75, 0.18]];

/** The problems of one resident, with onset dates before `asOf`. */
export function drawProblems(rng: Rng, age: number, sex: 'male' | 'female', asOf: string): { code: string; onsetDate: string }[] {
  const out: { code: string; onsetDate: string }[] = [];
  // Onset some time after `minAge`, at most `maxYears` ago.
  const add = (code: string, minAge: number, maxYears = 25) => {
    const years = Math.max(0, Math.min(age - minAge, maxYears));
    out.push({ code, onsetDate: addDays(asOf, -rng.int(14, Math.max(14, Math.round(years * 365)))) });
  };
  const htn = rng.chance(rateAt(HYPERTENSION, age));
  if (htn) add(rng.chance(0.93) ? 'I10' : 'I11.9', 30);
  const dm = age >= 25 && rng.chance(rateAt(DIABETES, age) * (htn ? 1.6 : 0.8));
  if (dm) add(rng.chance(0.9) ? 'E11.9' : 'E11', 30);
  else if (age >= 5 && rng.chance(0.001)) add('E10', 3);
  const vascular = htn || dm ? 1.5 : 0.8;
  if (rng.chance(rateAt(STROKE, age) * vascular)) add('I63.9', 45, 10);
  if (rng.chance(rateAt(CHD, age) * vascular)) add('I25.1', 45, 15);
  if (rng.chance(rateAt(ANGINA, age))) add('I20.9', 45, 10);
  if (rng.chance(rateAt(COPD, age) * (sex === 'male' ? 1.5 : 0.6))) add('J44.9', 40, 15);
  if (age >= 3 && rng.chance(0.01)) add('J45.9', 2);
  if (rng.chance(rateAt(CKD, age) * (dm ? 2 : 1))) add('N18.9', 40, 10);
  if (rng.chance(rateAt(LIPIDS, age) * (htn || dm ? 1.5 : 1))) add('E78.5', 30, 15);
  // 严重精神障碍 ≈ 0.45 % of adults registered (national management target population).
  if (age >= 18 && rng.chance(0.0045)) add('F20', 16, 30);
  // Active pulmonary TB under treatment (incidence ≈ 55 per 100,000 per year, 2020).
  if (age >= 15 && rng.chance(0.0005)) add('A15', 15, 0.5);
  return out;
}

/** Disability by age (recorded flag). */
export function drawDisabled(rng: Rng, age: number): boolean {
  return rng.chance(rateAt(DISABLED, age));
}

/**
 * Insurance scheme. County shares (National Healthcare Security Administration statistical
 * bulletin 2023: 370 M employee vs 963 M resident insured nationally; rural counties lower):
 * about 20 % employee, 77 % urban–rural resident, 1 % commercial only, 2 % none. Children are
 * insured as residents.
 */
export function drawInsurance(rng: Rng, age: number, urban: boolean): InsuranceScheme {
  const r = rng.next();
  if (r < 0.02) return 'none';
  if (r < 0.03) return 'commercial';
  if (age < 18) return 'urban_rural_resident';
  const employee = (urban ? 0.35 : 0.18) * (age >= 60 ? 0.8 : 1.1);
  return rng.chance(employee) ? 'urban_employee' : 'urban_rural_resident';
}
