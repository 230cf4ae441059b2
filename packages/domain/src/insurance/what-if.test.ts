import { describe, expect, it } from 'vitest';
import { DEFAULT_INSURANCE_POLICY, mergePolicy } from './policy.ts';
import { compareWhatIf, type WhatIfCase } from './what-if.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const yuan = (n: number): number => n * 100;

// The county of budget.test.ts: T = 10,687,500 yuan; outlay 9,000,000 yuan; community score 85.
const actual: WhatIfCase = {
  policy: mergePolicy(DEFAULT_INSURANCE_POLICY, { financing: yuan(12_000_000), financingPrevYear: yuan(11_000_000), catastrophicPremium: yuan(600_000), accidentPremium: yuan(50_000) }),
  outlay: yuan(9_000_000),
  communityScore: 85,
  members: [
    { organizationId: 'H1', level: 'hospital', score: 90, population: 10_000 },
    { organizationId: 'H2', level: 'hospital', score: 90, population: 10_000 },
    { organizationId: 'C', level: 'center', score: 80, population: 5_000 },
    { organizationId: 'V', level: 'village', score: 70, population: 1_000 },
  ],
};

describe('compareWhatIf', () => {
  it('puts the actual settlement beside a scenario with a higher budget share and score', () => {
    const r = compareWhatIf(actual, { policy: { budgetShare: 1 }, communityScore: 92 });
    // Actual: T = 10,687,500; D = 1,687,500; score 85 → 90% → retained 1,518,750 yuan
    //   hospitals 6/10 = 911,250 (455,625 each), centre 3/10 = 455,625, village 1/10 = 151,875
    // Scenario: T = 100% × 11,250,000 = 11,250,000; D = 2,250,000; score 92 → 100% retained
    //   hospitals 1,350,000 (675,000 each), centre 675,000, village 225,000
    expect(r.actual.settlement).toMatchObject({ budget: yuan(10_687_500), difference: yuan(1_687_500), retained: yuan(1_518_750), returnedToFund: yuan(168_750) });
    expect(r.scenario.settlement).toMatchObject({ budget: yuan(11_250_000), difference: yuan(2_250_000), retained: yuan(2_250_000), returnedToFund: 0 });
    expect(r.differences).toEqual({
      riskReserve: 0, budget: yuan(562_500), outlay: 0, surplus: yuan(562_500), retained: yuan(731_250), returnedToFund: -yuan(168_750),
      overspend: 0, fundBears: 0, communityBears: 0,
      members: [
        { organizationId: 'H1', level: 'hospital', actualShare: yuan(455_625), scenarioShare: yuan(675_000), difference: yuan(219_375) },
        { organizationId: 'H2', level: 'hospital', actualShare: yuan(455_625), scenarioShare: yuan(675_000), difference: yuan(219_375) },
        { organizationId: 'C', level: 'center', actualShare: yuan(455_625), scenarioShare: yuan(675_000), difference: yuan(219_375) },
        { organizationId: 'V', level: 'village', actualShare: yuan(151_875), scenarioShare: yuan(225_000), difference: yuan(73_125) },
      ],
    });
    expect(r.differences.members.reduce((s, m) => s + m.difference, 0)).toBe(r.differences.retained);
  });

  it('moves shares within a level when one member scores lower', () => {
    // H2 45 instead of 90: hospitals 911,250 split 900,000 : 450,000 → 607,500 and 303,750
    const r = compareWhatIf(actual, { memberScores: { H2: 45 } });
    expect(r.differences.retained).toBe(0);
    expect(r.differences.members.map((m) => [m.organizationId, m.difference])).toEqual([['H1', yuan(151_875)], ['H2', -yuan(151_875)], ['C', 0], ['V', 0]]);
  });

  it('compares an overspend scenario', () => {
    // Outlay 11,500,000 against 10,687,500: V = 812,500 ≤ 10% × T → the fund bears 406,250
    const r = compareWhatIf(actual, { outlay: yuan(11_500_000) });
    expect(r.scenario.settlement).toMatchObject({ overspend: yuan(812_500), fundBears: yuan(406_250), communityBears: yuan(406_250), retained: 0 });
    expect(r.differences).toMatchObject({ outlay: yuan(2_500_000), surplus: -yuan(2_500_000), retained: -yuan(1_518_750), overspend: yuan(812_500) });
  });

  it('names the field of a bad scenario', () => {
    expect(fieldOf(() => compareWhatIf(actual, { policy: { budgetShare: 0.9 } }))).toBe('scenario.policy.budgetShare');
    expect(fieldOf(() => compareWhatIf(actual, { policy: { retention: [{ minScore: 50, ratio: 1 }] } }))).toBe('scenario.policy.retention[0].minScore');
    expect(fieldOf(() => compareWhatIf(actual, { memberScores: { X: 50 } }))).toBe('memberScores.X');
    expect(fieldOf(() => compareWhatIf(actual, { memberPopulations: { X: 50 } }))).toBe('memberPopulations.X');
  });

  it('leaves the actual case unchanged', () => {
    const before = JSON.stringify(actual);
    compareWhatIf(actual, { policy: { levelWeights: { hospital: 1 } }, memberScores: { C: 10 } });
    expect(JSON.stringify(actual)).toBe(before);
  });
});
