import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INTERPRETATION_FLAGS, interpret, isCritical, validateObservations, type Observation } from './lab-results.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const potassium: Observation = { code: '2823-3', name: '钾', value: 4.1, unit: 'mmol/L', low: 3.5, high: 5.5, criticalLow: 2.5, criticalHigh: 6.5 };
const hbsag: Observation = { code: 'HBsAg', name: '乙肝表面抗原', value: '阴性', unit: '' };

describe('validateObservations (docs/domain/diagnostics.md "Lab results")', () => {
  it('accepts numbers with ranges, text values and half-open ranges', () => {
    expect(() => validateObservations([potassium, hbsag, { code: 'eGFR', value: 95, unit: 'mL/min/1.73m2', low: 90 }])).not.toThrow();
  });

  it('names the offending field', () => {
    const withBad = (bad: Partial<Observation>) => () => validateObservations([potassium, hbsag, { ...potassium, code: 'NA', ...bad }]);
    expect(fieldOf(() => validateObservations([]))).toBe('observations');
    expect(fieldOf(() => validateObservations(Array.from({ length: 201 }, (_, i) => ({ code: `c${i}`, value: 1, unit: '' }))))).toBe('observations');
    expect(() => validateObservations(Array.from({ length: 200 }, (_, i) => ({ code: `c${i}`, value: 1, unit: '' })))).not.toThrow();
    expect(fieldOf(withBad({ code: '  ' }))).toBe('observations[2].code');
    expect(fieldOf(withBad({ code: '2823-3' }))).toBe('observations[2].code');
    expect(fieldOf(withBad({ value: Number.NaN }))).toBe('observations[2].value');
    expect(fieldOf(withBad({ value: ' ' }))).toBe('observations[2].value');
    expect(fieldOf(withBad({ low: Number.POSITIVE_INFINITY }))).toBe('observations[2].low');
    expect(fieldOf(withBad({ criticalHigh: Number.NaN }))).toBe('observations[2].criticalHigh');
    expect(fieldOf(withBad({ low: 6, high: 5 }))).toBe('observations[2].high');
    expect(fieldOf(withBad({ criticalLow: 3.6 }))).toBe('observations[2].criticalLow');
    expect(fieldOf(withBad({ criticalHigh: 5.4 }))).toBe('observations[2].criticalHigh');
    expect(fieldOf(withBad({ low: undefined, high: undefined, criticalLow: 7, criticalHigh: 6 }))).toBe('observations[2].criticalHigh');
  });

  it('allows a critical limit equal to the reference limit, and one-sided limits', () => {
    expect(() => validateObservations([{ ...potassium, criticalLow: 3.5, criticalHigh: 5.5 }])).not.toThrow();
    expect(() => validateObservations([{ code: 'GLU', value: 30, unit: 'mmol/L', criticalHigh: 25 }])).not.toThrow();
  });

  it('accepts every well-formed list, and refuses each single fault naming it', () => {
    const ok = fc
      .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }))
      .map(([low, w, dl, dh]): Observation => ({ code: '', value: low + w / 2, unit: 'u', low, high: low + w, criticalLow: low - dl, criticalHigh: low + w + dh }));
    fc.assert(
      fc.property(fc.array(ok, { minLength: 1, maxLength: 30 }), fc.nat(), fc.constantFrom('code', 'dup', 'value', 'range', 'critLow', 'critHigh'), (list, k, fault) => {
        const obs = list.map((o, i) => ({ ...o, code: `c${i}` }));
        expect(() => validateObservations(obs)).not.toThrow();
        const i = k % obs.length;
        const o = obs[i]!;
        const broken = { ...o };
        let field = '';
        if (fault === 'code') [broken.code, field] = ['', 'code'];
        if (fault === 'dup' && i > 0) [broken.code, field] = ['c0', 'code'];
        if (fault === 'value') [broken.value, field] = [Number.NaN, 'value'];
        if (fault === 'range') [broken.high, field] = [o.low! - 1, 'high'];
        if (fault === 'critLow') [broken.criticalLow, field] = [o.low! + 1, 'criticalLow'];
        if (fault === 'critHigh') [broken.criticalHigh, field] = [o.high! - 1, 'criticalHigh'];
        if (field === '') return;
        obs[i] = broken;
        expect(fieldOf(() => validateObservations(obs))).toBe(`observations[${i}].${field}`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('interpret (docs/domain/diagnostics.md "Interpretation flags")', () => {
  it('flags by the HL7 v2 table 0078 codes, inclusive reference range, strict critical limits', () => {
    const k = (value: number) => interpret({ ...potassium, value });
    expect([2.4, 2.5, 3.4, 3.5, 4.1, 5.5, 5.6, 6.5, 6.6].map(k)).toEqual(['LL', 'L', 'L', 'N', 'N', 'N', 'H', 'H', 'HH']);
  });

  it('gives null for text values and for numbers with nothing to compare with', () => {
    expect(interpret(hbsag)).toBeNull();
    expect(interpret({ value: '5.2', low: 3, high: 6 })).toBeNull();
    expect(interpret({ value: 5 })).toBeNull();
    expect(interpret({ value: 5, criticalHigh: 25 })).toBeNull();
    expect(interpret({ value: 30, criticalHigh: 25 })).toBe('HH');
    expect(interpret({ value: 80, low: 90 })).toBe('L');
    expect(interpret({ value: 900, low: 90 })).toBe('N');
  });

  const limits = fc
    .tuple(fc.integer({ min: -1000, max: 1000 }), fc.nat({ max: 100 }), fc.nat({ max: 100 }), fc.nat({ max: 100 }))
    .map(([low, w, dl, dh]) => ({ low, high: low + w, criticalLow: low - dl, criticalHigh: low + w + dh }));

  it('never decreases as the value grows', () => {
    fc.assert(
      fc.property(limits, fc.integer({ min: -1200, max: 1200 }), fc.integer({ min: -1200, max: 1200 }), (l, a, b) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(INTERPRETATION_FLAGS.indexOf(interpret({ ...l, value: x })!)).toBeLessThanOrEqual(INTERPRETATION_FLAGS.indexOf(interpret({ ...l, value: y })!));
      }),
      { numRuns: 2000 },
    );
  });

  it('says N exactly inside the reference range and critical exactly beyond the critical limits', () => {
    fc.assert(
      fc.property(limits, fc.integer({ min: -1200, max: 1200 }), (l, v) => {
        const f = interpret({ ...l, value: v });
        expect(f === 'N').toBe(v >= l.low && v <= l.high);
        expect(isCritical(f)).toBe(v < l.criticalLow || v > l.criticalHigh);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isCritical', () => {
  it('is true when any flag is LL or HH', () => {
    expect(isCritical(['N', 'H', null])).toBe(false);
    expect(isCritical(['N', 'HH'])).toBe(true);
    expect(isCritical('LL')).toBe(true);
    expect(isCritical(null)).toBe(false);
    expect(isCritical([])).toBe(false);
  });
});
