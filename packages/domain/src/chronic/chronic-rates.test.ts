import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { combineRates, computeChronicRates, longPrescriptionAllowed, requiredFollowUps, type EnrollmentFact, type FollowUpFact } from './chronic-rates.ts';

const e = (id: string, o: Partial<EnrollmentFact> = {}): EnrollmentFact => ({ id, disease: 'hypertension', birthDate: '1950-01-01', enrolledOn: '2020-01-01', endedOn: null, ...o });
const f = (enrollmentId: string, date: string, o: Partial<FollowUpFact> = {}): FollowUpFact => ({ enrollmentId, date, way: 'clinic', controlled: true, ...o });
const quarterly = (id: string, o: Partial<FollowUpFact> = {}) => ['2025-02-01', '2025-05-01', '2025-08-01', '2025-11-01'].map((d) => f(id, d, o));

describe('requiredFollowUps', () => {
  it('asks 4 for a whole year and prorates a partial one, at least 1', () => {
    expect(requiredFollowUps({ enrolledOn: '2020-05-01', endedOn: null }, 2025)).toBe(4);
    expect(requiredFollowUps({ enrolledOn: '2025-07-15', endedOn: null }, 2025)).toBe(2);
    expect(requiredFollowUps({ enrolledOn: '2025-04-01', endedOn: null }, 2025)).toBe(3);
    expect(requiredFollowUps({ enrolledOn: '2025-12-20', endedOn: null }, 2025)).toBe(1);
    expect(requiredFollowUps({ enrolledOn: '2020-01-01', endedOn: '2025-03-31' }, 2025)).toBe(1);
  });
});

describe('computeChronicRates (docs/domain/chronic.md)', () => {
  it('counts a fully followed, controlled patient as standard and controlled', () => {
    expect(computeChronicRates([e('a')], quarterly('a'), 2025, '2025-12-31')).toEqual({ managed: 1, standard: 1, controlled: 1, standardRate: 1, controlRate: 1 });
  });

  it('does not count phone follow-ups as face-to-face', () => {
    const fus = [...quarterly('a').slice(0, 3), f('a', '2025-12-01', { way: 'phone' })];
    expect(computeChronicRates([e('a')], fus, 2025, '2025-12-31')).toMatchObject({ managed: 1, standard: 0, controlled: 1 });
  });

  it('judges control by the latest follow-up in the year, and none as lost', () => {
    const fus = [...quarterly('a'), f('a', '2025-12-15', { controlled: false })];
    expect(computeChronicRates([e('a'), e('b')], fus, 2025, '2025-12-31')).toMatchObject({ managed: 2, controlled: 0, controlRate: 0 });
  });

  it('excludes patients under 35, enrolled after the as-of date or ended before the year', () => {
    const list = [e('young', { birthDate: '1991-01-01' }), e('late', { enrolledOn: '2026-01-05' }), e('gone', { endedOn: '2024-12-31' }), e('ok')];
    expect(computeChronicRates(list, [], 2025, '2025-12-31').managed).toBe(1);
  });

  it('gives null, never 0, when nobody is managed', () => {
    expect(computeChronicRates([], [], 2025, '2025-12-31')).toEqual({ managed: 0, standard: 0, controlled: 0, standardRate: null, controlRate: null });
  });

  it('ignores follow-ups after the as-of date or outside the year', () => {
    const fus = [f('a', '2024-12-31'), ...quarterly('a').slice(0, 2), f('a', '2025-09-01', { controlled: false })];
    expect(computeChronicRates([e('a')], fus, 2025, '2025-06-30')).toMatchObject({ standard: 0, controlled: 1 });
  });

  it('combines diseases by adding numerators and denominators', () => {
    const a = computeChronicRates([e('a'), e('b')], quarterly('a'), 2025, '2025-12-31');
    const b = computeChronicRates([e('c', { disease: 'diabetes' })], quarterly('c'), 2025, '2025-12-31', 'diabetes');
    expect(combineRates(a, b)).toEqual({ managed: 3, standard: 2, controlled: 2, standardRate: 2 / 3, controlRate: 2 / 3 });
  });

  it('keeps rates within [0, 1] and numerators within denominators on random data', () => {
    fc.assert(fc.property(fc.array(fc.record({ n: fc.integer({ min: 0, max: 20 }), way: fc.constantFrom('clinic' as const, 'home' as const, 'phone' as const), ok: fc.boolean(), day: fc.integer({ min: 0, max: 364 }) }), { maxLength: 80 }), (rows) => {
      const es = Array.from({ length: 21 }, (_, i) => e(`p${i}`));
      const fus = rows.map((r) => f(`p${r.n}`, new Date(Date.UTC(2025, 0, 1 + r.day)).toISOString().slice(0, 10), { way: r.way, controlled: r.ok }));
      const rate = computeChronicRates(es, fus, 2025, '2025-12-31');
      expect(rate.standard).toBeLessThanOrEqual(rate.managed);
      expect(rate.controlled).toBeLessThanOrEqual(rate.managed);
    }));
  });
});

describe('longPrescriptionAllowed', () => {
  const base = { weeks: 12, latest: { date: '2025-10-01', classification: 'satisfactory' }, today: '2025-12-01', unitKind: 'township_center' };
  it('allows 8–12 weeks for a stable patient at a township centre', () => {
    expect(longPrescriptionAllowed(base)).toEqual({ ok: true });
  });
  it('refuses more than 12 weeks, an unsatisfactory or stale follow-up, and a village clinic', () => {
    expect(longPrescriptionAllowed({ ...base, weeks: 13 }).ok).toBe(false);
    expect(longPrescriptionAllowed({ ...base, latest: { date: '2025-10-01', classification: 'unsatisfactory' } }).ok).toBe(false);
    expect(longPrescriptionAllowed({ ...base, latest: { date: '2025-08-31', classification: 'satisfactory' } }).ok).toBe(false);
    expect(longPrescriptionAllowed({ ...base, unitKind: 'village_clinic' }).ok).toBe(false);
  });
});
