import { describe, expect, it } from 'vitest';
import type { ObservationView } from '@yigong/contracts';
import { formatObservation, toSeries } from './observation-series.ts';

function obs(kind: ObservationView['kind'], observedAt: string, value: number, value2: number | null = null, unit = 'mmHg'): ObservationView {
  return { id: observedAt + kind, kind, value, value2, unit, observedAt, organizationId: null };
}

describe('toSeries', () => {
  it('puts systolic and diastolic pressure in two series, oldest first', () => {
    const s = toSeries([obs('blood_pressure', '2026-02-01T00:00:00Z', 150, 95), obs('blood_pressure', '2026-01-01T00:00:00Z', 140, 90)]);
    expect(s.sbp.map((p) => p.value)).toEqual([140, 150]);
    expect(s.dbp.map((p) => p.value)).toEqual([90, 95]);
  });

  it('keeps fasting and random glucose apart and ignores height and weight', () => {
    const s = toSeries([obs('fasting_glucose', '2026-01-01T00:00:00Z', 6.1, null, 'mmol/L'), obs('random_glucose', '2026-01-02T00:00:00Z', 9.4, null, 'mmol/L'), obs('weight', '2026-01-03T00:00:00Z', 60, null, 'kg')]);
    expect(s.fasting).toHaveLength(1);
    expect(s.random).toHaveLength(1);
    expect(s.sbp).toHaveLength(0);
  });
});

describe('formatObservation', () => {
  it('writes blood pressure as systolic/diastolic', () => {
    expect(formatObservation(obs('blood_pressure', '2026-01-01T00:00:00Z', 120, 80))).toBe('120/80 mmHg');
  });
});
