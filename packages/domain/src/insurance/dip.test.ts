import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeDipScores, dipCasePoints, dipScoresFromGroups, dipGroupOf, settleDipPoints, type DipCase, type DipReferenceCase } from './dip.ts';
import { DEFAULT_INSURANCE_POLICY, type DipParameters } from './policy.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const params: DipParameters = DEFAULT_INSURANCE_POLICY.dip;
const ref = (primaryDiagnosis: string, totalCost: number): DipReferenceCase => ({ primaryDiagnosis, totalCost });
const dipCase = (organizationId: string, level: DipCase['level'], primaryDiagnosis: string, totalCost: number): DipCase => ({ organizationId, level, primaryDiagnosis, totalCost });

// Reference year, six cases, 6,000,000 fen in all: all-case average 1,000,000 fen (10,000 yuan).
const reference = [
  ref('I63.9', 1_400_000), ref('I63.5', 1_600_000), // cerebral infarction: average 1,500,000 → score 1500
  ref('J18.0', 500_000), ref('J18.9', 700_000), ref('J18.1', 600_000), // pneumonia: average 600,000 → score 600
  ref('K35.8', 1_200_000), // appendicitis: 1,200,000 → score 1200
];

describe('DIP disease scores (insurance.md §5)', () => {
  it('groups by the 3-character ICD-10 category', () => {
    expect(dipGroupOf('E11.9')).toBe('E11');
    expect(dipGroupOf(' i10 ')).toBe('I10');
    expect(fieldOf(() => dipGroupOf('11'))).toBe('primaryDiagnosis');
  });

  it('scores each group as its average cost over the all-case average × 1000', () => {
    const s = computeDipScores(reference, 1000);
    expect(s.allCaseAverage).toBe(1_000_000);
    expect(Object.fromEntries([...s.groups].map(([g, v]) => [g, v]))).toEqual({
      I63: { cases: 2, averageCost: 1_500_000, score: 1500 },
      J18: { cases: 3, averageCost: 600_000, score: 600 },
      K35: { cases: 1, averageCost: 1_200_000, score: 1200 },
    });
  });

  it('refuses an empty or cost-free reference year and a non-positive base', () => {
    expect(fieldOf(() => computeDipScores([], 1000))).toBe('referenceCases');
    expect(fieldOf(() => computeDipScores([ref('I10', 0)], 1000))).toBe('referenceCases');
    expect(fieldOf(() => computeDipScores(reference, 0))).toBe('dip.base');
    expect(fieldOf(() => computeDipScores([ref('I10', -5)], 1000))).toBe('referenceCases[0].totalCost');
  });
});

describe('DIP case points', () => {
  const scores = computeDipScores(reference, 1000);
  it('applies the level coefficient to a normal case', () => {
    expect(dipCasePoints(dipCase('H', 'hospital', 'I63.9', 1_500_000), scores, params)).toEqual({ group: 'I63', score: 1500, coefficient: 1, outlier: null, points: 1500 });
    expect(dipCasePoints(dipCase('C', 'center', 'J18.9', 600_000), scores, params).points).toBe(510); // 600 × 0.85
  });

  it('scores a low outlier by its cost ratio and a high one by the ratio less one, coefficient included', () => {
    // 250,000 ÷ 600,000 = 0.4167 < 0.5 → 600 × 0.4167 = 250
    const low = dipCasePoints(dipCase('H', 'hospital', 'J18.0', 250_000), scores, params);
    expect(low.outlier).toBe('low');
    expect(low.points).toBeCloseTo(250, 9);
    // 1,500,000 ÷ 600,000 = 2.5 > 2 → 600 × (2.5 − 1) × 0.85 = 765
    const high = dipCasePoints(dipCase('C', 'center', 'J18.1', 1_500_000), scores, params);
    expect(high.outlier).toBe('high');
    expect(high.points).toBeCloseTo(765, 9);
  });

  it('treats exactly half and exactly twice the average as normal', () => {
    expect(dipCasePoints(dipCase('H', 'hospital', 'J18', 300_000), scores, params)).toMatchObject({ outlier: null, points: 600 });
    expect(dipCasePoints(dipCase('C', 'center', 'J18', 1_200_000), scores, params)).toMatchObject({ outlier: null, points: 510 });
  });

  it('scores a group absent from the reference year at the base, judged against the all-case average', () => {
    expect(dipCasePoints(dipCase('C', 'center', 'E11.9', 900_000), scores, params)).toEqual({ group: 'E11', score: 1000, coefficient: 0.85, outlier: null, points: 850 });
    expect(dipCasePoints(dipCase('H', 'hospital', 'E11.9', 2_500_000), scores, params)).toMatchObject({ outlier: 'high', points: 1500 });
  });

  it('pays a uniform group alike at every level (同城同病同价)', () => {
    expect(dipCasePoints(dipCase('C', 'center', 'J18.9', 600_000), scores, { ...params, uniformGroups: ['J18'] })).toMatchObject({ coefficient: 1, points: 600 });
  });

  it('refuses a level without a coefficient', () => {
    expect(fieldOf(() => dipCasePoints({ ...dipCase('V', 'center', 'J18', 1), level: 'village' as DipCase['level'] }, scores, params))).toBe('case.level');
  });
});

describe('settleDipPoints', () => {
  const scores = computeDipScores(reference, 1000);
  it('works a period by hand: points, point value and payments to the fen', () => {
    const cases = [
      dipCase('H', 'hospital', 'I63.9', 1_500_000), // 1500
      dipCase('H', 'hospital', 'J18.0', 250_000), //  250 (low outlier)
      dipCase('C', 'center', 'J18.9', 600_000), //     510
      dipCase('C', 'center', 'J18.1', 1_500_000), //   765 (high outlier)
      dipCase('C', 'center', 'E11.9', 900_000), //     850 (group new this year)
      dipCase('H', 'hospital', 'K35.8', 1_200_000), // 1200
      dipCase('C', 'center', 'J18.2', 1_200_000), //   510 (exactly 2×: normal)
      dipCase('H', 'hospital', 'J18.0', 300_000), //   600 (exactly ½: normal)
    ];
    // H: 1500 + 250 + 1200 + 600 = 3550; C: 510 + 765 + 850 + 510 = 2635; Σ 6185
    // Budget 10,000,000 − adjustment reserve 500,000 = 9,500,000 to distribute
    // Point value = 9,500,000 ÷ 6185 = 1,535.974 fen
    // H 3550 × 1,535.974 = 5,452,708.16; C 2635 × 1,535.974 = 4,047,291.84 → one fen left → C (.84)
    const r = settleDipPoints({ cases, scores, budget: 10_000_000, adjustmentReserve: 500_000, params });
    expect(r.totalPoints).toBeCloseTo(6185, 9);
    expect(r.pointValue).toBeCloseTo(9_500_000 / 6185, 9);
    expect(r.cases).toBe(8);
    expect([r.lowOutliers, r.highOutliers]).toEqual([1, 1]);
    expect(r.members.map((m) => ({ ...m, points: Math.round(m.points * 1e6) / 1e6 }))).toEqual([
      { organizationId: 'H', cases: 4, points: 3550, payment: 5_452_708 },
      { organizationId: 'C', cases: 4, points: 2635, payment: 4_047_292 },
    ]);
  });

  it('refuses an adjustment reserve above the budget, and a period without points', () => {
    const cases = [dipCase('H', 'hospital', 'I63', 1_000)];
    expect(fieldOf(() => settleDipPoints({ cases, scores, budget: 100, adjustmentReserve: 101, params }))).toBe('adjustmentReserve');
    expect(fieldOf(() => settleDipPoints({ cases: [], scores, budget: 100, adjustmentReserve: 0, params }))).toBe('cases');
    expect(fieldOf(() => settleDipPoints({ cases: [dipCase('H', 'hospital', 'I63', 0)], scores, budget: 100, adjustmentReserve: 0, params }))).toBe('cases');
    expect(fieldOf(() => settleDipPoints({ cases: [dipCase('H', 'hospital', 'I63', -1)], scores, budget: 100, adjustmentReserve: 0, params }))).toBe('cases[0].totalCost');
    expect(fieldOf(() => settleDipPoints({ cases, scores, budget: 100, adjustmentReserve: 0, params: { ...params, highOutlierRatio: 0.5 } }))).toBe('dip.highOutlierRatio');
  });

  it('pays budget − adjustment reserve exactly, each member within a fen of points × point value (property)', () => {
    const groups = ['I63', 'J18', 'K35', 'E11', 'C34'];
    const aCase = fc.record({
      organizationId: fc.constantFrom('H1', 'H2', 'C1', 'C2', 'C3'),
      level: fc.constantFrom<DipCase['level']>('hospital', 'center'),
      primaryDiagnosis: fc.constantFrom(...groups),
      totalCost: fc.integer({ min: 1, max: 5_000_000 }),
    });
    fc.assert(fc.property(fc.array(aCase, { minLength: 1, maxLength: 200 }), fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 0, max: 100 }), (cases, budget, reservePct) => {
      const adjustmentReserve = Math.floor((budget * reservePct) / 100);
      const r = settleDipPoints({ cases, scores, budget, adjustmentReserve, params });
      expect(r.members.reduce((s, m) => s + m.payment, 0)).toBe(budget - adjustmentReserve);
      expect(r.members.reduce((s, m) => s + m.cases, 0)).toBe(cases.length);
      for (const m of r.members) expect(Math.abs(m.payment - m.points * r.pointValue)).toBeLessThan(1 + budget * 1e-12);
    }));
  });

  it('settles a county year of 107,000 cases in one pass', () => {
    const codes = Array.from({ length: 400 }, (_, i) => `${String.fromCharCode(65 + (i % 26))}${String(i % 100).padStart(2, '0')}`);
    const big = computeDipScores(codes.map((c, i) => ref(c, 100_000 + i * 1_000)), 1000);
    const cases = Array.from({ length: 107_000 }, (_, i) => dipCase(`m${i % 60}`, i % 3 === 0 ? 'center' : 'hospital', codes[(i * 7) % codes.length]!, 50_000 + ((i * 7919) % 900_000)));
    const r = settleDipPoints({ cases, scores: big, budget: 20_000_000_000, adjustmentReserve: 1_000_000_000, params }); // 200 million yuan, 5% reserve
    expect(r.cases).toBe(107_000);
    expect(r.members).toHaveLength(60);
    expect(r.members.reduce((s, m) => s + m.payment, 0)).toBe(19_000_000_000);
  });
});

describe('dipScoresFromGroups', () => {
  it('gives the scores computeDipScores gives from the same cases summed per group', () => {
    fc.assert(fc.property(fc.array(fc.record({ primaryDiagnosis: fc.constantFrom('I10', 'I63.9', 'E11', 'J18.0', 'K35'), totalCost: fc.integer({ min: 1, max: 5_000_000 }) }), { minLength: 1, maxLength: 60 }), (cases) => {
      const totals = new Map<string, { group: string; cases: number; totalCost: number }>();
      for (const c of cases) {
        const g = dipGroupOf(c.primaryDiagnosis);
        const t = totals.get(g) ?? { group: g, cases: 0, totalCost: 0 };
        t.cases += 1;
        t.totalCost += c.totalCost;
        totals.set(g, t);
      }
      const a = computeDipScores(cases, 1000);
      const b = dipScoresFromGroups([...totals.values()], 1000);
      expect(b.allCaseAverage).toBeCloseTo(a.allCaseAverage, 6);
      for (const [g, s] of a.groups) expect(b.groups.get(g)!.score).toBeCloseTo(s.score, 9);
    }));
  });
});
