import { describe, expect, it } from 'vitest';
import { addDays, daysLeft, expiryState } from './expiry.ts';

describe('expiry', () => {
  it('adds days across a month end and a leap day', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('counts the last day of use as 0 days left and the next as expired', () => {
    expect(daysLeft('2026-03-14', '2026-03-14')).toBe(0);
    expect(daysLeft('2026-03-14', '2026-03-15')).toBe(-1);
    expect(daysLeft('2026-03-14', '2026-03-01')).toBe(13);
  });

  it('marks a pack expiring within three days as soon, on the same reach as the expiresBy filter', () => {
    expect(expiryState('2026-03-04', '2026-03-01')).toBe('soon');
    expect(expiryState(addDays('2026-03-01', 3), '2026-03-01')).toBe('soon');
    expect(expiryState('2026-03-05', '2026-03-01')).toBe('ok');
    expect(expiryState('2026-02-28', '2026-03-01')).toBe('expired');
    expect(expiryState('2026-03-01', '2026-03-01')).toBe('soon');
  });
});
