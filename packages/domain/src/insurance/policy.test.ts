import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error.ts';
import { DEFAULT_INSURANCE_POLICY, mergePolicy, policyProblems, retentionTableProblems, validatePolicy, type InsurancePolicyPatch } from './policy.ts';

const fieldsOf = (patch: InsurancePolicyPatch): string[] => policyProblems(mergePolicy(DEFAULT_INSURANCE_POLICY, patch)).map((p) => p.field);

describe('insurance policy parameters', () => {
  it('has valid defaults with the values of the insurance rules', () => {
    expect(policyProblems(mergePolicy(DEFAULT_INSURANCE_POLICY))).toEqual([]);
    expect(DEFAULT_INSURANCE_POLICY).toMatchObject({
      riskReserveRate: 0.1, budgetShare: 0.95, prepaymentRate: 0.9, overspendThreshold: 0.1, overspendFundShare: 0.5,
      levelWeights: { hospital: 6, center: 3, village: 1 },
      dip: { base: 1000, lowOutlierRatio: 0.5, highOutlierRatio: 2 },
      drg: { lowOutlierRatio: 0.4, highOutlierRatio: 3 },
      unreferredOutOfCountyPenalty: 0.1,
    });
    expect(DEFAULT_INSURANCE_POLICY.retention).toEqual([{ minScore: 90, ratio: 1 }, { minScore: 80, ratio: 0.9 }, { minScore: 60, ratio: 0.7 }, { minScore: 0, ratio: 0 }]);
  });

  it('gives grassroots units a lower deductible and a higher ratio than county hospitals in the defaults', () => {
    for (const scheme of ['urban_rural_resident', 'urban_employee'] as const) {
      const t = DEFAULT_INSURANCE_POLICY.reimbursement[scheme];
      expect(t.center.inpatient.deductible).toBeLessThan(t.hospital.inpatient.deductible);
      expect(t.center.inpatient.ratio).toBeGreaterThan(t.hospital.inpatient.ratio);
      expect(t.hospital.inpatient.deductible).toBeLessThan(t.out_of_county.inpatient.deductible);
      expect(t.hospital.inpatient.ratio).toBeGreaterThan(t.out_of_county.inpatient.ratio);
    }
  });

  it('keeps omitted fields at their defaults at every depth and replaces arrays whole', () => {
    const p = mergePolicy(DEFAULT_INSURANCE_POLICY, {
      financing: 1_200_000_000,
      levelWeights: { village: 2 },
      reimbursement: { urban_rural_resident: { center: { inpatient: { deductible: 30_000 } } } },
      retention: [{ minScore: 0, ratio: 0.5 }],
    });
    expect(p.financing).toBe(1_200_000_000);
    expect(p.financingPrevYear).toBe(0);
    expect(p.levelWeights).toEqual({ hospital: 6, center: 3, village: 2 });
    expect(p.reimbursement.urban_rural_resident.center.inpatient).toEqual({ deductible: 30_000, ratio: 0.85, annualCap: 30_000_000 });
    expect(p.reimbursement.urban_rural_resident.center.outpatient).toEqual(DEFAULT_INSURANCE_POLICY.reimbursement.urban_rural_resident.center.outpatient);
    expect(p.retention).toEqual([{ minScore: 0, ratio: 0.5 }]);
  });

  it('does not share or change the defaults, and drops keys it does not know', () => {
    const p = mergePolicy(DEFAULT_INSURANCE_POLICY, { extra: 1 } as InsurancePolicyPatch);
    p.retention[0]!.ratio = 0.5;
    p.levelWeights.hospital = 1;
    expect(DEFAULT_INSURANCE_POLICY.retention[0]!.ratio).toBe(1);
    expect(DEFAULT_INSURANCE_POLICY.levelWeights.hospital).toBe(6);
    expect('extra' in p).toBe(false);
    expect(Object.isFrozen(DEFAULT_INSURANCE_POLICY.reimbursement.urban_employee.hospital.inpatient)).toBe(true);
  });

  it('names the field of negative or fractional money', () => {
    expect(fieldsOf({ financing: -1 })).toEqual(['financing']);
    expect(fieldsOf({ catastrophicPremium: 10.5 })).toEqual(['catastrophicPremium']);
    expect(fieldsOf({ reimbursement: { urban_employee: { out_of_county: { inpatient: { annualCap: -100 } } } } })).toEqual(['reimbursement.urban_employee.out_of_county.inpatient.annualCap']);
  });

  it('names the field of a ratio outside 0–1', () => {
    expect(fieldsOf({ riskReserveRate: 1.1 })).toEqual(['riskReserveRate']);
    expect(fieldsOf({ prepaymentRate: -0.1 })).toEqual(['prepaymentRate']);
    expect(fieldsOf({ overspendFundShare: Number.NaN })).toEqual(['overspendFundShare']);
    expect(fieldsOf({ reimbursement: { urban_rural_resident: { village: { outpatient: { ratio: 60 } } } } })).toEqual(['reimbursement.urban_rural_resident.village.outpatient.ratio']);
    expect(fieldsOf({ unreferredOutOfCountyPenalty: 10 })).toEqual(['unreferredOutOfCountyPenalty']);
  });

  it('refuses a budget share below the 95% of policy text 002', () => {
    expect(fieldsOf({ budgetShare: 0.94 })).toEqual(['budgetShare']);
    expect(fieldsOf({ budgetShare: 1 })).toEqual([]);
  });

  it('refuses an unsorted, overlapping or open-ended retention table', () => {
    expect(retentionTableProblems([{ minScore: 60, ratio: 0.7 }, { minScore: 80, ratio: 0.7 }, { minScore: 0, ratio: 0 }])).toEqual([{ field: 'retention[1].minScore', message: '结余留用比例表须按分数从高到低排列' }]);
    expect(retentionTableProblems([{ minScore: 80, ratio: 0.9 }, { minScore: 80, ratio: 0.7 }, { minScore: 0, ratio: 0 }]).map((p) => p.field)).toEqual(['retention[1].minScore']);
    expect(retentionTableProblems([{ minScore: 90, ratio: 1 }, { minScore: 60, ratio: 0.7 }]).map((p) => p.field)).toEqual(['retention[1].minScore']);
    expect(retentionTableProblems([]).map((p) => p.field)).toEqual(['retention']);
    expect(retentionTableProblems([{ minScore: 120, ratio: 1 }, { minScore: 0, ratio: 0 }]).map((p) => p.field)).toEqual(['retention[0].minScore']);
    expect(retentionTableProblems([{ minScore: 90, ratio: 1.2 }, { minScore: 0, ratio: 0 }]).map((p) => p.field)).toEqual(['retention[0].ratio']);
    // A lower score may not retain more.
    expect(retentionTableProblems([{ minScore: 90, ratio: 0.8 }, { minScore: 0, ratio: 0.9 }]).map((p) => p.field)).toEqual(['retention[1].ratio']);
  });

  it('refuses negative level weights and all-zero ones', () => {
    expect(fieldsOf({ levelWeights: { center: -3 } })).toEqual(['levelWeights.center']);
    expect(fieldsOf({ levelWeights: { hospital: 0, center: 0, village: 0 } })).toEqual(['levelWeights']);
  });

  it('refuses DIP and DRG parameters that make no sense', () => {
    expect(fieldsOf({ dip: { base: 0 } })).toEqual(['dip.base']);
    expect(fieldsOf({ dip: { levelCoefficients: { center: -0.85 } } })).toEqual(['dip.levelCoefficients.center']);
    expect(fieldsOf({ dip: { lowOutlierRatio: 1.5, highOutlierRatio: 1 } })).toEqual(['dip.lowOutlierRatio', 'dip.highOutlierRatio']);
    expect(fieldsOf({ dip: { uniformGroups: ['I10', 'i10.9'] } })).toEqual(['dip.uniformGroups[1]']);
    expect(fieldsOf({ drg: { lowOutlierRatio: 0 } })).toEqual(['drg.lowOutlierRatio']);
  });

  it('throws the first problem naming its field, with all problems in the details', () => {
    const bad = mergePolicy(DEFAULT_INSURANCE_POLICY, { financing: -1, budgetShare: 0.5 });
    expect(() => validatePolicy(bad)).toThrow(DomainError);
    try {
      validatePolicy(bad);
    } catch (e) {
      const err = e as DomainError;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details).toMatchObject({ field: 'financing', problems: [{ field: 'financing' }, { field: 'budgetShare' }] });
    }
    const good = mergePolicy(DEFAULT_INSURANCE_POLICY, { financing: 1 });
    expect(validatePolicy(good)).toBe(good);
  });
});
