import { describe, expect, it } from 'vitest';
import { periodMonths } from './indicator-period.ts';

describe('periodMonths', () => {
  it('gives a year its twelve months, a quarter its three, a month itself', () => {
    expect(periodMonths('2025')).toHaveLength(12);
    expect(periodMonths('2025').at(-1)).toBe('2025-12-01');
    expect(periodMonths('2025-Q4')).toEqual(['2025-10-01', '2025-11-01', '2025-12-01']);
    expect(periodMonths('2025-03')).toEqual(['2025-03-01']);
  });
});
