import { describe, expect, it } from 'vitest';
import { ageOn, deriveKeyPopulationTags } from './key-populations.ts';

const tags = (birthDate: string, problemCodes: string[] = [], flags = {}, asOf = '2025-12-31') => deriveKeyPopulationTags({ birthDate, problemCodes, flags }, asOf);

describe('deriveKeyPopulationTags (docs/domain/indicators.md key population)', () => {
  it('counts age 65 from the 65th birthday, as of the period end', () => {
    expect(tags('1960-12-31')).toContain('elderly_65');
    expect(tags('1961-01-01')).not.toContain('elderly_65');
  });

  it('counts children up to and including age 6', () => {
    expect(tags('2019-01-01')).toContain('child_0_6');
    expect(tags('2018-12-31')).not.toContain('child_0_6');
    expect(tags('2025-12-31')).toContain('child_0_6');
  });

  it('tags registered hypertension (I10–I15), type-2 diabetes (E11), TB and severe mental disorders', () => {
    expect(tags('1980-01-01', ['I10', 'E11.9', 'A15.0', 'F20.9'])).toEqual(['hypertension', 'diabetes_t2', 'tuberculosis', 'severe_mental']);
    expect(tags('1980-01-01', ['E10.9', 'I20.9'])).toEqual([]);
  });

  it('covers pregnancy and 42 days after delivery', () => {
    expect(tags('1995-01-01', [], { pregnancyDueDate: '2026-03-01' })).toContain('maternal');
    expect(tags('1995-01-01', [], { deliveryDate: '2025-11-19' })).toContain('maternal');
    expect(tags('1995-01-01', [], { deliveryDate: '2025-11-18' })).not.toContain('maternal');
  });

  it('takes the recorded flags', () => {
    expect(tags('1980-01-01', [], { disabled: true, poverty: true, specialFamilyPlanning: true })).toEqual(['disabled', 'special_family_planning', 'poverty']);
  });
});

describe('ageOn', () => {
  it('counts a birthday on the day', () => {
    expect(ageOn('2000-03-01', '2025-03-01')).toBe(25);
    expect(ageOn('2000-03-01', '2025-02-28')).toBe(24);
  });
});
