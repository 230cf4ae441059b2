import { describe, expect, it } from 'vitest';
import { addDays, lastDays, orderDrillPath, periodDays, readOrderDrill, readPeriod } from './centre-period.ts';

const ORG = '080f2991-6705-4343-a75c-64ddb0fdff63';

describe('centre period', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('defaults to the last 30 days up to today in Shanghai', () => {
    // 2026-12-06 20:00Z is already 2026-12-07 in Shanghai.
    expect(lastDays(30, new Date('2026-12-06T20:00:00Z'))).toEqual({ from: '2026-11-08', to: '2026-12-07' });
    expect(periodDays({ from: '2026-11-08', to: '2026-12-07' })).toBe(30);
  });

  it('reads a period the API takes, else nothing', () => {
    expect(readPeriod(new URLSearchParams('from=2026-11-01&to=2026-11-30'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(readPeriod(new URLSearchParams('from=2026-11-30&to=2026-11-01'))).toBeNull();
    expect(readPeriod(new URLSearchParams('from=2026-02-30&to=2026-03-01'))).toBeNull();
    expect(readPeriod(new URLSearchParams('from=2026-11-01'))).toBeNull();
    expect(readPeriod(new URLSearchParams('from=2024-01-01&to=2024-12-31'))).toEqual({ from: '2024-01-01', to: '2024-12-31' }); // 366 days
    expect(readPeriod(new URLSearchParams('from=2024-01-01&to=2025-01-01'))).toBeNull();
  });

  it('goes from a member to its orders and back', () => {
    const path = orderDrillPath(ORG, { from: '2026-11-08', to: '2026-12-07' });
    expect(path).toBe(`/diagnostics/orders?orderingOrganizationId=${ORG}&from=2026-11-08&to=2026-12-07`);
    expect(readOrderDrill(new URL(path, 'http://x').searchParams)).toEqual({ orderingOrganizationId: ORG, from: '2026-11-08', to: '2026-12-07' });
  });

  it('keeps a unit without a period, and drops what is not an id', () => {
    expect(readOrderDrill(new URLSearchParams(`orderingOrganizationId=${ORG}&from=bad`))).toEqual({ orderingOrganizationId: ORG });
    expect(readOrderDrill(new URLSearchParams('orderingOrganizationId=abc'))).toBeNull();
    expect(readOrderDrill(new URLSearchParams('status=reported'))).toBeNull();
  });
});
