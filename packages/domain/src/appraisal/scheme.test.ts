import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appraisalSchemeProblems, scoreAppraisal, scoreAppraisalItem, scoreAppraisals, validateAppraisalScheme, type AppraisalItem, type AppraisalScheme } from './scheme.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const item = (code: string, indicatorCode: string, weight: number, floor: number, target: number, direction: AppraisalItem['direction'] = 'higher'): AppraisalItem => ({ code, name: `项目${code}`, indicatorCode, weight, floor, target, direction });

// Targets of policy texts 002 and 004: county visit rate ~90%, grassroots ~65%; out-transfer down.
const scheme: AppraisalScheme = {
  items: [
    item('A', 'county_visit_rate', 30, 0.8, 0.9),
    item('B', 'grassroots_visit_rate', 30, 0.5, 0.65),
    item('C', 'out_transfer_rate', 20, 0.15, 0.05, 'lower'),
    item('D', 'standard_management_rate', 20, 0.8, 0.8),
  ],
};

describe('appraisal scheme', () => {
  it('works a score by hand, with evidence per item', () => {
    const r = scoreAppraisal(scheme, { county_visit_rate: 0.85, grassroots_visit_rate: 0.7, out_transfer_rate: 0.08 }, [
      { points: 3, reason: '家庭医生签约工作市级表彰' },
      { points: -1.5, reason: '群众投诉一起，经查属实' },
    ]);
    // A: (0.85 − 0.80) ÷ (0.90 − 0.80) = 50% of 30 = 15
    // B: 0.70 ≥ target 0.65 → 30
    // C (lower is better): (0.15 − 0.08) ÷ (0.15 − 0.05) = 70% of 20 = 14
    // D: no value → 0, with a note
    // items 59; adjustments +3 − 1.5 = 1.5; score 60.5
    expect(r.items.map((e) => [e.code, e.value, e.points, e.note])).toEqual([
      ['A', 0.85, 15, null], ['B', 0.7, 30, null], ['C', 0.08, 14, null], ['D', null, 0, '缺少指标值，本项得 0 分'],
    ]);
    expect(r.items[2]).toEqual({ code: 'C', name: '项目C', indicatorCode: 'out_transfer_rate', value: 0.08, floor: 0.15, target: 0.05, weight: 20, points: 14, note: null });
    expect([r.itemPoints, r.adjustmentPoints, r.score]).toEqual([59, 1.5, 60.5]);
  });

  it('scores 0 at or beyond the floor and the full weight at or beyond the target', () => {
    const a = scheme.items[0]!;
    expect([0.7, 0.8, 0.9, 0.95].map((v) => scoreAppraisalItem(a, v).points)).toEqual([0, 0, 30, 30]);
    const c = scheme.items[2]!;
    expect([0.2, 0.15, 0.05, 0.01].map((v) => scoreAppraisalItem(c, v).points)).toEqual([0, 0, 20, 20]);
  });

  it('treats floor = target as pass or fail', () => {
    const d = scheme.items[3]!;
    expect([0.79, 0.8, 0.81].map((v) => scoreAppraisalItem(d, v).points)).toEqual([0, 20, 20]);
  });

  it('clamps the score to 0–100', () => {
    const full = { county_visit_rate: 1, grassroots_visit_rate: 1, out_transfer_rate: 0, standard_management_rate: 1 };
    expect(scoreAppraisal(scheme, full, [{ points: 5, reason: '加分' }]).score).toBe(100);
    expect(scoreAppraisal(scheme, {}, [{ points: -5, reason: '减分' }]).score).toBe(0);
  });

  it('treats a non-finite value as missing', () => {
    expect(scoreAppraisalItem(scheme.items[0]!, Number.NaN)).toMatchObject({ value: null, points: 0 });
  });

  it('scores several members under one scheme', () => {
    const r = scoreAppraisals(scheme, [
      { organizationId: 'C1', values: { county_visit_rate: 0.9, grassroots_visit_rate: 0.65, out_transfer_rate: 0.05, standard_management_rate: 0.8 } },
      { organizationId: 'C2', values: {}, adjustments: [{ points: 2, reason: '对口帮扶' }] },
    ]);
    expect(r.map((s) => [s.organizationId, s.score])).toEqual([['C1', 100], ['C2', 2]]);
    expect(fieldOf(() => scoreAppraisals(scheme, [{ organizationId: 'C1', values: {}, adjustments: [{ points: 1, reason: ' ' }] }]))).toBe('subjects[0].adjustments[0].reason');
  });

  it('requires a reason for every adjustment', () => {
    expect(fieldOf(() => scoreAppraisal(scheme, {}, [{ points: 1, reason: '' }]))).toBe('adjustments[0].reason');
    expect(fieldOf(() => scoreAppraisal(scheme, {}, [{ points: Number.NaN, reason: 'x' }]))).toBe('adjustments[0].points');
  });

  it('refuses weights that do not add up to 100 and floors on the wrong side of the target', () => {
    expect(validateAppraisalScheme(scheme)).toBe(scheme);
    expect(appraisalSchemeProblems({ items: [item('A', 'x', 90, 0, 1)] })).toEqual([{ field: 'items', message: '各项分值之和须为 100（现为 90）' }]);
    expect(appraisalSchemeProblems({ items: [item('A', 'x', 100, 0.9, 0.8)] }).map((p) => p.field)).toEqual(['items[0].floor']);
    expect(appraisalSchemeProblems({ items: [item('A', 'x', 100, 0.05, 0.15, 'lower')] }).map((p) => p.field)).toEqual(['items[0].floor']);
    expect(appraisalSchemeProblems({ items: [item('A', 'x', 50, 0, 1), item('A', 'y', 50, 0, 1)] }).map((p) => p.field)).toEqual(['items[1].code']);
    expect(appraisalSchemeProblems({ items: [item('A', '', 100, 0, 1)] }).map((p) => p.field)).toEqual(['items[0].indicatorCode']);
    expect(appraisalSchemeProblems({ items: [item('A', 'x', -100, 0, 1)] }).map((p) => p.field)).toEqual(['items[0].weight']);
    expect(appraisalSchemeProblems({ items: [] }).map((p) => p.field)).toEqual(['items']);
    expect(fieldOf(() => scoreAppraisal({ items: [item('A', 'x', 90, 0, 1)] }, {}))).toBe('items');
  });

  it('keeps every item within 0 and its weight, and scores a better value no lower (property)', () => {
    const anItem = fc.record({
      weight: fc.double({ min: 0.5, max: 100, noNaN: true }),
      floor: fc.double({ min: -10, max: 10, noNaN: true }),
      span: fc.double({ min: 0, max: 10, noNaN: true }),
      direction: fc.constantFrom<AppraisalItem['direction']>('higher', 'lower'),
    }).map(({ weight, floor, span, direction }) => item('X', 'x', weight, floor, direction === 'higher' ? floor + span : floor - span, direction));
    const value = fc.double({ min: -30, max: 30, noNaN: true });
    fc.assert(fc.property(anItem, value, value, (it, v1, v2) => {
      const p1 = scoreAppraisalItem(it, v1).points;
      const p2 = scoreAppraisalItem(it, v2).points;
      // Linear from floor (0) to target (full weight), capped at both ends; floor = target is pass/fail.
      const reached = it.direction === 'higher' ? v1 >= it.target : v1 <= it.target;
      const share = it.target === it.floor ? (reached ? 1 : 0) : Math.min(1, Math.max(0, (v1 - it.floor) / (it.target - it.floor)));
      expect(Math.abs(p1 - it.weight * share)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(p1).toBeLessThanOrEqual(Math.round(it.weight * 100) / 100 + 1e-9);
      const better = it.direction === 'higher' ? v1 >= v2 : v1 <= v2;
      if (better) expect(p1).toBeGreaterThanOrEqual(p2);
    }));
  });
});
