import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitByLargestRemainder } from './largest-remainder.ts';
import { fieldOf } from './field-of-error.test-support.ts';

describe('splitByLargestRemainder', () => {
  it('splits exactly when the quotas are whole', () => {
    expect(splitByLargestRemainder(100, [6, 3, 1])).toEqual([60, 30, 10]);
  });

  it('gives the left-over units to the largest remainders', () => {
    // 111,111,111 × 6/10, 3/10, 1/10 = 66,666,666.6 | 33,333,333.3 | 11,111,111.1 → floors leave 1 unit → the .6
    expect(splitByLargestRemainder(111_111_111, [6, 3, 1])).toEqual([66_666_667, 33_333_333, 11_111_111]);
  });

  it('breaks equal remainders by the lower index', () => {
    // 10 / 3 = 3.33 each → one unit left → index 0
    expect(splitByLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByLargestRemainder(2, [5, 5, 5, 5])).toEqual([1, 1, 0, 0]);
  });

  it('splits by fractional weights', () => {
    // 7 × 0.5, 0.25, 0.25 = 3.5 | 1.75 | 1.75 → floors 3, 1, 1 → 2 units to the .75s
    expect(splitByLargestRemainder(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    // score × population with a half-point score: 87.5 × 3 = 262.5 and 90 × 1 = 90
    expect(splitByLargestRemainder(1000, [262.5, 90])).toEqual([745, 255]);
  });

  it('never gives anything to a zero weight', () => {
    expect(splitByLargestRemainder(5, [0, 2, 0, 3])).toEqual([0, 2, 0, 3]);
    expect(splitByLargestRemainder(1, [0, 1e-9])).toEqual([0, 1]);
  });

  it('returns zeros for a zero total, whatever the weights', () => {
    expect(splitByLargestRemainder(0, [0, 0])).toEqual([0, 0]);
    expect(splitByLargestRemainder(0, [])).toEqual([]);
    expect(splitByLargestRemainder(0, [3, 1])).toEqual([0, 0]);
  });

  it('refuses to split a positive total among all-zero weights, naming the field', () => {
    expect(fieldOf(() => splitByLargestRemainder(5, [0, 0]))).toBe('weights');
    expect(fieldOf(() => splitByLargestRemainder(5, [], 'members'))).toBe('members');
  });

  it('rejects a negative or fractional total and a negative or non-finite weight', () => {
    expect(fieldOf(() => splitByLargestRemainder(-1, [1]))).toBe('total');
    expect(fieldOf(() => splitByLargestRemainder(1.5, [1]))).toBe('total');
    expect(fieldOf(() => splitByLargestRemainder(2 ** 53, [1]))).toBe('total');
    expect(fieldOf(() => splitByLargestRemainder(10, [1, -1]))).toBe('weights[1]');
    expect(fieldOf(() => splitByLargestRemainder(10, [Number.NaN], 'cases'))).toBe('cases[0]');
    expect(fieldOf(() => splitByLargestRemainder(10, [Number.POSITIVE_INFINITY]))).toBe('weights[0]');
  });

  it('adds up to the total with integer weights, each part the floor or ceiling of its quota (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1e5 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
      fc.pre(weights.some((w) => w > 0));
      const parts = splitByLargestRemainder(total, weights);
      const sum = weights.reduce((a, b) => a + b, 0);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => {
        // floor(q) ≤ p ≤ floor(q) + 1, checked in integers: p × Σw − total × w ∈ (−Σw, Σw)
        const diff = p * sum - total * weights[i]!;
        expect(diff).toBeGreaterThan(-sum);
        expect(diff).toBeLessThan(sum);
        if (weights[i] === 0) expect(p).toBe(0);
      });
    }));
  });

  it('gives a larger weight at least as much, and an equal weight at a lower index at least as much (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 2, maxLength: 20 }), (total, weights) => {
      const parts = splitByLargestRemainder(total, weights);
      for (let i = 0; i < weights.length; i++) {
        for (let j = 0; j < weights.length; j++) {
          if (weights[i]! > weights[j]! || (weights[i] === weights[j] && i < j)) expect(parts[i]!).toBeGreaterThanOrEqual(parts[j]!);
        }
      }
    }));
  });

  it('adds up to the fen with fractional weights, each part within one unit of its quota (property)', () => {
    const weight = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e7, noNaN: true }));
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 51 }), fc.array(weight, { minLength: 1, maxLength: 40 }), (total, weights) => {
      fc.pre(weights.some((w) => w > 0));
      const parts = splitByLargestRemainder(total, weights);
      const sum = weights.reduce((a, b) => a + b, 0);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => {
        expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
        expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1 + total * 1e-12);
      });
    }));
  });
});
