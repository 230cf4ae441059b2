import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareWorklist, isReportOverdue, percentileNearestRank, percentileOfHistogram, reportDueAt, turnaroundMinutes, turnaroundSummary, waitingMinutes, type WorklistEntry } from './turnaround.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';
import { ORDER_STATUSES, type Modality } from './order-machine.ts';

const t = new Date('2026-03-02T01:00:00Z');
const at = (minutes: number) => new Date(t.getTime() + minutes * 60_000);

describe('report due time and turnaround (docs/domain/diagnostics.md "Turnaround")', () => {
  it('adds the target of the priority to the arrival of the data', () => {
    const targets = { routine: 24 * 60, urgent: 30 };
    expect(reportDueAt(t, 'urgent', targets).toISOString()).toBe('2026-03-02T01:30:00.000Z');
    expect(reportDueAt(t, 'routine', targets).toISOString()).toBe('2026-03-03T01:00:00.000Z');
  });

  it('refuses a target that is not a positive whole number of minutes', () => {
    expect(fieldOf(() => reportDueAt(t, 'urgent', { routine: 60, urgent: 0 }))).toBe('targets.urgent');
    expect(fieldOf(() => reportDueAt(t, 'routine', { routine: 1.5, urgent: 30 }))).toBe('targets.routine');
    expect(fieldOf(() => reportDueAt(t, 'routine', { routine: Number.NaN, urgent: 30 }))).toBe('targets.routine');
  });

  it('counts whole minutes from data arrival to signature, rounding down', () => {
    expect(turnaroundMinutes(t, at(42))).toBe(42);
    expect(turnaroundMinutes(t, new Date(t.getTime() + 59_999))).toBe(0);
    expect(turnaroundMinutes(t, t)).toBe(0);
    expect(fieldOf(() => turnaroundMinutes(t, at(-1)))).toBe('reportedAt');
  });

  it('counts waiting minutes, never below zero', () => {
    expect(waitingMinutes(t, at(90))).toBe(90);
    expect(waitingMinutes(at(5), t)).toBe(0);
  });

  it('flags only resulted orders past their due time', () => {
    const due = at(30);
    expect(isReportOverdue('resulted', due, at(31))).toBe(true);
    expect(isReportOverdue('resulted', due, due)).toBe(false);
    expect(isReportOverdue('resulted', null, at(9999))).toBe(false);
    for (const s of ORDER_STATUSES.filter((x) => x !== 'resulted')) expect(isReportOverdue(s, due, at(31))).toBe(false);
  });
});

describe('compareWorklist (docs/domain/diagnostics.md "Worklist")', () => {
  const now = at(120);
  const e = (id: string, priority: 'routine' | 'urgent', dueMin: number | null, waitingMin: number, status: 'resulted' | 'ordered' = 'resulted'): WorklistEntry => ({
    id,
    priority,
    status,
    dueAt: dueMin === null ? null : at(dueMin),
    waitingSince: at(120 - waitingMin),
  });

  it('puts urgent first, then overdue, then the longest waiting', () => {
    const list = [
      e('routine-new', 'routine', 1440, 5),
      e('routine-overdue', 'routine', 60, 100),
      e('urgent-fresh', 'urgent', 150, 10),
      e('routine-old', 'routine', 1440, 110),
      e('urgent-overdue', 'urgent', 100, 50),
      e('urgent-waiting', 'urgent', 130, 40),
      e('urgent-not-arrived', 'urgent', null, 60, 'ordered'),
    ];
    expect(list.sort((a, b) => compareWorklist(a, b, now)).map((x) => x.id)).toEqual([
      'urgent-overdue',
      'urgent-not-arrived',
      'urgent-waiting',
      'urgent-fresh',
      'routine-overdue',
      'routine-old',
      'routine-new',
    ]);
  });

  const entry = fc.record({
    id: fc.string({ maxLength: 3 }),
    priority: fc.constantFrom('routine' as const, 'urgent' as const),
    status: fc.constantFrom(...ORDER_STATUSES),
    dueAt: fc.option(fc.integer({ min: 0, max: 300 }).map(at), { nil: null }),
    waitingSince: fc.integer({ min: 0, max: 300 }).map(at),
  });

  it('is a total order: antisymmetric, transitive, zero only for equal keys', () => {
    fc.assert(
      fc.property(entry, entry, entry, (a, b, c) => {
        expect(Math.sign(compareWorklist(a, b, now)) + Math.sign(compareWorklist(b, a, now))).toBe(0);
        if (compareWorklist(a, b, now) === 0) expect([a.id, a.priority, a.waitingSince.getTime()]).toEqual([b.id, b.priority, b.waitingSince.getTime()]);
        if (compareWorklist(a, b, now) <= 0 && compareWorklist(b, c, now) <= 0) expect(compareWorklist(a, c, now)).toBeLessThanOrEqual(0);
        expect(compareWorklist(a, a, now)).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never puts a routine order above an urgent one, nor a fresh one above an overdue one of the same priority', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (list) => {
        const sorted = [...list].sort((a, b) => compareWorklist(a, b, now));
        for (let i = 1; i < sorted.length; i++) {
          const [x, y] = [sorted[i - 1]!, sorted[i]!];
          if (x.priority === 'routine') expect(y.priority).toBe('routine');
          if (x.priority === y.priority && !isReportOverdue(x.status, x.dueAt, now)) expect(isReportOverdue(y.status, y.dueAt, now)).toBe(false);
        }
      }),
    );
  });
});

describe('percentileNearestRank (docs/domain/diagnostics.md "Percentiles")', () => {
  it('takes the value at rank ceil(p·n), as PostgreSQL percentile_disc does', () => {
    const v = [15, 20, 35, 40, 50];
    expect(percentileNearestRank(v, 0.3)).toBe(20);
    expect(percentileNearestRank(v, 0.4)).toBe(20);
    expect(percentileNearestRank(v, 0.5)).toBe(35);
    expect(percentileNearestRank(v, 1)).toBe(50);
    expect(percentileNearestRank(v, 0)).toBe(15);
    expect(percentileNearestRank([3, 1, 2], 0.5)).toBe(2);
    expect(percentileNearestRank([], 0.5)).toBeUndefined();
    // PostgreSQL: percentile_disc(0.55) over 1..100 is 56 (0.55 × 100 is 55.000000000000007 in doubles).
    expect(percentileNearestRank(Array.from({ length: 100 }, (_, i) => i + 1), 0.55)).toBe(56);
  });

  it('refuses p outside [0, 1] and non-finite values', () => {
    expect(fieldOf(() => percentileNearestRank([1], 1.5))).toBe('p');
    expect(fieldOf(() => percentileNearestRank([1], Number.NaN))).toBe('p');
    expect(fieldOf(() => percentileNearestRank([1, Number.POSITIVE_INFINITY], 0.5))).toBe('values[1]');
  });

  const values = fc.array(fc.integer({ min: -1000, max: 100_000 }), { minLength: 1, maxLength: 60 });
  const p = fc.double({ min: 0, max: 1, noNaN: true });

  it('is a member of the list, p = 1 gives the maximum, and it grows with p', () => {
    fc.assert(
      fc.property(values, p, p, (v, p1, p2) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(v).toContain(percentileNearestRank(v, lo));
        expect(percentileNearestRank(v, lo)!).toBeLessThanOrEqual(percentileNearestRank(v, hi)!);
        expect(percentileNearestRank(v, 1)).toBe(Math.max(...v));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the brute-force definition: the least value with at least p·n values at or below it', () => {
    fc.assert(
      fc.property(values, fc.oneof(p, fc.integer({ min: 0, max: 20 }).map((k) => k / 20)), (v, q) => {
        const brute = v.filter((x) => v.filter((y) => y <= x).length >= q * v.length).reduce((a, b) => Math.min(a, b));
        expect(percentileNearestRank(v, q)).toBe(brute);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('turnaroundSummary', () => {
  it('gives count, p50 and p90 per modality, nulls where there is nothing', () => {
    const rows: { modality: Modality; turnaroundMinutes: number }[] = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((m) => ({ modality: 'imaging', turnaroundMinutes: m }));
    rows.push({ modality: 'imaging', turnaroundMinutes: 5 }, { modality: 'ecg', turnaroundMinutes: 12 });
    expect(turnaroundSummary(rows)).toEqual({
      imaging: { count: 11, p50: 50, p90: 90 },
      ecg: { count: 1, p50: 12, p90: 12 },
      lab: { count: 0, p50: null, p90: null },
      pathology: { count: 0, p50: null, p90: null },
    });
  });
});

describe('percentileOfHistogram (docs/domain/diagnostics.md "Percentiles")', () => {
  it('equals percentileNearestRank of the list the histogram counts', () => {
    fc.assert(fc.property(fc.array(fc.record({ value: fc.integer({ min: 0, max: 3000 }), count: fc.integer({ min: 1, max: 20 }) }), { maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (hist, p) => {
      const list = hist.flatMap((h) => Array.from({ length: h.count }, () => h.value));
      expect(percentileOfHistogram(hist, p)).toBe(percentileNearestRank(list, p));
    }));
  });
  it('refuses a count that is not a positive whole number, and p outside [0, 1]', () => {
    expect(() => percentileOfHistogram([{ value: 1, count: 0 }], 0.5)).toThrow(/频数/);
    expect(() => percentileOfHistogram([{ value: 1, count: 1 }], 1.5)).toThrow(/百分位/);
  });
});
