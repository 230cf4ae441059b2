import { invalid } from '../shared/domain-error.ts';
import { applyRates, applyRatesOver, assertFen, assertRatio, divideRounded } from './money.ts';
import { MIN_BUDGET_SHARE, type InsurancePolicy } from './policy.ts';

/** The parameters of the capitation budget (按人头总额预付, policy text 002; docs/domain/insurance.md "§1 Capitation budget"). */
export type CapitationParameters = Pick<InsurancePolicy, 'financing' | 'financingPrevYear' | 'catastrophicPremium' | 'accidentPremium' | 'riskReserveRate' | 'budgetShare'>;

export interface CapitationBudget {
  /** R = round(r × max(0, F − F₀)): 增量基金风险金. */
  riskReserve: number;
  /** F − R − C − A: what the budget share applies to. */
  budgetBase: number;
  /** T = round(s × (F − R − C − A)): 医共体按人头总额预算基金. */
  budget: number;
}

function checkCapitation(p: CapitationParameters): void {
  assertFen(p.financing, 'financing');
  assertFen(p.financingPrevYear, 'financingPrevYear');
  assertFen(p.catastrophicPremium, 'catastrophicPremium');
  assertFen(p.accidentPremium, 'accidentPremium');
  assertRatio(p.riskReserveRate, 'riskReserveRate');
  assertRatio(p.budgetShare, 'budgetShare');
  if (p.budgetShare < MIN_BUDGET_SHARE) throw invalid('医共体预算比例不得低于 95%', 'budgetShare', { value: p.budgetShare });
}

/** 增量基金风险金 (§1): r of the increase in financing over last year; none when financing fell. */
export function computeRiskReserve(p: Pick<CapitationParameters, 'financing' | 'financingPrevYear' | 'riskReserveRate'>): number {
  assertFen(p.financing, 'financing');
  assertFen(p.financingPrevYear, 'financingPrevYear');
  assertRatio(p.riskReserveRate, 'riskReserveRate');
  return applyRates(Math.max(0, p.financing - p.financingPrevYear), p.riskReserveRate);
}

/** The community's capitation budget T (§1). Throws when the premiums exceed what is left of the financing. */
export function computeCapitationBudget(p: CapitationParameters): CapitationBudget {
  checkCapitation(p);
  const riskReserve = computeRiskReserve(p);
  const budgetBase = p.financing - riskReserve - p.catastrophicPremium - p.accidentPremium;
  if (budgetBase < 0) throw invalid('扣除风险金、大病保险和意外伤害保险后筹资为负', 'financing', { financing: p.financing, riskReserve, catastrophicPremium: p.catastrophicPremium, accidentPremium: p.accidentPremium });
  return { riskReserve, budgetBase, budget: applyRates(budgetBase, p.budgetShare) };
}

/**
 * Monthly pre-allocation `round(T ÷ 12 × p)` (§1). Never more than `floor(T ÷ 12)`, so twelve of them
 * never exceed the budget (only matters when p is 1 or nearly).
 */
export function monthlyPrepayment(budget: number, prepaymentRate: number): number {
  assertFen(budget, 'budget');
  assertRatio(prepaymentRate, 'prepaymentRate');
  return Math.min(applyRatesOver(budget, 12, [prepaymentRate]), Math.floor(budget / 12));
}

export interface PrepaymentSchedule {
  /** Twelve equal monthly amounts, January first. */
  months: number[];
  /** The rest, paid at annual clearing: T − 12 × monthly (≥ 0). */
  atClearing: number;
}

/** The year's prepayments (§1): twelve monthly amounts and the rest at annual clearing. */
export function prepaymentSchedule(budget: number, prepaymentRate: number): PrepaymentSchedule {
  const monthly = monthlyPrepayment(budget, prepaymentRate);
  return { months: Array.from({ length: 12 }, () => monthly), atClearing: budget - 12 * monthly };
}

export interface BudgetPosition {
  budget: number;
  outlay: number;
  /** T − O: left of the budget (negative: overspent so far). */
  remaining: number;
  /** O ÷ T, null when the budget is 0. */
  usedShare: number | null;
}

/** Where the community stands against its budget (§2: outlay = fundPaid in and out of county). */
export function budgetPosition(budget: number, outlay: number): BudgetPosition {
  assertFen(budget, 'budget');
  assertFen(outlay, 'outlay');
  return { budget, outlay, remaining: budget - outlay, usedShare: budget === 0 ? null : outlay / budget };
}

/**
 * Calendar months of `year` complete on `asOf` (YYYY-MM-DD): a month is complete on its last day.
 * 2025-03-31 → 3, 2025-03-30 → 2; a later year → 12, an earlier one → 0.
 */
export function completedMonthsAsOf(year: number, asOf: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  if (!m) throw invalid('日期格式须为 YYYY-MM-DD', 'asOf', { value: asOf });
  const [y, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < year) return 0;
  if (y > year) return 12;
  const lastDay = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return day >= lastDay ? month : month - 1;
}

export interface OutlayProjectionInput {
  budget: number;
  /** Outlay per calendar month from January: the complete months, then at most the current partial month. */
  monthlyOutlay: readonly number[];
  /** How many leading entries of `monthlyOutlay` are complete months (see `completedMonthsAsOf`). */
  completedMonths: number;
  /** Last year's outlay per month (12 entries), for the seasonal projection. */
  previousYearMonthlyOutlay?: readonly number[] | null;
}

export interface OutlayProjection {
  completedMonths: number;
  /** Outlay of the complete months: what the projections extrapolate. */
  outlayOfCompletedMonths: number;
  /** Outlay so far including the partial current month. */
  outlayToDate: number;
  /** round(outlay of complete months ÷ months × 12); null before the first month is complete. */
  linear: number | null;
  /** round(outlay of complete months ÷ last year's share of those months); null when last year cannot be used. */
  seasonal: number | null;
  /** The seasonal projection when there is one, else the linear one. */
  projected: number | null;
  basis: 'seasonal' | 'linear' | null;
  /** The projection, or the outlay already booked, exceeds the budget. */
  overBudget: boolean;
}

/**
 * Year-end outlay projections (docs/domain/insurance.md "§2 Position and projection"). A partial current month is
 * left out of the projections — encounters arrive late and inpatient stays count in their discharge
 * month, so a part-month under-reports — but counts in `outlayToDate` and in the alert.
 */
export function projectYearEndOutlay(input: OutlayProjectionInput): OutlayProjection {
  const { budget, monthlyOutlay, completedMonths: m } = input;
  assertFen(budget, 'budget');
  if (!Number.isInteger(m) || m < 0 || m > 12) throw invalid('已结束月份数须在 0 到 12 之间', 'completedMonths', { value: m });
  if (monthlyOutlay.length < m || monthlyOutlay.length > Math.min(12, m + 1)) throw invalid('月度支出须为已结束月份加至多一个当月', 'monthlyOutlay', { length: monthlyOutlay.length, completedMonths: m });
  monthlyOutlay.forEach((v, i) => assertFen(v, `monthlyOutlay[${i}]`));

  const completed = monthlyOutlay.slice(0, m).reduce((a, b) => a + b, 0);
  const toDate = monthlyOutlay.reduce((a, b) => a + b, 0);
  const linear = m === 0 ? null : divideRounded(BigInt(completed) * 12n, BigInt(m));
  const seasonal = m === 0 ? null : seasonalProjection(completed, m, input.previousYearMonthlyOutlay ?? null);
  const projected = seasonal ?? linear;
  return {
    completedMonths: m,
    outlayOfCompletedMonths: completed,
    outlayToDate: toDate,
    linear,
    seasonal,
    projected,
    basis: projected === null ? null : seasonal === null ? 'linear' : 'seasonal',
    overBudget: (projected ?? 0) > budget || toDate > budget,
  };
}

function seasonalProjection(completed: number, m: number, previous: readonly number[] | null): number | null {
  if (previous === null) return null;
  if (previous.length !== 12) throw invalid('上年月度支出须为 12 个月', 'previousYearMonthlyOutlay', { length: previous.length });
  previous.forEach((v, i) => assertFen(v, `previousYearMonthlyOutlay[${i}]`));
  const total = previous.reduce((a, b) => a + b, 0);
  const elapsed = previous.slice(0, m).reduce((a, b) => a + b, 0);
  // Projected = outlay so far ÷ (elapsed ÷ total); no share when last year spent nothing in those months.
  if (elapsed === 0) return null;
  return divideRounded(BigInt(completed) * BigInt(total), BigInt(elapsed));
}
