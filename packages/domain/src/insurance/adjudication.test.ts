import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjudicateClaim, isTransferWithinStay, type ClaimInput, type StayEncounter } from './adjudication.ts';
import { applyRates } from './money.ts';
import { BASIC_INSURANCE_SCHEMES, DEFAULT_INSURANCE_POLICY, SETTLEMENT_LEVELS } from './policy.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const policy = DEFAULT_INSURANCE_POLICY;
const yuan = (n: number): number => Math.round(n * 100);
/** A resident-scheme inpatient stay at a township centre, 5,000 yuan of which 200 self-paid. */
const claim = (over: Partial<ClaimInput> = {}): ClaimInput => ({
  totalCost: yuan(5_000), selfPayCost: yuan(200), scheme: 'urban_rural_resident', level: 'center',
  inCounty: true, inpatient: true, hasApprovedOutReferral: false, deductibleAlreadyMetByTransfer: false, paidSoFarThisYear: 0, ...over,
});

describe('adjudicateClaim (insurance.md §7)', () => {
  it('reimburses a township centre stay above its deductible at its ratio', () => {
    // eligible 5,000 − 200 = 4,800; deductible 200; (4,800 − 200) × 85% = 3,910; patient 5,000 − 3,910 = 1,090
    const r = adjudicateClaim(claim(), policy);
    expect(r).toMatchObject({ eligible: yuan(4_800), deductible: yuan(200), ratio: 0.85, fundPaid: yuan(3_910), outOfPocket: yuan(1_090) });
    expect(r.rule).toEqual([
      '城乡居民医保，乡镇卫生院/社区卫生服务中心住院：总费用 5,000 元，其中自费 200 元，政策范围内费用 4,800 元',
      '起付线 200 元（乡镇卫生院/社区卫生服务中心住院）',
      '报销比例 85%（乡镇卫生院/社区卫生服务中心住院）',
      '按比例支付：（4,800 − 200）× 85% = 3,910 元',
      '年度封顶线 300,000 元，本年已支付 0 元，剩余 300,000 元，未超限',
      '基金支付 3,910 元，个人负担 1,090 元',
    ]);
  });

  it('pays less for the same stay at the county hospital (higher deductible, lower ratio)', () => {
    // (4,800 − 500) × 80% = 3,440 < 3,910 at the township centre
    expect(adjudicateClaim(claim({ level: 'hospital' }), policy)).toMatchObject({ deductible: yuan(500), ratio: 0.8, fundPaid: yuan(3_440), outOfPocket: yuan(1_560) });
  });

  it('lowers the ratio by 10 points for out-of-county inpatient care without a referral', () => {
    // 20,000 yuan, 1,000 self-paid → eligible 19,000; deductible 1,000; ratio 65% − 10 = 55%
    // (19,000 − 1,000) × 55% = 9,900; patient 20,000 − 9,900 = 10,100
    const r = adjudicateClaim(claim({ totalCost: yuan(20_000), selfPayCost: yuan(1_000), inCounty: false, level: 'hospital' }), policy);
    expect(r).toMatchObject({ deductible: yuan(1_000), ratio: 0.55, fundPaid: yuan(9_900), outOfPocket: yuan(10_100) });
    expect(r.rule).toContain('县外住院未经转诊，报销比例下调 10 个百分点：65% → 55%');
    expect(r.rule[1]).toBe('起付线 1,000 元（县外医院住院）');
  });

  it('keeps the ratio for out-of-county care with an approved referral, or for a registered migrant', () => {
    // (19,000 − 1,000) × 65% = 11,700
    const out = { totalCost: yuan(20_000), selfPayCost: yuan(1_000), inCounty: false };
    expect(adjudicateClaim(claim({ ...out, hasApprovedOutReferral: true }), policy)).toMatchObject({ ratio: 0.65, fundPaid: yuan(11_700) });
    const migrant = adjudicateClaim(claim({ ...out, registeredMigrant: true }), policy);
    expect(migrant).toMatchObject({ ratio: 0.65, fundPaid: yuan(11_700) });
    expect(migrant.rule[2]).toBe('县外住院未经转诊，但属备案流动人员，报销比例不下调：65%');
  });

  it('does not lower the ratio for out-of-county outpatient care', () => {
    expect(adjudicateClaim(claim({ inCounty: false, inpatient: false }), policy).ratio).toBe(policy.reimbursement.urban_rural_resident.out_of_county.outpatient.ratio);
  });

  it('counts the deductible once across a transfer within the group during one stay', () => {
    // Second unit, the county hospital: no deductible; 4,800 × 80% = 3,840
    const r = adjudicateClaim(claim({ level: 'hospital', deductibleAlreadyMetByTransfer: true }), policy);
    expect(r).toMatchObject({ deductible: 0, fundPaid: yuan(3_840), outOfPocket: yuan(1_160) });
    expect(r.rule[1]).toBe('同一次住院在医共体内转诊，起付线连续计算：本次不再扣除起付线（县级医院住院起付线 500 元）');
    // Out of county the transfer rule does not apply.
    const out = adjudicateClaim(claim({ inCounty: false, deductibleAlreadyMetByTransfer: true, hasApprovedOutReferral: true }), policy);
    expect(out.deductible).toBe(yuan(1_000));
    expect(out.rule[1]).toBe('起付线连续计算只适用于医共体内同一次住院的转诊，本次不适用');
  });

  it('pays no more than what is left of the annual cap', () => {
    // 299,000 of 300,000 paid: 1,000 left < 3,910
    const r = adjudicateClaim(claim({ paidSoFarThisYear: yuan(299_000) }), policy);
    expect(r).toMatchObject({ fundPaid: yuan(1_000), outOfPocket: yuan(4_000) });
    expect(r.rule).toContain('年度封顶线 300,000 元，本年已支付 299,000 元，剩余 1,000 元：基金支付以剩余额度为限，1,000 元');
    expect(adjudicateClaim(claim({ paidSoFarThisYear: yuan(400_000) }), policy).fundPaid).toBe(0);
  });

  it('leaves a stay below the deductible to the patient', () => {
    // eligible 150 < deductible 200: the patient bears 150, the fund nothing
    const r = adjudicateClaim(claim({ totalCost: yuan(150), selfPayCost: 0 }), policy);
    expect(r).toMatchObject({ eligible: yuan(150), deductible: yuan(150), fundPaid: 0, outOfPocket: yuan(150) });
    expect(r.rule[1]).toBe('起付线 200 元（乡镇卫生院/社区卫生服务中心住院）：政策范围内费用未超过起付线，150 元全部由个人负担');
  });

  it('reimburses a village outpatient visit without a deductible', () => {
    // 100 yuan × 60% = 60
    const r = adjudicateClaim(claim({ totalCost: yuan(100), selfPayCost: undefined, eligibleCost: yuan(100), level: 'village', inpatient: false }), policy);
    expect(r).toMatchObject({ deductible: 0, ratio: 0.6, fundPaid: yuan(60), outOfPocket: yuan(40) });
    expect(r.rule[1]).toBe('村卫生室/社区卫生服务站门诊不设起付线');
  });

  it('uses the employee scheme row for employees', () => {
    // (4,800 − 300) × 92% = 4,140
    expect(adjudicateClaim(claim({ scheme: 'urban_employee' }), policy)).toMatchObject({ deductible: yuan(300), ratio: 0.92, fundPaid: yuan(4_140) });
  });

  it('rounds the fund payment to the fen, half up', () => {
    // eligible 200.10 − deductible 200 = 0.10 yuan = 10 fen × 85% = 8.5 → 9 fen
    expect(adjudicateClaim(claim({ totalCost: 20_010, selfPayCost: 0 }), policy).fundPaid).toBe(9);
  });

  it('refuses inconsistent or missing cost parts, naming the field', () => {
    expect(fieldOf(() => adjudicateClaim(claim({ selfPayCost: yuan(6_000) }), policy))).toBe('selfPayCost');
    expect(fieldOf(() => adjudicateClaim(claim({ selfPayCost: undefined }), policy))).toBe('eligibleCost');
    expect(fieldOf(() => adjudicateClaim(claim({ eligibleCost: yuan(1) }), policy))).toBe('eligibleCost');
    expect(fieldOf(() => adjudicateClaim(claim({ totalCost: -1 }), policy))).toBe('totalCost');
    expect(fieldOf(() => adjudicateClaim(claim({ paidSoFarThisYear: 0.5 }), policy))).toBe('paidSoFarThisYear');
    const badTable = { ...policy, reimbursement: { ...policy.reimbursement, urban_rural_resident: { ...policy.reimbursement.urban_rural_resident, center: { ...policy.reimbursement.urban_rural_resident.center, inpatient: { deductible: 0, ratio: 1.2, annualCap: 0 } } } } };
    expect(fieldOf(() => adjudicateClaim(claim(), badTable))).toBe('reimbursement.urban_rural_resident.center.inpatient.ratio');
  });

  it('never pays more than the eligible amount above the deductible or the cap left (property)', () => {
    const input = fc.record({
      totalCost: fc.integer({ min: 0, max: 1e9 }),
      selfShare: fc.double({ min: 0, max: 1, noNaN: true }),
      scheme: fc.constantFrom(...BASIC_INSURANCE_SCHEMES),
      level: fc.constantFrom(...SETTLEMENT_LEVELS),
      inCounty: fc.boolean(),
      inpatient: fc.boolean(),
      hasApprovedOutReferral: fc.boolean(),
      registeredMigrant: fc.boolean(),
      deductibleAlreadyMetByTransfer: fc.boolean(),
      paidSoFarThisYear: fc.integer({ min: 0, max: 5e7 }),
    });
    fc.assert(fc.property(input, ({ selfShare, ...c }) => {
      const selfPayCost = Math.floor(c.totalCost * selfShare);
      const r = adjudicateClaim({ ...c, selfPayCost }, policy);
      const row = policy.reimbursement[c.scheme][c.inCounty ? c.level : 'out_of_county'][c.inpatient ? 'inpatient' : 'outpatient'];
      expect(r.eligible).toBe(c.totalCost - selfPayCost);
      expect(r.deductible).toBeLessThanOrEqual(Math.min(row.deductible, r.eligible));
      expect(r.fundPaid).toBe(Math.min(applyRates(r.eligible - r.deductible, r.ratio), Math.max(0, row.annualCap - c.paidSoFarThisYear)));
      expect(r.fundPaid).toBeLessThanOrEqual(r.eligible - r.deductible);
      expect(r.fundPaid).toBeLessThanOrEqual(Math.max(0, row.annualCap - c.paidSoFarThisYear));
      expect(r.ratio).toBeLessThanOrEqual(row.ratio);
      expect(r.fundPaid + r.outOfPocket).toBe(c.totalCost);
      expect(r.rule.length).toBeGreaterThanOrEqual(5);
    }));
  });
});

describe('isTransferWithinStay', () => {
  const first: StayEncounter = { residentIdNumber: '110105194912310021', orgCode: 'TC01', type: 'inpatient', outOfCounty: false, start: '2025-03-01', end: '2025-03-05', referralId: null };
  const second: StayEncounter = { ...first, orgCode: 'LH01', start: '2025-03-05', end: '2025-03-12', referralId: 'ref-1' };

  it('links two in-county stays of one resident joined by a referral on the discharge day', () => {
    expect(isTransferWithinStay(first, second)).toBe(true);
  });

  it('does not link a gap, an unreferred admission, another resident, the same unit, an outpatient visit or an out-of-county stay', () => {
    expect(isTransferWithinStay(first, { ...second, start: '2025-03-06' })).toBe(false);
    expect(isTransferWithinStay(first, { ...second, referralId: null })).toBe(false);
    expect(isTransferWithinStay(first, { ...second, referralId: '' })).toBe(false);
    expect(isTransferWithinStay(first, { ...second, residentIdNumber: '11010519491231002X' })).toBe(false);
    expect(isTransferWithinStay(first, { ...second, orgCode: 'TC01' })).toBe(false);
    expect(isTransferWithinStay(first, { ...second, type: 'outpatient' })).toBe(false);
    expect(isTransferWithinStay({ ...first, outOfCounty: true }, second)).toBe(false);
    expect(isTransferWithinStay(first, { ...second, outOfCounty: true })).toBe(false);
    expect(isTransferWithinStay({ ...first, end: null }, second)).toBe(false);
  });
});
