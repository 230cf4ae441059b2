import { describe, expect, it } from 'vitest';
import { contributions, lengthOfStay, periodMonth, primaryCategory, type EncounterRecord } from './encounter-record.ts';
import { INDICATOR_DEFINITIONS, evaluateIndicator } from './indicator-definitions.ts';

const enc = (o: Partial<EncounterRecord> = {}): EncounterRecord => ({
  id: 'e1', source: 'HIS', orgCode: 'LH0001', outOfCounty: false, residentIdNumber: '11010519491231002X', type: 'outpatient', start: '2025-03-04',
  diagnoses: [{ code: 'I10', primary: true }], totalCost: 10000, fundPaid: 6000, outOfPocket: 3000, ...o,
});
const byCode = (code: string) => INDICATOR_DEFINITIONS.find((d) => d.code === code)!;

describe('encounter rules (docs/domain/encounters.md)', () => {
  it('places inpatients in the discharge month and outpatients in the visit month', () => {
    expect(periodMonth(enc({ type: 'inpatient', start: '2025-01-30', end: '2025-02-03' }))).toBe('2025-02-01');
    expect(periodMonth(enc())).toBe('2025-03-01');
  });
  it('counts a same-day stay as 1 day', () => {
    expect(lengthOfStay({ start: '2025-01-30', end: '2025-01-30' })).toBe(1);
    expect(lengthOfStay({ start: '2025-01-30', end: '2025-02-03' })).toBe(4);
  });
  it('takes the primary diagnosis category', () => {
    expect(primaryCategory(enc({ diagnoses: [{ code: 'E11.9', primary: false }, { code: 'I63.9', primary: true }] }))).toBe('I63');
  });
});

describe('contributions and indicators on a hand-computed fixture', () => {
  // Residents: 2 inpatient stays in county (5 and 1 days), 1 out of county; 3 outpatient visits, 2 at
  // a village clinic. A non-resident outpatient visit at the lead hospital counts for grassroots_visit_rate's denominator only.
  const rows = [
    [enc({ id: 'a', type: 'inpatient', start: '2025-03-01', end: '2025-03-06', procedures: [{ code: 'x', grade: 3 }], drg: { code: 'ES1', weight: 1.2 }, totalCost: 800000, fundPaid: 560000, outOfPocket: 200000 }), { organizationKind: 'lead_hospital', communityResident: true }],
    [enc({ id: 'b', type: 'inpatient', start: '2025-03-10', end: '2025-03-10', procedures: [{ code: 'y', grade: 1 }], drg: { code: 'FR1', weight: 0.6 }, totalCost: 200000, fundPaid: 140000, outOfPocket: 50000 }), { organizationKind: 'township_center', communityResident: true }],
    [enc({ id: 'c', type: 'inpatient', outOfCounty: true, orgCode: '浙大一院', start: '2025-03-02', end: '2025-03-12', diagnoses: [{ code: 'C34.9', primary: true }], totalCost: 3000000, fundPaid: 1800000, outOfPocket: 1100000 }), { organizationKind: null, communityResident: true }],
    [enc({ id: 'd' }), { organizationKind: 'village_clinic', communityResident: true }],
    [enc({ id: 'e', type: 'emergency' }), { organizationKind: 'village_clinic', communityResident: true }],
    [enc({ id: 'f' }), { organizationKind: 'lead_hospital', communityResident: true }],
    [enc({ id: 'g' }), { organizationKind: 'lead_hospital', communityResident: false }],
  ] as const;
  const sums: Record<string, number> = {};
  for (const [e, c] of rows) for (const [k, v] of Object.entries(contributions(e, c))) sums[k] = (sums[k] ?? 0) + v!;
  const value = (code: string) => evaluateIndicator(byCode(code), sums).value;

  it('computes the care-pattern indicators', () => {
    expect(value('county_inpatient_rate')).toBeCloseTo(2 / 3, 10);
    expect(value('out_transfer_rate')).toBeCloseTo(1 / 3, 10);
    expect(value('county_visit_rate')).toBeCloseTo(5 / 6, 10);
    expect(value('grassroots_visit_rate')).toBeCloseTo(2 / 4, 10);
  });

  it('computes efficiency, cost and capacity', () => {
    expect(value('avg_length_of_stay')).toBe((5 + 1) / 2);
    expect(value('inpatient_cost_per_case')).toBe((800000 + 200000) / 2 / 100);
    expect(value('outpatient_cost_per_visit')).toBe(100);
    expect(value('out_of_pocket_share')).toBeCloseTo((200000 + 50000 + 1100000 + 3 * 3000) / (800000 + 200000 + 3000000 + 3 * 10000), 10);
    expect(value('fund_in_county_share')).toBeCloseTo((560000 + 140000 + 3 * 6000) / (560000 + 140000 + 1800000 + 3 * 6000), 10);
    expect(value('fund_grassroots_share')).toBeCloseTo((140000 + 2 * 6000) / (560000 + 140000 + 4 * 6000), 10);
    expect(value('grade34_surgery_share')).toBe(0.5);
    expect(value('cmi')).toBeCloseTo(0.9, 10);
  });

  it('gives null and no_data for a zero denominator, and direction-aware status', () => {
    expect(evaluateIndicator(byCode('cmi'), {})).toMatchObject({ value: null, status: 'no_data' });
    expect(evaluateIndicator(byCode('county_inpatient_rate'), { res_ip: 100, res_ip_in: 91 }).status).toBe('green');
    expect(evaluateIndicator(byCode('county_inpatient_rate'), { res_ip: 100, res_ip_in: 87 }).status).toBe('amber');
    expect(evaluateIndicator(byCode('county_inpatient_rate'), { res_ip: 100, res_ip_in: 80 }).status).toBe('red');
    expect(evaluateIndicator(byCode('avg_length_of_stay'), { ip: 1, ip_los: 9 }).status).toBe('none');
  });
});
