import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_INSURANCE_POLICY, mergePolicy } from '@yigong/domain';
import { fenOf, formatWan, formatYuan, percentOf, ratioOf } from './insurance-format.ts';
import { fieldPathOf, policyOf, policyPatch, policyToValues, valuesToPolicy } from './policy-values.ts';
import { settlementWaterfall, sharesByLevel } from './settlement-steps.ts';
import { formatDateTime, shanghaiYear } from '../../shared/i18n/format.ts';

describe('formatYuan', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(123456789)).toBe('¥1,234,567.89');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(-123400)).toBe('-¥1,234.00');
    expect(formatYuan(null)).toBe('—');
  });

  it('is exact to the fen for every safe amount (no float rounding)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const digits = formatYuan(fen).replace(/[¥,.]/g, '');
        expect(BigInt(digits)).toBe(BigInt(fen));
      }),
    );
  });

  it('shortens large amounts to 万元', () => {
    expect(formatWan(4261276576)).toBe('4,261.28 万元');
    expect(formatWan(-1_000_000)).toBe('-1.00 万元');
    expect(formatWan(4261276576, 'en')).toBe('¥42.61M');
  });
});

describe('percent and yuan conversions', () => {
  it('turns ratios into percentages and back without float noise', () => {
    expect(percentOf(0.07)).toBe(7);
    expect(percentOf(0.95)).toBe(95);
    expect(ratioOf(29)).toBe(0.29);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (n) => {
      expect(ratioOf(percentOf(n / 1e9))).toBe(n / 1e9);
    }));
  });

  it('turns yuan typed in a form into integer fen', () => {
    expect(fenOf(1234567.89)).toBe(123456789);
    expect(fenOf(0.1 + 0.2)).toBe(30);
  });
});

describe('Asia/Shanghai times', () => {
  it('shows a UTC timestamp in Shanghai time whatever the browser zone', () => {
    expect(formatDateTime('2026-03-01T02:03:04Z')).toBe('2026-03-01 10:03');
    expect(formatDateTime('2025-12-31T16:30:00Z')).toBe('2026-01-01 00:30');
    expect(formatDateTime(null)).toBe('—');
  });

  it('takes the current year from Shanghai: New Year comes eight hours before UTC', () => {
    expect(shanghaiYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(shanghaiYear(new Date('2025-12-31T15:59:00Z'))).toBe(2025);
  });
});

describe('policy editor values', () => {
  const policy = mergePolicy(DEFAULT_INSURANCE_POLICY, { financing: 4848000000, financingPrevYear: 4617142900, catastrophicPremium: 290880000, budgetShare: 0.97 });

  it('round-trips every parameter through the form (yuan and percent) unchanged', () => {
    expect(valuesToPolicy(policyToValues(policy))).toEqual(policy);
  });

  it('shows money in yuan and ratios in percent', () => {
    const v = policyToValues(policy);
    expect(v.financing).toBe(48480000);
    expect(v.budgetShare).toBe(97);
    expect(v.retention[1]).toEqual({ minScore: 80, ratio: 90 });
    expect(v.reimbursement.urban_rural_resident.hospital.inpatient).toEqual({ deductible: 500, ratio: 80, annualCap: 300000 });
    expect(v.levelWeights).toEqual({ hospital: 6, center: 3, village: 1 });
  });

  it('keeps only the parameters of a stored version', () => {
    const p = policyOf({ ...policy, communityId: 'c', version: 3, reason: 'why', changedBy: 'insurer', changedAt: 'now' } as never);
    expect(Object.keys(p).sort()).toEqual(Object.keys(DEFAULT_INSURANCE_POLICY).sort());
  });

  it('names the form field of a field the server reports', () => {
    expect(fieldPathOf('retention[1].minScore')).toEqual(['retention', 1, 'minScore']);
    expect(fieldPathOf('reimbursement.urban_employee.center.inpatient.ratio')).toEqual(['reimbursement', 'urban_employee', 'center', 'inpatient', 'ratio']);
    expect(fieldPathOf(['body', 'dip', 'uniformGroups', '0'])).toEqual(['dip', 'uniformGroups', 0]);
  });

  it('patches only the parameters a scenario changed', () => {
    const changed = { ...policy, levelWeights: { hospital: 3, center: 3, village: 3 } };
    expect(policyPatch(policy, changed)).toEqual({ levelWeights: { hospital: 3, center: 3, village: 3 } });
    expect(policyPatch(policy, structuredClone(policy))).toEqual({});
  });
});

describe('settlementWaterfall', () => {
  const members = [
    { level: 'hospital' as const, share: 600 },
    { level: 'center' as const, share: 300 },
    { level: 'village' as const, share: 100 },
    { level: null, share: 0 },
  ];

  it('walks a surplus year from the budget down to the shares of the three levels', () => {
    const steps = settlementWaterfall({ budget: 10_000, outlay: 8_000, difference: 2_000, retained: 1_000, returnedToFund: 1_000, overspend: 0, fundBears: 0, communityBears: 0, members });
    expect(steps.map((s) => [s.label, s.low, s.high])).toEqual([
      ['settlement.step.budget', 0, 10_000],
      ['settlement.step.outlay', 2_000, 10_000],
      ['settlement.step.surplus', 0, 2_000],
      ['settlement.step.returnedToFund', 1_000, 2_000],
      ['settlement.step.retained', 0, 1_000],
      ['insuranceUi.level.hospital', 400, 1_000],
      ['insuranceUi.level.center', 100, 400],
      ['insuranceUi.level.village', 0, 100],
    ]);
    for (const s of steps) expect(s.high - s.low).toBe(s.amount);
  });

  it('walks an overspend year from the budget up to the outlay and splits the overspend', () => {
    const steps = settlementWaterfall({ budget: 10_000, outlay: 12_000, difference: -2_000, retained: 0, returnedToFund: 0, overspend: 2_000, fundBears: 500, communityBears: 1_500, members: [] });
    expect(steps.map((s) => [s.label, s.low, s.high])).toEqual([
      ['settlement.step.budget', 0, 10_000],
      ['settlement.step.overspend', 10_000, 12_000],
      ['settlement.step.outlay', 0, 12_000],
      ['settlement.step.fundBears', 11_500, 12_000],
      ['settlement.step.communityBears', 10_000, 11_500],
    ]);
  });

  it('zooms in on the split of the surplus or of the overspend', () => {
    const surplus = settlementWaterfall({ budget: 10_000, outlay: 8_000, difference: 2_000, retained: 1_000, returnedToFund: 1_000, overspend: 0, fundBears: 0, communityBears: 0, members }, 'split');
    expect(surplus.map((s) => s.label)[0]).toBe('settlement.step.surplus');
    expect(surplus).toHaveLength(6);
    const overspend = settlementWaterfall({ budget: 10_000, outlay: 12_000, difference: -2_000, retained: 0, returnedToFund: 0, overspend: 2_000, fundBears: 500, communityBears: 1_500, members: [] }, 'split');
    expect(overspend.map((s) => [s.label, s.low, s.high])).toEqual([
      ['settlement.step.overspend', 0, 2_000],
      ['settlement.step.fundBears', 1_500, 2_000],
      ['settlement.step.communityBears', 0, 1_500],
    ]);
  });

  it('sums the shares per level, leaving members without a level out', () => {
    expect(sharesByLevel(members)).toEqual({ hospital: 600, center: 300, village: 100 });
  });
});
