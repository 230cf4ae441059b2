import { invalid } from '../shared/domain-error.ts';

/**
 * Appraisal scheme as data (绩效考核方案; policy texts 001 and 002 tie the surplus shares to the
 * members' appraisal scores): weighted items scored from indicator values, plus manual
 * adjustments with a reason. Rules and choices in docs/domain/insurance.md "Appraisal scheme".
 */

export const APPRAISAL_DIRECTIONS = ['higher', 'lower'] as const;
/** `higher`: more is better (visit rate); `lower`: less is better (out-of-county rate). */
export type AppraisalDirection = (typeof APPRAISAL_DIRECTIONS)[number];

export interface AppraisalItem {
  code: string;
  name: string;
  indicatorCode: string;
  /** Points the item is worth; the weights of a scheme add up to 100. */
  weight: number;
  /** Value at which the item scores 0 (and beyond which it stays 0). */
  floor: number;
  /** Value at which the item scores its full weight (and beyond which it stays there). */
  target: number;
  direction: AppraisalDirection;
}

export interface AppraisalScheme {
  items: readonly AppraisalItem[];
}

/** A manual adjustment (加减分), e.g. −2 for a serious complaint; the reason is required. */
export interface AppraisalAdjustment {
  points: number;
  reason: string;
}

export interface AppraisalEvidence {
  code: string;
  name: string;
  indicatorCode: string;
  value: number | null;
  floor: number;
  target: number;
  weight: number;
  points: number;
  /** Why an item scored as it did when that is not read off the numbers (a missing value). */
  note: string | null;
}

export interface AppraisalScore {
  items: AppraisalEvidence[];
  adjustments: AppraisalAdjustment[];
  itemPoints: number;
  adjustmentPoints: number;
  /** Item points + adjustments, clamped to 0–100, to 2 decimals. */
  score: number;
}

export interface AppraisalProblem {
  field: string;
  message: string;
}

/** The total of the weights. */
export const APPRAISAL_TOTAL_WEIGHT = 100;

/** Every broken rule of a scheme; empty when valid. */
export function appraisalSchemeProblems(scheme: AppraisalScheme): AppraisalProblem[] {
  const problems: AppraisalProblem[] = [];
  if (scheme.items.length === 0) return [{ field: 'items', message: '考核方案至少需要一个考核项目' }];
  const codes = new Set<string>();
  let total = 0;
  scheme.items.forEach((item, i) => {
    const at = `items[${i}]`;
    if (item.code.trim() === '') problems.push({ field: `${at}.code`, message: '考核项目编码不能为空' });
    else if (codes.has(item.code)) problems.push({ field: `${at}.code`, message: '考核项目编码重复' });
    codes.add(item.code);
    if (item.name.trim() === '') problems.push({ field: `${at}.name`, message: '考核项目名称不能为空' });
    if (item.indicatorCode.trim() === '') problems.push({ field: `${at}.indicatorCode`, message: '考核项目须关联指标' });
    if (!Number.isFinite(item.weight) || item.weight <= 0) problems.push({ field: `${at}.weight`, message: '分值须为正数' });
    else total += item.weight;
    if (!Number.isFinite(item.floor)) problems.push({ field: `${at}.floor`, message: '起评值须为有限数' });
    if (!Number.isFinite(item.target)) problems.push({ field: `${at}.target`, message: '目标值须为有限数' });
    if (!(APPRAISAL_DIRECTIONS as readonly string[]).includes(item.direction)) problems.push({ field: `${at}.direction`, message: '方向须为 higher 或 lower' });
    else if (item.direction === 'higher' && item.floor > item.target) problems.push({ field: `${at}.floor`, message: '越高越好的指标，起评值不能高于目标值' });
    else if (item.direction === 'lower' && item.floor < item.target) problems.push({ field: `${at}.floor`, message: '越低越好的指标，起评值不能低于目标值' });
  });
  if (problems.length === 0 && Math.abs(total - APPRAISAL_TOTAL_WEIGHT) > 1e-9) problems.push({ field: 'items', message: `各项分值之和须为 ${APPRAISAL_TOTAL_WEIGHT}（现为 ${round2(total)}）` });
  return problems;
}

/** Returns the scheme when valid; otherwise throws `VALIDATION_FAILED` naming the first broken field. */
export function validateAppraisalScheme(scheme: AppraisalScheme): AppraisalScheme {
  const problems = appraisalSchemeProblems(scheme);
  const first = problems[0];
  if (first) throw invalid(first.message, first.field, { problems });
  return scheme;
}

function round2(x: number): number {
  // `+ 0` turns −0 into 0.
  return Number(x.toFixed(2)) + 0;
}

/**
 * Points of one item: the full weight at or beyond the target, 0 at or beyond the floor, linear in
 * between; floor = target is pass/fail. A missing value scores 0 with a note. To 2 decimals.
 */
export function scoreAppraisalItem(item: AppraisalItem, value: number | null | undefined): AppraisalEvidence {
  const evidence = { code: item.code, name: item.name, indicatorCode: item.indicatorCode, floor: item.floor, target: item.target, weight: item.weight };
  if (value === null || value === undefined || !Number.isFinite(value)) return { ...evidence, value: null, points: 0, note: '缺少指标值，本项得 0 分' };
  // Progress from floor (0) to target (1), measured in the direction that is better.
  const sign = item.direction === 'higher' ? 1 : -1;
  const reached = sign * (value - item.target) >= 0;
  const span = sign * (item.target - item.floor);
  const progress = reached ? 1 : span === 0 ? 0 : Math.min(1, Math.max(0, (sign * (value - item.floor)) / span));
  return { ...evidence, value, points: round2(item.weight * progress), note: null };
}

/**
 * Score of a member or of the community: Σ item points (values keyed by indicator code) + manual
 * adjustments, clamped to 0–100. Validates the scheme and the adjustments (a reason is required).
 */
export function scoreAppraisal(scheme: AppraisalScheme, values: Readonly<Record<string, number | null | undefined>>, adjustments: readonly AppraisalAdjustment[] = []): AppraisalScore {
  validateAppraisalScheme(scheme);
  return scoreValid(scheme, values, adjustments, 'adjustments');
}

export interface AppraisalSubject {
  organizationId: string;
  values: Readonly<Record<string, number | null | undefined>>;
  adjustments?: readonly AppraisalAdjustment[];
}

/** Scores of several members under one scheme, in input order; errors name `subjects[i].adjustments[j]`. */
export function scoreAppraisals(scheme: AppraisalScheme, subjects: readonly AppraisalSubject[]): (AppraisalScore & { organizationId: string })[] {
  validateAppraisalScheme(scheme);
  return subjects.map((s, i) => ({ organizationId: s.organizationId, ...scoreValid(scheme, s.values, s.adjustments ?? [], `subjects[${i}].adjustments`) }));
}

function scoreValid(scheme: AppraisalScheme, values: Readonly<Record<string, number | null | undefined>>, adjustments: readonly AppraisalAdjustment[], field: string): AppraisalScore {
  adjustments.forEach((a, i) => {
    if (!Number.isFinite(a.points)) throw invalid('加减分须为有限数', `${field}[${i}].points`, { value: a.points });
    if (a.reason.trim() === '') throw invalid('加减分须写明理由', `${field}[${i}].reason`);
  });
  const items = scheme.items.map((item) => scoreAppraisalItem(item, Object.hasOwn(values, item.indicatorCode) ? values[item.indicatorCode] : null));
  const itemPoints = round2(items.reduce((s, e) => s + e.points, 0));
  const adjustmentPoints = round2(adjustments.reduce((s, a) => s + a.points, 0));
  const score = Math.min(100, Math.max(0, round2(itemPoints + adjustmentPoints)));
  return { items, adjustments: adjustments.map((a) => ({ points: a.points, reason: a.reason })), itemPoints, adjustmentPoints, score };
}

/**
 * The scheme used when a community-year has none stored (docs/domain/insurance.md "Appraisal
 * scheme"): the monitoring indicators policy texts 002 and 004 judge a community by, with their
 * targets as full marks.
 */
export const DEFAULT_APPRAISAL_ITEMS: readonly AppraisalItem[] = [
  { code: 'county_inpatient', name: '县域内住院人次占比', indicatorCode: 'county_inpatient_rate', weight: 20, floor: 0.7, target: 0.9, direction: 'higher' },
  { code: 'grassroots_visits', name: '基层就诊率', indicatorCode: 'grassroots_visit_rate', weight: 15, floor: 0.4, target: 0.65, direction: 'higher' },
  { code: 'fund_in_county', name: '医保基金县域内支出率', indicatorCode: 'fund_in_county_share', weight: 15, floor: 0.7, target: 0.9, direction: 'higher' },
  { code: 'out_of_pocket', name: '居民个人自付比例', indicatorCode: 'out_of_pocket_share', weight: 10, floor: 0.45, target: 0.3, direction: 'lower' },
  { code: 'signing', name: '家庭医生签约率', indicatorCode: 'signing_rate', weight: 15, floor: 0.25, target: 0.45, direction: 'higher' },
  { code: 'chronic_mgmt', name: '两慢病规范管理率', indicatorCode: 'chronic_standard_mgmt_rate', weight: 15, floor: 0.4, target: 0.8, direction: 'higher' },
  { code: 'length_of_stay', name: '平均住院日', indicatorCode: 'avg_length_of_stay', weight: 10, floor: 12, target: 8, direction: 'lower' },
];
