import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '@yigong/domain';
import { createRng } from './prng.ts';
import { generateEncounters, type EncounterResident } from './encounters.ts';
import { VISITOR_REGIONS } from './encounter-cases.ts';
import { isKnownAreaCode } from './divisions.ts';

/** A population with a county's age pyramid (≈ 20% aged 65+). */
function population(n: number): EncounterResident[] {
  const rng = createRng(3, 'pop');
  return Array.from({ length: n }, (_, i) => {
    const age = rng.weighted([7, 10, 36, 27, 20]);
    return { idNumber: `33052119${String(60 + (i % 30))}0101${String(i).padStart(4, '0')}`, age: [3, 12, 30, 55, 72][age]!, sex: i % 2 ? 'male' : 'female', clinicCode: 'VC1', townshipCode: 'TC1' };
  });
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const units = { lead: 'LH', tcm: 'TCM', maternalChild: 'MCH' };

describe('synthetic encounter feed (issue #5 realistic patterns)', () => {
  const people = population(4000);
  const all = [...generateEncounters(people, units, MONTHS, 11, '2025-12-31')];
  const visits = all.filter((e) => e.type !== 'inpatient');
  const stays = all.filter((e) => e.type === 'inpatient');

  it('gives about 6.8 visits and 21 admissions per 100 residents a year', () => {
    expect(visits.length / people.length).toBeGreaterThan(6);
    expect(visits.length / people.length).toBeLessThan(8.2);
    expect((100 * stays.length) / people.length).toBeGreaterThan(15);
    expect((100 * stays.length) / people.length).toBeLessThan(27);
  });

  it('puts ≈ 45% of in-county visits at hospitals and a minority of admissions out of county', () => {
    const inCounty = visits.filter((e) => !e.outOfCounty);
    const atHospitals = inCounty.filter((e) => ['LH', 'TCM', 'MCH'].includes(e.orgCode)).length / inCounty.length;
    expect(atHospitals).toBeGreaterThan(0.38);
    expect(atHospitals).toBeLessThan(0.52);
    const out = stays.filter((e) => e.outOfCounty).length / stays.length;
    expect(out).toBeGreaterThan(0.06);
    expect(out).toBeLessThan(0.2);
  });

  it('peaks in winter', () => {
    const inMonth = (m: string) => visits.filter((e) => e.start.startsWith(m)).length;
    expect(inMonth('2025-01')).toBeGreaterThan(inMonth('2025-06') * 1.15);
  });

  it('grades operations and weights DRGs plausibly for a county', () => {
    const inCounty = stays.filter((e) => !e.outOfCounty && e.orgCode !== 'TC1');
    const graded = inCounty.filter((e) => (e.procedures ?? []).length);
    const grade34 = graded.filter((e) => (e.procedures ?? []).some((p) => (p.grade ?? 0) >= 3)).length / graded.length;
    expect(grade34).toBeGreaterThan(0.25);
    const cmi = inCounty.reduce((a, e) => a + (e.drg?.weight ?? 0), 0) / inCounty.length;
    expect(cmi).toBeGreaterThan(0.8);
    expect(cmi).toBeLessThan(1.3);
    const township = stays.filter((e) => e.orgCode === 'TC1');
    expect(township.reduce((a, e) => a + (e.drg?.weight ?? 0), 0) / township.length).toBeLessThan(cmi);
  });

  it('admits only women of 18–45 for deliveries, and brings a few visitors with valid ID numbers', () => {
    const byId = new Map(people.map((p) => [p.idNumber, p]));
    for (const e of stays.filter((x) => x.diagnoses[0]!.code.startsWith('O8'))) {
      const p = byId.get(e.residentIdNumber)!;
      expect(p.sex).toBe('female');
      expect(p.age).toBeGreaterThanOrEqual(18);
    }
    const visitors = visits.filter((e) => !byId.has(e.residentIdNumber));
    expect(visitors.length / visits.length).toBeGreaterThan(0.01);
    expect(visitors.length / visits.length).toBeLessThan(0.06);
    for (const v of visitors.slice(0, 50)) expect(parseIdNumber(v.residentIdNumber, isKnownAreaCode, '2026-01-01').ok).toBe(true);
    for (const code of VISITOR_REGIONS) expect(isKnownAreaCode(code), code).toBe(true);
  });

  it('is the same for the same seed', () => {
    const again = [...generateEncounters(people.slice(0, 200), units, MONTHS, 11, '2025-12-31')];
    expect(again).toEqual([...generateEncounters(people.slice(0, 200), units, MONTHS, 11, '2025-12-31')]);
  });
});
