import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseMixIndex, classifyDrgOutlier, drgGroupStandards, settleDrg, type DrgCase } from './drg.ts';
import { DEFAULT_INSURANCE_POLICY } from './policy.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const params = DEFAULT_INSURANCE_POLICY.drg;
const drgCase = (organizationId: string, drgCode: string, weight: number, totalCost: number): DrgCase => ({ organizationId, drgCode, weight, totalCost });
const standards = new Map([['ES23', 1_000_000], ['GB25', 2_000_000]]);

describe('DRG (insurance.md §6)', () => {
  it('takes the group standard as the reference-year average', () => {
    expect(drgGroupStandards([drgCase('', 'ES23', 1, 900_000), drgCase('', 'ES23', 1, 1_100_000), drgCase('', 'GB25', 2, 2_000_000)])).toEqual(standards);
  });

  it('marks outliers at 3× and 0.4× the standard, both bounds included', () => {
    expect(classifyDrgOutlier(3_000_000, 1_000_000, params)).toBe('high');
    expect(classifyDrgOutlier(2_999_999, 1_000_000, params)).toBeNull();
    expect(classifyDrgOutlier(400_000, 1_000_000, params)).toBe('low');
    expect(classifyDrgOutlier(400_001, 1_000_000, params)).toBeNull();
    expect(classifyDrgOutlier(1, undefined, params)).toBeNull();
  });

  it('works a settlement by hand: outliers by item, the rest by weight, to the fen', () => {
    const cases = [
      drgCase('H1', 'ES23', 1, 900_000), //    normal
      drgCase('H1', 'GB25', 2, 2_100_000), //  normal
      drgCase('H1', 'GB25', 2, 6_000_000), //  ≥ 3 × 2,000,000: high outlier, paid 6,000,000
      drgCase('C1', 'ES23', 1, 400_000), //    ≤ 0.4 × 1,000,000: low outlier, paid 400,000
      drgCase('C1', 'ES23', 1, 1_100_000), //  normal
      drgCase('C1', 'XX99', 0.5, 50_000), //   no standard: normal
    ];
    // Item payments 6,000,000 + 400,000 = 6,400,000; left for weights 20,000,000 − 6,400,000 = 13,600,000
    // Weights paid: H1 1 + 2 = 3; C1 1 + 0.5 = 1.5; Σ 4.5 → base rate 13,600,000 ÷ 4.5 = 3,022,222.22 per RW
    // H1 13,600,000 × 3/4.5 = 9,066,666.67; C1 × 1.5/4.5 = 4,533,333.33 → one fen left → H1 (.67)
    // H1 = 6,000,000 + 9,066,667 = 15,066,667; C1 = 400,000 + 4,533,333 = 4,933,333; Σ 20,000,000
    // CMI = (1 + 2 + 2 + 1 + 1 + 0.5) ÷ 6 = 1.25
    const r = settleDrg({ cases, standards, budget: 20_000_000, params });
    expect(r).toMatchObject({ paidWeight: 4.5, totalWeight: 7.5, cmi: 1.25, cases: 6, lowOutliers: 1, highOutliers: 1, itemPayments: 6_400_000 });
    expect(r.baseRate).toBeCloseTo(13_600_000 / 4.5, 9);
    expect(r.members).toEqual([
      { organizationId: 'H1', cases: 3, outlierCases: 1, weight: 5, cmi: 5 / 3, payment: 15_066_667 },
      { organizationId: 'C1', cases: 3, outlierCases: 1, weight: 2.5, cmi: 2.5 / 3, payment: 4_933_333 },
    ]);
    expect(caseMixIndex(cases)).toBe(1.25);
    expect(caseMixIndex([])).toBeNull();
  });

  it('refuses outliers that cost more than the budget, and a budget no case can take', () => {
    expect(fieldOf(() => settleDrg({ cases: [drgCase('H', 'ES23', 1, 5_000_000)], standards, budget: 1_000_000, params }))).toBe('budget');
    expect(fieldOf(() => settleDrg({ cases: [drgCase('H', 'ES23', 1, 5_000_000)], standards, budget: 6_000_000, params }))).toBe('cases');
    expect(fieldOf(() => settleDrg({ cases: [drgCase('H', 'ES23', -1, 5)], standards, budget: 6, params }))).toBe('cases[0].weight');
    expect(fieldOf(() => settleDrg({ cases: [], standards, budget: 6, params: { lowOutlierRatio: 0.4, highOutlierRatio: 0.9 } }))).toBe('drg.highOutlierRatio');
  });

  it('spends the budget exactly, outliers at their cost (property)', () => {
    const aCase = fc.record({
      organizationId: fc.constantFrom('H1', 'H2', 'C1'),
      drgCode: fc.constantFrom('ES23', 'GB25', 'ZZ11'),
      weight: fc.double({ min: 0.1, max: 5, noNaN: true }),
      totalCost: fc.integer({ min: 0, max: 8_000_000 }),
    });
    fc.assert(fc.property(fc.array(aCase, { minLength: 1, maxLength: 150 }), fc.integer({ min: 0, max: 1e10 }), (cases, extra) => {
      const outliers = cases.filter((c) => classifyDrgOutlier(c.totalCost, standards.get(c.drgCode), params) !== null);
      fc.pre(outliers.length < cases.length);
      const budget = outliers.reduce((s, c) => s + c.totalCost, 0) + extra;
      const r = settleDrg({ cases, standards, budget, params });
      expect(r.members.reduce((s, m) => s + m.payment, 0)).toBe(budget);
      for (const m of r.members) {
        const own = cases.filter((c) => c.organizationId === m.organizationId);
        const items = own.filter((c) => outliers.includes(c)).reduce((s, c) => s + c.totalCost, 0);
        const weight = own.filter((c) => !outliers.includes(c)).reduce((s, c) => s + c.weight, 0);
        expect(Math.abs(m.payment - items - weight * r.baseRate)).toBeLessThan(1 + budget * 1e-12);
      }
    }));
  });
});
