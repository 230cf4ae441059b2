import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countAsOf, summaryCellChanges, type SummaryPoint } from './summary-cells.ts';

const point = (days: string[], counts: number[][], organizationId: string | null = null, disease: string | null = null): SummaryPoint => ({ organizationId, disease, days, counts });

describe('summaryCellChanges', () => {
  it('puts one change into its year, month and day cells', () => {
    const cells = summaryCellChanges([], [point(['2025-03-10'], [[1], [0]])], 2);
    expect(cells).toEqual([
      { grain: 'd', bucket: '2025-03-10', organizationId: null, disease: null, counts: [1, 0] },
      { grain: 'm', bucket: '2025-03-01', organizationId: null, disease: null, counts: [1, 0] },
      { grain: 'y', bucket: '2025-01-01', organizationId: null, disease: null, counts: [1, 0] },
    ]);
  });

  it('buckets a change in year 10000 (an end in 9999 steps there) by its five-digit year', () => {
    const cells = summaryCellChanges([], [point(['10000-01-01'], [[-1]])], 1);
    expect(cells.map((c) => `${c.grain} ${c.bucket}`)).toEqual(['d 10000-01-01', 'm 10000-01-01', 'y 10000-01-01']);
  });

  it('leaves out cells whose old and new changes cancel', () => {
    const before = [point(['2025-03-10', '2025-07-01'], [[1, -1]], 'u1', 'hypertension')];
    const after = [point(['2025-03-10', '2025-08-01'], [[1, -1]], 'u1', 'hypertension')];
    const cells = summaryCellChanges(before, after, 1);
    expect(cells.map((c) => `${c.grain} ${c.bucket} ${c.counts[0]}`)).toEqual(['d 2025-07-01 1', 'd 2025-08-01 -1', 'm 2025-07-01 1', 'm 2025-08-01 -1']);
  });

  it('keeps units and diseases apart', () => {
    const cells = summaryCellChanges([], [point(['2025-01-05'], [[1]], 'u1', 'diabetes'), point(['2025-01-05'], [[1]], 'u2', 'diabetes')], 1);
    expect(cells.filter((c) => c.grain === 'y').map((c) => c.organizationId)).toEqual(['u1', 'u2']);
  });

  it('counts as of any day what the step functions give (property)', () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const steps = fc.uniqueArray(day, { minLength: 1, maxLength: 6 }).map((ds) => ds.sort()).chain((days) =>
      fc.array(fc.integer({ min: -1, max: 1 }), { minLength: days.length, maxLength: days.length }).map((ch) => point(days, [ch])));
    fc.assert(fc.property(fc.array(steps, { maxLength: 8 }), fc.array(steps, { maxLength: 8 }), day, (before, after, asOf) => {
      const direct = (ps: SummaryPoint[]) => ps.reduce((n, p) => n + p.days.reduce((m, d, i) => m + (d <= asOf ? p.counts[0]![i]! : 0), 0), 0);
      // Cells built incrementally (nothing → before → after) equal the cells of `after` alone.
      const incremental = [...summaryCellChanges([], before, 1), ...summaryCellChanges(before, after, 1)];
      expect(countAsOf(incremental, asOf, 0)).toBe(direct(after));
      expect(countAsOf(summaryCellChanges([], after, 1), asOf, 0)).toBe(direct(after));
    }));
  });
});
