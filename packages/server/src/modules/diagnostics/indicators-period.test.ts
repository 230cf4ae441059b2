import { describe, expect, it } from 'vitest';
import { splitByMonths } from './indicators.repository.ts';

const at = (d: string) => new Date(`${d}T00:00:00+08:00`);

describe('a period as whole Asia/Shanghai months and partial ends (docs/domain/diagnostics.md "Monthly counts")', () => {
  it('a calendar month is one whole month', () => {
    expect(splitByMonths(at('2026-11-01'), at('2026-12-01'))).toEqual({ months: ['2026-11-01', '2026-12-01'], edges: [] });
  });
  it('a year to date: eleven whole months and the partial ends', () => {
    expect(splitByMonths(at('2025-12-08'), at('2026-12-08'))).toEqual({ months: ['2026-01-01', '2026-12-01'], edges: [[at('2025-12-08'), at('2026-01-01')], [at('2026-12-01'), at('2026-12-08')]] });
  });
  it('a stretch inside one month, or across one boundary without a whole month, reads the orders only', () => {
    expect(splitByMonths(at('2026-11-03'), at('2026-11-20'))).toEqual({ months: null, edges: [[at('2026-11-03'), at('2026-11-20')]] });
    expect(splitByMonths(at('2026-11-08'), at('2026-12-08'))).toEqual({ months: null, edges: [[at('2026-11-08'), at('2026-12-08')]] });
  });
  it('December into January', () => {
    expect(splitByMonths(at('2026-12-01'), at('2027-02-01'))).toEqual({ months: ['2026-12-01', '2027-02-01'], edges: [] });
  });
});
