import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ORGANIZATION_KINDS } from '../org/org-kinds.ts';
import { DEFAULT_INSURANCE_POLICY, type SettlementLevel } from './policy.ts';
import { distributeSurplus, levelOfOrgKind, retentionRatio, settleCapitation, type SettlementMember } from './settlement.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const policy = DEFAULT_INSURANCE_POLICY;
const member = (organizationId: string, level: SettlementLevel | null, score: number, population: number): SettlementMember => ({ organizationId, level, score, population });

// A community: two hospitals, three township centres (one scored 0), three village clinics, the CDC.
const members: SettlementMember[] = [
  member('H1', 'hospital', 90, 50_000),
  member('H2', 'hospital', 80, 30_000),
  member('C1', 'center', 95, 20_000),
  member('C2', 'center', 85, 10_000),
  member('C3', 'center', 0, 5_000),
  member('V1', 'village', 90, 1_000),
  member('V2', 'village', 70, 2_000),
  member('V3', 'village', 80, 1_500),
  member('CDC', null, 95, 0),
];

describe('levelOfOrgKind', () => {
  it('maps every member kind to its settlement level, the CDC to none', () => {
    const levels = Object.fromEntries(ORGANIZATION_KINDS.map((k) => [k, levelOfOrgKind(k)]));
    expect(levels).toEqual({
      lead_hospital: 'hospital', county_hospital: 'hospital', tcm_hospital: 'hospital', maternal_child_hospital: 'hospital',
      township_center: 'center', community_center: 'center',
      community_station: 'village', village_clinic: 'village',
      collaborating_hospital: 'hospital', cdc: null, private_member: 'hospital',
    });
  });
});

describe('retentionRatio (insurance.md §3)', () => {
  it('takes the first step the score reaches, on both sides of every step', () => {
    const cases: [number, number][] = [[100, 1], [90, 1], [89.99, 0.9], [80, 0.9], [79.5, 0.7], [60, 0.7], [59.99, 0], [0, 0]];
    for (const [score, ratio] of cases) expect(retentionRatio(policy.retention, score)).toBe(ratio);
  });

  it('refuses a score outside 0–100 and a broken table', () => {
    expect(fieldOf(() => retentionRatio(policy.retention, 101))).toBe('communityScore');
    expect(fieldOf(() => retentionRatio([{ minScore: 60, ratio: 0.7 }, { minScore: 80, ratio: 0.9 }], 70))).toBe('retention[1].minScore');
  });
});

describe('settleCapitation (insurance.md §3–4)', () => {
  it('works a surplus by hand: retention, level split, shares within levels', () => {
    const r = settleCapitation({ budget: 1_000_000_000, outlay: 876_543_210, communityScore: 85, members, policy });
    // D = 1,000,000,000 − 876,543,210 = 123,456,790; score 85 → 90% retained = 111,111,111; 12,345,679 back to the fund
    expect(r).toMatchObject({ difference: 123_456_790, retentionRatio: 0.9, retained: 111_111_111, returnedToFund: 12_345_679, overspend: 0, fundBears: 0, communityBears: 0 });
    // Levels 6 : 3 : 1 → 66,666,666.6 | 33,333,333.3 | 11,111,111.1 → one fen left → hospitals (.6)
    //   hospitals 66,666,667 · centres 33,333,333 · villages 11,111,111
    // Hospitals by score × population: H1 90 × 50,000 = 4,500,000; H2 80 × 30,000 = 2,400,000
    //   66,666,667 × 4.5/6.9 = 43,478,261.09; × 2.4/6.9 = 23,188,405.91 → one fen left → H2 (.91)
    // Centres: C1 95 × 20,000 = 1,900,000; C2 85 × 10,000 = 850,000; C3 scored 0 → nothing
    //   33,333,333 × 1.9/2.75 = 23,030,302.8; × 0.85/2.75 = 10,303,030.2 → one fen left → C1 (.8)
    // Villages: V1 90,000; V2 140,000; V3 120,000 (Σ 350,000)
    //   11,111,111 → 2,857,142.83 | 4,444,444.4 | 3,809,523.77 → two fen left → V1 (.83), V3 (.77)
    // The CDC has no level: nothing.
    expect(r.members.map((m) => [m.organizationId, m.share])).toEqual([
      ['H1', 43_478_261], ['H2', 23_188_406],
      ['C1', 23_030_303], ['C2', 10_303_030], ['C3', 0],
      ['V1', 2_857_143], ['V2', 4_444_444], ['V3', 3_809_524],
      ['CDC', 0],
    ]);
    expect(r.members.reduce((s, m) => s + m.share, 0)).toBe(r.retained);
    expect(r.members[0]).toEqual({ organizationId: 'H1', level: 'hospital', score: 90, population: 50_000, share: 43_478_261 });
  });

  it('retains nothing below 60 points and everything from 90', () => {
    expect(settleCapitation({ budget: 1_000, outlay: 900, communityScore: 59, members, policy })).toMatchObject({ retained: 0, returnedToFund: 100 });
    expect(settleCapitation({ budget: 1_000, outlay: 900, communityScore: 90, members, policy })).toMatchObject({ retained: 100, returnedToFund: 0 });
    expect(settleCapitation({ budget: 1_000, outlay: 1_000, communityScore: 95, members, policy })).toMatchObject({ difference: 0, retained: 0, overspend: 0 });
  });

  it('drops a level without members and renormalises the others', () => {
    // Only hospitals and villages: 6 : 1 of 700 → 600 and 100
    const r = settleCapitation({ budget: 1_700, outlay: 1_000, communityScore: 95, members: [member('H', 'hospital', 90, 10), member('V', 'village', 90, 10), member('C', 'center', 0, 10)], policy });
    expect(r.members.map((m) => m.share)).toEqual([600, 100, 0]);
  });

  it('shares an overspend within the threshold half and half', () => {
    // V = 60,000,000 ≤ 10% × 1,000,000,000 → fund bears 50% = 30,000,000
    expect(settleCapitation({ budget: 1_000_000_000, outlay: 1_060_000_000, communityScore: 95, members, policy }))
      .toMatchObject({ difference: -60_000_000, retained: 0, returnedToFund: 0, overspend: 60_000_000, fundBears: 30_000_000, communityBears: 30_000_000 });
    // 3 fen × 50% = 1.5 → the fund bears 2
    expect(settleCapitation({ budget: 1_000, outlay: 1_003, communityScore: 95, members, policy })).toMatchObject({ fundBears: 2, communityBears: 1 });
  });

  it('leaves the overspend above the threshold to the community', () => {
    // At the threshold: V = 100,000,000 → fund 50,000,000
    expect(settleCapitation({ budget: 1_000_000_000, outlay: 1_100_000_000, communityScore: 95, members, policy })).toMatchObject({ fundBears: 50_000_000, communityBears: 50_000_000 });
    // V = 250,000,001 → the fund bears 50% of 100,000,000 only; the community 200,000,001
    const r = settleCapitation({ budget: 1_000_000_000, outlay: 1_250_000_001, communityScore: 95, members, policy });
    expect(r).toMatchObject({ overspend: 250_000_001, fundBears: 50_000_000, communityBears: 200_000_001 });
    expect(r.members.every((m) => m.share === 0)).toBe(true);
  });

  it('refuses bad input, naming the field', () => {
    const base = { budget: 1_000, outlay: 900, communityScore: 95, members, policy };
    expect(fieldOf(() => settleCapitation({ ...base, budget: -1 }))).toBe('budget');
    expect(fieldOf(() => settleCapitation({ ...base, outlay: 1.5 }))).toBe('outlay');
    expect(fieldOf(() => settleCapitation({ ...base, communityScore: -1 }))).toBe('communityScore');
    expect(fieldOf(() => settleCapitation({ ...base, members: [...members, member('H1', 'hospital', 90, 1)] }))).toBe('members[9].organizationId');
    expect(fieldOf(() => settleCapitation({ ...base, members: [member('H', 'hospital', 90, -1)] }))).toBe('members[0].population');
    expect(fieldOf(() => settleCapitation({ ...base, members: [member('H', 'hospital', 120, 1)] }))).toBe('members[0].score');
    expect(fieldOf(() => settleCapitation({ ...base, policy: { ...policy, overspendFundShare: 2 } }))).toBe('overspendFundShare');
  });

  it('refuses to retain a surplus no member can receive', () => {
    const nobody = [member('H', 'hospital', 0, 100), member('CDC', null, 90, 100)];
    expect(fieldOf(() => settleCapitation({ budget: 1_000, outlay: 900, communityScore: 95, members: nobody, policy }))).toBe('members');
    expect(fieldOf(() => distributeSurplus(10, [member('H', 'hospital', 90, 100)], { hospital: 0, center: 3, village: 1 }))).toBe('members');
    // Nothing retained: nothing to distribute, no error.
    expect(settleCapitation({ budget: 1_000, outlay: 900, communityScore: 50, members: nobody, policy }).members.map((m) => m.share)).toEqual([0, 0]);
  });
});

describe('settleCapitation properties', () => {
  const level = fc.constantFrom<SettlementLevel | null>('hospital', 'center', 'village', null);
  const someMembers = fc.array(fc.record({ level, score: fc.integer({ min: 0, max: 100 }), population: fc.integer({ min: 0, max: 200_000 }) }), { minLength: 1, maxLength: 25 })
    .map((ms) => ms.map((m, i) => ({ organizationId: `m${i}`, ...m })))
    .filter((ms) => ms.some((m) => m.level !== null && m.score * m.population > 0));
  const money = fc.integer({ min: 0, max: 10_000_000_000 });

  it('retains round(D × ratio) by the step of the score and shares it to the fen (property)', () => {
    fc.assert(fc.property(money, money, fc.double({ min: 0, max: 100, noNaN: true }), someMembers, (a, b, score, ms) => {
      const [budget, outlay] = a >= b ? [a, b] : [b, a];
      const r = settleCapitation({ budget, outlay, communityScore: score, members: ms, policy });
      const ratio = score >= 90 ? 1 : score >= 80 ? 0.9 : score >= 60 ? 0.7 : 0;
      expect(r.retentionRatio).toBe(ratio);
      // round half up in integers: D × tenths ÷ 10
      expect(r.retained).toBe(Math.floor(((budget - outlay) * Math.round(ratio * 10) * 2 + 10) / 20));
      expect(r.retained + r.returnedToFund).toBe(budget - outlay);
      expect(r.members.reduce((s, m) => s + m.share, 0)).toBe(r.retained);
      for (const m of r.members) {
        expect(Number.isInteger(m.share)).toBe(true);
        expect(m.share).toBeLessThanOrEqual(r.retained);
        if (m.level === null || m.score === 0 || m.population === 0) expect(m.share).toBe(0);
      }
      // Each level receives its renormalised weight's share, within one fen.
      const present = (['hospital', 'center', 'village'] as const).filter((l) => ms.some((m) => m.level === l && m.score * m.population > 0));
      const totalWeight = present.reduce((s, l) => s + policy.levelWeights[l], 0);
      for (const l of present) {
        const got = r.members.filter((m) => m.level === l).reduce((s, m) => s + m.share, 0);
        expect(Math.abs(got - (r.retained * policy.levelWeights[l]) / totalWeight)).toBeLessThan(1);
      }
    }));
  });

  it('splits an overspend between fund and community on both sides of the threshold (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.integer({ min: 0, max: 100 }), someMembers, (budget, over, score, ms) => {
      const overspend = Math.max(1, Math.round(budget * over));
      const r = settleCapitation({ budget, outlay: budget + overspend, communityScore: score, members: ms, policy });
      expect(r.overspend).toBe(overspend);
      expect(r.fundBears + r.communityBears).toBe(overspend);
      expect(r.retained).toBe(0);
      if (overspend * 10 <= budget) expect(r.fundBears).toBe(Math.round(overspend / 2));
      else expect(r.fundBears).toBe(Math.round(budget / 20));
      expect(r.communityBears).toBeGreaterThanOrEqual(r.fundBears - 1);
    }));
  });
});
