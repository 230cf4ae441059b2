import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { budgetPosition, completedMonthsAsOf, computeCapitationBudget, computeRiskReserve, monthlyPrepayment, prepaymentSchedule, projectYearEndOutlay } from './budget.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const yuan = (n: number): number => n * 100;

// A county community: 12 million yuan raised this year, 11 million last year.
const county = {
  financing: yuan(12_000_000),
  financingPrevYear: yuan(11_000_000),
  catastrophicPremium: yuan(600_000),
  accidentPremium: yuan(50_000),
  riskReserveRate: 0.1,
  budgetShare: 0.95,
};

describe('capitation budget (insurance.md §1)', () => {
  it('works the budget of a county community by hand', () => {
    // R = 10% × (12,000,000 − 11,000,000) = 100,000 yuan
    // F − R − C − A = 12,000,000 − 100,000 − 600,000 − 50,000 = 11,250,000 yuan
    // T = 95% × 11,250,000 = 10,687,500 yuan
    expect(computeCapitationBudget(county)).toEqual({ riskReserve: yuan(100_000), budgetBase: yuan(11_250_000), budget: yuan(10_687_500) });
  });

  it('sets no risk reserve when financing fell', () => {
    expect(computeRiskReserve({ ...county, financing: yuan(10_000_000) })).toBe(0);
    expect(computeCapitationBudget({ ...county, financing: yuan(11_000_000) }).riskReserve).toBe(0);
  });

  it('rounds the reserve and the budget to the fen, half up, once', () => {
    // increase 5 fen × 10% = 0.5 → 1; budget: (100 − 1) × 95% = 94.05 → 94
    expect(computeCapitationBudget({ ...county, financing: 100, financingPrevYear: 95, catastrophicPremium: 0, accidentPremium: 0 })).toEqual({ riskReserve: 1, budgetBase: 99, budget: 94 });
    // 30 × 0.95 = 28.5 → 29 (the double product is 28.499…)
    expect(computeCapitationBudget({ ...county, financing: 30, financingPrevYear: 30, catastrophicPremium: 0, accidentPremium: 0 }).budget).toBe(29);
  });

  it('refuses a budget share below 95%, bad money, and premiums above the financing', () => {
    expect(fieldOf(() => computeCapitationBudget({ ...county, budgetShare: 0.9 }))).toBe('budgetShare');
    expect(fieldOf(() => computeCapitationBudget({ ...county, accidentPremium: -1 }))).toBe('accidentPremium');
    expect(fieldOf(() => computeCapitationBudget({ ...county, riskReserveRate: 1.5 }))).toBe('riskReserveRate');
    expect(fieldOf(() => computeCapitationBudget({ ...county, catastrophicPremium: yuan(20_000_000) }))).toBe('financing');
  });
});

describe('prepayment (insurance.md §1)', () => {
  it('prepays 90% of a twelfth each month and the rest at annual clearing', () => {
    // 10,687,500 ÷ 12 × 90% = 801,562.50 yuan a month; 12 × that = 9,618,750; clearing 1,068,750
    expect(monthlyPrepayment(yuan(10_687_500), 0.9)).toBe(80_156_250);
    const s = prepaymentSchedule(yuan(10_687_500), 0.9);
    expect(s.months).toEqual(Array(12).fill(80_156_250));
    expect(s.atClearing).toBe(yuan(1_068_750));
  });

  it('rounds the monthly amount to the fen', () => {
    expect(monthlyPrepayment(1_000_003, 0.9)).toBe(75_000); // 900,002.7 ÷ 12 = 75,000.225
    expect(monthlyPrepayment(100, 0.9)).toBe(8); // 90 ÷ 12 = 7.5 → 8
  });

  it('never prepays more than the budget, even at 100%', () => {
    // 11 ÷ 12 = 0.92 would round to 1 fen a month, 12 fen in all; capped at floor(11 ÷ 12) = 0
    expect(prepaymentSchedule(11, 1)).toEqual({ months: Array(12).fill(0), atClearing: 11 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 100 }), (budget, pct) => {
      const s = prepaymentSchedule(budget, pct / 100);
      expect(s.atClearing).toBe(budget - 12 * monthlyPrepayment(budget, pct / 100));
      expect(s.months.reduce((a, b) => a + b, 0) + s.atClearing).toBe(budget);
    }));
  });
});

describe('budget position and projection (insurance.md §2)', () => {
  it('reports what is left of the budget', () => {
    expect(budgetPosition(1_000, 1_250)).toEqual({ budget: 1_000, outlay: 1_250, remaining: -250, usedShare: 1.25 });
    expect(budgetPosition(0, 0).usedShare).toBeNull();
  });

  it('counts a month complete on its last day', () => {
    expect(completedMonthsAsOf(2025, '2025-03-31')).toBe(3);
    expect(completedMonthsAsOf(2025, '2025-03-30')).toBe(2);
    expect(completedMonthsAsOf(2024, '2024-02-29')).toBe(2);
    expect(completedMonthsAsOf(2024, '2024-02-28')).toBe(1);
    expect(completedMonthsAsOf(2025, '2025-01-15')).toBe(0);
    expect(completedMonthsAsOf(2025, '2026-01-01')).toBe(12);
    expect(completedMonthsAsOf(2025, '2024-12-31')).toBe(0);
    expect(fieldOf(() => completedMonthsAsOf(2025, '2025-3-31'))).toBe('asOf');
  });

  it('projects linearly and seasonally from the complete months, leaving the partial month out', () => {
    const previousYearMonthlyOutlay = [80, 80, 90, 100, 100, 100, 100, 100, 100, 110, 120, 120]; // 1,200 in all
    const p = projectYearEndOutlay({ budget: 1_200, monthlyOutlay: [100, 120, 110, 40], completedMonths: 3, previousYearMonthlyOutlay });
    // linear: (100 + 120 + 110) ÷ 3 × 12 = 1,320
    // seasonal: Jan–Mar were (80 + 80 + 90) ÷ 1,200 = 20.83% of last year → 330 ÷ (250 ÷ 1,200) = 1,584
    expect(p).toEqual({ completedMonths: 3, outlayOfCompletedMonths: 330, outlayToDate: 370, linear: 1_320, seasonal: 1_584, projected: 1_584, basis: 'seasonal', overBudget: true });
  });

  it('falls back to the linear projection without a usable previous year', () => {
    const base = { budget: 2_000, monthlyOutlay: [100, 101], completedMonths: 2 };
    expect(projectYearEndOutlay(base)).toMatchObject({ linear: 1_206, seasonal: null, projected: 1_206, basis: 'linear', overBudget: false });
    expect(projectYearEndOutlay({ ...base, previousYearMonthlyOutlay: [0, 0, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50] })).toMatchObject({ seasonal: null, basis: 'linear' });
    // 100 × 12 ÷ 7 = 171.43 → 171
    expect(projectYearEndOutlay({ budget: 2_000, monthlyOutlay: [100, 0, 0, 0, 0, 0, 0], completedMonths: 7 }).linear).toBe(171);
  });

  it('has no projection before the first month is complete, but still alerts on what is booked', () => {
    expect(projectYearEndOutlay({ budget: 100, monthlyOutlay: [50], completedMonths: 0 })).toMatchObject({ linear: null, seasonal: null, projected: null, basis: null, overBudget: false });
    expect(projectYearEndOutlay({ budget: 100, monthlyOutlay: [150], completedMonths: 0 }).overBudget).toBe(true);
  });

  it('alerts exactly when the projection exceeds the budget', () => {
    expect(projectYearEndOutlay({ budget: 1_200, monthlyOutlay: [100], completedMonths: 1 }).overBudget).toBe(false);
    expect(projectYearEndOutlay({ budget: 1_199, monthlyOutlay: [100], completedMonths: 1 }).overBudget).toBe(true);
  });

  it('refuses months that do not fit the completed count', () => {
    expect(fieldOf(() => projectYearEndOutlay({ budget: 1, monthlyOutlay: [1, 2, 3], completedMonths: 1 }))).toBe('monthlyOutlay');
    expect(fieldOf(() => projectYearEndOutlay({ budget: 1, monthlyOutlay: [1], completedMonths: 2 }))).toBe('monthlyOutlay');
    expect(fieldOf(() => projectYearEndOutlay({ budget: 1, monthlyOutlay: [1, -2], completedMonths: 2 }))).toBe('monthlyOutlay[1]');
    expect(fieldOf(() => projectYearEndOutlay({ budget: 1, monthlyOutlay: [1], completedMonths: 13 }))).toBe('completedMonths');
    expect(fieldOf(() => projectYearEndOutlay({ budget: 1, monthlyOutlay: [1], completedMonths: 1, previousYearMonthlyOutlay: [1, 2] }))).toBe('previousYearMonthlyOutlay');
  });

  it('gives the linear projection from a flat previous year, and the actual outlay at year end (property)', () => {
    const months = fc.array(fc.integer({ min: 0, max: 1e10 }), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(months, fc.integer({ min: 1, max: 1e9 }), (monthlyOutlay, flat) => {
      const m = monthlyOutlay.length;
      const p = projectYearEndOutlay({ budget: 0, monthlyOutlay, completedMonths: m, previousYearMonthlyOutlay: Array(12).fill(flat) });
      expect(p.seasonal).toBe(p.linear);
      if (m === 12) expect(p.projected).toBe(monthlyOutlay.reduce((a, b) => a + b, 0));
    }));
  });
});
