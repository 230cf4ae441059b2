import { invalid } from '../shared/domain-error.ts';
import { applyRates, assertFen, assertRatio, formatPercent, formatYuan } from './money.ts';
import type { BasicInsuranceScheme, InsurancePolicy, ReimbursementLevel, SettlementLevel } from './policy.ts';

/**
 * Claim adjudication of one encounter (docs/domain/insurance.md "§7 Claim adjudication").
 * `rule` explains each step in Chinese for the insurance officer and the patient.
 */

export interface ClaimInput {
  totalCost: number;
  /** 自费: cost outside the insurance catalogue. Give this or `eligibleCost`. */
  selfPayCost?: number;
  /** 政策范围内费用 = totalCost − selfPayCost. */
  eligibleCost?: number;
  scheme: BasicInsuranceScheme;
  /** Level of the treating organisation (ignored out of county). */
  level: SettlementLevel;
  inCounty: boolean;
  inpatient: boolean;
  hasApprovedOutReferral: boolean;
  /** 备案流动人员: exempt from the out-of-county lowering (policy text 002). */
  registeredMigrant?: boolean;
  /** Transfer within the group during one hospitalisation: the deductible was met at the first unit (policy text 001). */
  deductibleAlreadyMetByTransfer: boolean;
  /** Fund payments this year under the same cap (same scheme and setting). */
  paidSoFarThisYear: number;
}

export interface ClaimAdjudication {
  /** Deductible borne by the patient in this encounter. */
  deductible: number;
  /** 政策范围内费用. */
  eligible: number;
  /** Ratio applied (after any lowering). */
  ratio: number;
  fundPaid: number;
  /** totalCost − fundPaid. */
  outOfPocket: number;
  rule: string[];
}

export type ClaimPolicy = Pick<InsurancePolicy, 'reimbursement' | 'unreferredOutOfCountyPenalty'>;

const SCHEME_LABELS: Record<BasicInsuranceScheme, string> = { urban_rural_resident: '城乡居民医保', urban_employee: '城镇职工医保' };
const LEVEL_LABELS: Record<ReimbursementLevel, string> = {
  hospital: '县级医院',
  center: '乡镇卫生院/社区卫生服务中心',
  village: '村卫生室/社区卫生服务站',
  out_of_county: '县外医院',
};

function eligibleOf(input: ClaimInput): number {
  const { totalCost, selfPayCost, eligibleCost } = input;
  if (selfPayCost === undefined && eligibleCost === undefined) throw invalid('须提供自费金额或政策范围内费用', 'eligibleCost');
  if (selfPayCost !== undefined) {
    assertFen(selfPayCost, 'selfPayCost');
    if (selfPayCost > totalCost) throw invalid('自费金额不能超过总费用', 'selfPayCost', { totalCost, selfPayCost });
  }
  if (eligibleCost !== undefined) {
    assertFen(eligibleCost, 'eligibleCost');
    if (eligibleCost > totalCost) throw invalid('政策范围内费用不能超过总费用', 'eligibleCost', { totalCost, eligibleCost });
    if (selfPayCost !== undefined && eligibleCost !== totalCost - selfPayCost) throw invalid('政策范围内费用须等于总费用减自费', 'eligibleCost', { totalCost, selfPayCost, eligibleCost });
    return eligibleCost;
  }
  return totalCost - selfPayCost!;
}

/**
 * Adjudicates one encounter: eligible = total − self-pay; the deductible of the scheme × level ×
 * setting row (once per stay across a transfer within the group); the ratio, lowered for
 * out-of-county inpatient care without an approved out referral; fundPaid = round((eligible −
 * deductible) × ratio), never above what is left of the annual cap.
 */
export function adjudicateClaim(input: ClaimInput, policy: ClaimPolicy): ClaimAdjudication {
  assertFen(input.totalCost, 'totalCost');
  assertFen(input.paidSoFarThisYear, 'paidSoFarThisYear');
  const eligible = eligibleOf(input);
  const row: ReimbursementLevel = input.inCounty ? input.level : 'out_of_county';
  const setting = input.inpatient ? 'inpatient' : 'outpatient';
  const settingLabel = input.inpatient ? '住院' : '门诊';
  const where = `${LEVEL_LABELS[row]}${settingLabel}`;
  const r = policy.reimbursement[input.scheme][row][setting];
  const at = `reimbursement.${input.scheme}.${row}.${setting}`;
  assertFen(r.deductible, `${at}.deductible`);
  assertRatio(r.ratio, `${at}.ratio`);
  assertFen(r.annualCap, `${at}.annualCap`);
  assertRatio(policy.unreferredOutOfCountyPenalty, 'unreferredOutOfCountyPenalty');

  const rule: string[] = [];
  const selfPay = input.totalCost - eligible;
  rule.push(`${SCHEME_LABELS[input.scheme]}，${where}：总费用 ${formatYuan(input.totalCost)} 元，其中自费 ${formatYuan(selfPay)} 元，政策范围内费用 ${formatYuan(eligible)} 元`);

  // Deductible (起付线); policy text 001: a transfer within the group in one stay counts it once.
  let deductible: number;
  if (input.inpatient && input.inCounty && input.deductibleAlreadyMetByTransfer) {
    deductible = 0;
    rule.push(`同一次住院在医共体内转诊，起付线连续计算：本次不再扣除起付线（${where}起付线 ${formatYuan(r.deductible)} 元）`);
  } else {
    if (input.deductibleAlreadyMetByTransfer) rule.push('起付线连续计算只适用于医共体内同一次住院的转诊，本次不适用');
    deductible = Math.min(r.deductible, eligible);
    if (r.deductible === 0) rule.push(`${where}不设起付线`);
    else if (deductible < r.deductible) rule.push(`起付线 ${formatYuan(r.deductible)} 元（${where}）：政策范围内费用未超过起付线，${formatYuan(deductible)} 元全部由个人负担`);
    else rule.push(`起付线 ${formatYuan(r.deductible)} 元（${where}）`);
  }

  // Ratio; policy text 002: out-of-county inpatient care without a referral is reimbursed lower.
  let ratio = r.ratio;
  if (!input.inCounty && input.inpatient) {
    if (input.hasApprovedOutReferral) rule.push(`县外住院已经批准转诊，报销比例 ${formatPercent(ratio)}`);
    else if (input.registeredMigrant) rule.push(`县外住院未经转诊，但属备案流动人员，报销比例不下调：${formatPercent(ratio)}`);
    else {
      const lowered = Math.max(0, Number((r.ratio - policy.unreferredOutOfCountyPenalty).toFixed(9)));
      rule.push(`县外住院未经转诊，报销比例下调 ${Number((policy.unreferredOutOfCountyPenalty * 100).toFixed(4))} 个百分点：${formatPercent(r.ratio)} → ${formatPercent(lowered)}`);
      ratio = lowered;
    }
  } else {
    rule.push(`报销比例 ${formatPercent(ratio)}（${where}）`);
  }

  const base = eligible - deductible;
  const byRatio = applyRates(base, ratio);
  rule.push(`按比例支付：（${formatYuan(eligible)} − ${formatYuan(deductible)}）× ${formatPercent(ratio)} = ${formatYuan(byRatio)} 元`);

  const capLeft = Math.max(0, r.annualCap - input.paidSoFarThisYear);
  const fundPaid = Math.min(byRatio, capLeft);
  if (fundPaid < byRatio) rule.push(`年度封顶线 ${formatYuan(r.annualCap)} 元，本年已支付 ${formatYuan(input.paidSoFarThisYear)} 元，剩余 ${formatYuan(capLeft)} 元：基金支付以剩余额度为限，${formatYuan(fundPaid)} 元`);
  else rule.push(`年度封顶线 ${formatYuan(r.annualCap)} 元，本年已支付 ${formatYuan(input.paidSoFarThisYear)} 元，剩余 ${formatYuan(capLeft)} 元，未超限`);

  const outOfPocket = input.totalCost - fundPaid;
  rule.push(`基金支付 ${formatYuan(fundPaid)} 元，个人负担 ${formatYuan(outOfPocket)} 元`);
  return { deductible, eligible, ratio, fundPaid, outOfPocket, rule };
}

/** The fields of an encounter (docs/domain/encounters.md "Record") that the transfer rule reads. */
export interface StayEncounter {
  residentIdNumber: string;
  orgCode: string;
  type: 'outpatient' | 'emergency' | 'inpatient';
  outOfCounty: boolean;
  start: string;
  end: string | null;
  referralId: string | null;
}

/**
 * Whether `next` continues the stay of `prev` by a transfer within the group (policy text 001
 * 同一次住院转诊): both inpatient and in county, the same resident, another unit, `next` admitted
 * on `prev`'s discharge date and carrying the referral that moved the patient.
 */
export function isTransferWithinStay(prev: StayEncounter, next: StayEncounter): boolean {
  return prev.type === 'inpatient' && next.type === 'inpatient'
    && !prev.outOfCounty && !next.outOfCounty
    && prev.residentIdNumber === next.residentIdNumber
    && prev.orgCode !== next.orgCode
    && prev.end !== null && prev.end === next.start
    && next.referralId !== null && next.referralId !== '';
}
