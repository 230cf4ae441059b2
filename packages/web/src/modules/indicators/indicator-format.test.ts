import { describe, expect, it } from 'vitest';
import { periodDates } from './indicator-format.ts';

describe('periodDates', () => {
  it('gives the first and last day of a year, a quarter and a month', () => {
    expect(periodDates('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodDates('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodDates('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDates('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodDates('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodDates('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });
});
