import { describe, expect, it } from 'vitest';
import { applyRates, applyRatesOver, divideRounded, formatPercent, formatYuan, isWithinRate } from './money.ts';

describe('fen arithmetic', () => {
  it('reads a ratio as the decimal written, so half a fen rounds up where a double product would not', () => {
    // 50 × 0.29 = 14.5 exactly; as doubles 50 * 0.29 = 14.499999999999998 and Math.round gives 14
    expect(applyRates(50, 0.29)).toBe(15);
    expect(applyRates(30, 0.95)).toBe(29);
  });

  it('rounds a product of several ratios once', () => {
    // 5 × 0.1 × 0.5 = 0.25 → 0; rounding after each step would give round(round(0.5) × 0.5) = 1
    expect(applyRates(5, 0.1, 0.5)).toBe(0);
    expect(applyRates(1_000_000_000, 0.1, 0.5)).toBe(50_000_000);
  });

  it('divides with one rounding, half away from zero', () => {
    expect(applyRatesOver(1_000_003, 12, [0.9])).toBe(75_000); // 900,002.7 ÷ 12 = 75,000.225
    expect(divideRounded(3n, 2n)).toBe(2);
    expect(divideRounded(-3n, 2n)).toBe(-2);
    expect(divideRounded(5n, 4n)).toBe(1);
  });

  it('compares an amount with a rate of a base exactly', () => {
    expect(isWithinRate(100_000_000, 1_000_000_000, 0.1)).toBe(true);
    expect(isWithinRate(100_000_001, 1_000_000_000, 0.1)).toBe(false);
  });

  it('formats fen as yuan and ratios as percentages for the rule texts', () => {
    expect(formatYuan(80_000)).toBe('800');
    expect(formatYuan(123_456)).toBe('1,234.56');
    expect(formatYuan(30_000_000)).toBe('300,000');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-5)).toBe('-0.05');
    expect(formatPercent(0.85)).toBe('85%');
    expect(formatPercent(0.725)).toBe('72.5%');
    expect(formatPercent(0.55)).toBe('55%');
  });
});
