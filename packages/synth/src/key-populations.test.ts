import { describe, expect, it } from 'vitest';
import { ageOn, deriveKeyPopulationTags } from '@yigong/domain';
import { generateCommunity } from './community.ts';
import { SYNTH_ICD10 } from './health.ts';
import { existsSync, readFileSync } from 'node:fs';

const AS_OF = '2026-11-01';
const residents = [...generateCommunity({ regionCode: '330521', size: 'demo', seed: 5, asOf: AS_OF }).households()].flatMap((h) => h.members);
const share = (pred: (r: (typeof residents)[number]) => boolean, among: (r: (typeof residents)[number]) => boolean = () => true) =>
  residents.filter((r) => among(r) && pred(r)).length / residents.filter(among).length;
const age = (r: (typeof residents)[number]) => ageOn(r.birthDate, AS_OF);
const has = (prefix: string) => (r: (typeof residents)[number]) => r.problems.some((p) => p.icd10Code.startsWith(prefix));

describe('key populations of a synthetic county', () => {
  it('registers hypertension in about a quarter and type-2 diabetes in about a tenth of those aged 35+', () => {
    expect(share(has('I1'), (r) => age(r) >= 35)).toBeGreaterThan(0.2);
    expect(share(has('I1'), (r) => age(r) >= 35)).toBeLessThan(0.3);
    expect(share(has('E11'), (r) => age(r) >= 35)).toBeGreaterThan(0.07);
    expect(share(has('E11'), (r) => age(r) >= 35)).toBeLessThan(0.13);
    // Rising with age.
    expect(share(has('I1'), (r) => age(r) >= 65)).toBeGreaterThan(share(has('I1'), (r) => age(r) >= 35 && age(r) < 50));
    expect(share(has('I1'), (r) => age(r) < 18)).toBe(0);
  });

  it('flags disability, poverty and special family-planning families at their national shares', () => {
    expect(share((r) => !!r.flags.disabled)).toBeGreaterThan(0.045);
    expect(share((r) => !!r.flags.disabled)).toBeLessThan(0.075);
    expect(share((r) => !!r.flags.poverty)).toBeGreaterThan(0.02);
    expect(share((r) => !!r.flags.poverty)).toBeLessThan(0.04);
    expect(share((r) => !!r.flags.specialFamilyPlanning)).toBeGreaterThan(0.002);
    expect(share((r) => !!r.flags.specialFamilyPlanning)).toBeLessThan(0.01);
    expect(residents.filter((r) => r.flags.specialFamilyPlanning).every((r) => age(r) >= 49)).toBe(true);
  });

  it('makes about one woman in a hundred aged 20–40 pregnant or recently delivered, and she is maternal', () => {
    const women = (r: (typeof residents)[number]) => r.sex === 'female' && age(r) >= 20 && age(r) <= 40;
    const maternal = share((r) => !!r.flags.pregnancyDueDate || !!r.flags.deliveryDate, women);
    expect(maternal).toBeGreaterThan(0.005);
    expect(maternal).toBeLessThan(0.025);
    const flagged = residents.filter((r) => r.flags.pregnancyDueDate || r.flags.deliveryDate);
    expect(flagged.every((r) => r.sex === 'female')).toBe(true);
    for (const r of flagged) {
      expect(deriveKeyPopulationTags({ birthDate: r.birthDate, problemCodes: [], flags: r.flags }, AS_OF)).toContain('maternal');
    }
  });

  it('insures about 20 % as employees, 77 % as urban–rural residents, 1 % commercially and leaves 2 % uninsured', () => {
    expect(share((r) => r.insuranceScheme === 'urban_employee')).toBeCloseTo(0.2, 1);
    expect(share((r) => r.insuranceScheme === 'urban_rural_resident')).toBeCloseTo(0.77, 1);
    expect(share((r) => r.insuranceScheme === 'commercial')).toBeLessThan(0.02);
    expect(share((r) => r.insuranceScheme === 'none')).toBeLessThan(0.04);
  });

  it('uses only the listed ICD-10 codes, with onsets after birth and before the reference date', () => {
    const codes = new Set<string>(SYNTH_ICD10.map((x) => x.code));
    for (const r of residents) {
      for (const p of r.problems) {
        expect(codes.has(p.icd10Code)).toBe(true);
        expect(p.onsetDate > r.birthDate && p.onsetDate <= AS_OF).toBe(true);
      }
    }
  });

  it('uses codes present in the shipped ICD-10 table when it exists', () => {
    const file = new URL('../../server/data/icd10/icd10.tsv', import.meta.url);
    if (!existsSync(file)) return;
    const shipped = new Set(readFileSync(file, 'utf8').split('\n').map((l) => l.split('\t')[0]));
    for (const x of SYNTH_ICD10) expect(shipped.has(x.code), x.code).toBe(true);
  });

  it('gives names of two to four characters and mobile numbers', () => {
    for (const r of residents) {
      expect(r.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(r.phone).toMatch(/^1[3-9]\d{9}$/);
    }
  });
});
